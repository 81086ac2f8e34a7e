package org.foodnet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads Solomon-format CVRPTW files (Solomon, Gehring &amp; Homberger) and Li &amp; Lim PDPTW files; the format is
 * recognised from the content. A malformed file fails with an {@link InstanceFormatException} naming the file
 * and the line.
 */
public final class InstanceReader {

    private InstanceReader() {
    }

    /** Reads one instance; its name is the file name without extension. */
    public static Instance read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark file " + file + ": " + e.getMessage(), e);
        }
        String name = nameOf(file);
        int first = firstNonBlank(lines);
        if (first < 0) {
            throw new InstanceFormatException(file, 0, "empty file");
        }
        String head = lines.get(first).trim();
        if (Character.isDigit(head.charAt(0)) || head.charAt(0) == '-') {
            return readLiLim(file, name, lines, first);
        }
        return readSolomon(file, name, lines, first);
    }

    static String nameOf(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static Instance readSolomon(Path file, String name, List<String> lines, int first) {
        int vehicles = -1;
        int capacity = -1;
        List<Instance.Node> nodes = new ArrayList<>();
        int i = first + 1;
        // VEHICLE block: a header line, then "number capacity"
        i = expectKeyword(file, lines, i, "VEHICLE");
        for (; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || !Character.isDigit(line.charAt(0))) {
                if (line.toUpperCase(Locale.ROOT).startsWith("CUSTOMER")) {
                    break;
                }
                continue;
            }
            String[] f = fields(line);
            if (f.length != 2) {
                throw new InstanceFormatException(file, i + 1, "expected 'number capacity' in the VEHICLE block, got: " + line);
            }
            vehicles = intField(file, i, f[0], "vehicle number");
            capacity = intField(file, i, f[1], "capacity");
            i++;
            break;
        }
        if (vehicles < 0) {
            throw new InstanceFormatException(file, i + 1, "missing 'number capacity' line in the VEHICLE block");
        }
        i = expectKeyword(file, lines, i, "CUSTOMER");
        for (; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || (nodes.isEmpty() && Character.isLetter(line.charAt(0)))) {
                continue; // blank lines and the column header
            }
            String[] f = fields(line);
            if (f.length != 7) {
                throw new InstanceFormatException(file, i + 1, "expected 7 columns (id x y demand ready due service), got "
                        + f.length + ": " + line);
            }
            int id = intField(file, i, f[0], "customer number");
            if (id != nodes.size()) {
                throw new InstanceFormatException(file, i + 1, "expected customer number " + nodes.size() + ", got " + id);
            }
            Instance.Node node = new Instance.Node(id, doubleField(file, i, f[1], "x"), doubleField(file, i, f[2], "y"),
                    intField(file, i, f[3], "demand"), intField(file, i, f[4], "ready time"),
                    intField(file, i, f[5], "due date"), intField(file, i, f[6], "service time"), 0, 0);
            checkNode(file, i, node);
            if (node.demand() < 0) {
                throw new InstanceFormatException(file, i + 1, "demand must be >= 0 in a CVRPTW file, got " + node.demand());
            }
            nodes.add(node);
        }
        if (nodes.size() < 2) {
            throw new InstanceFormatException(file, lines.size(), "no customers (expected a depot row 0 and customer rows)");
        }
        return build(file, name, Instance.Kind.CVRPTW, vehicles, capacity, nodes);
    }

    private static int expectKeyword(Path file, List<String> lines, int from, String keyword) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.toUpperCase(Locale.ROOT).startsWith(keyword)) {
                return i + 1;
            }
            throw new InstanceFormatException(file, i + 1, "expected the " + keyword + " block, got: " + line);
        }
        throw new InstanceFormatException(file, lines.size(), "missing the " + keyword + " block");
    }

    private static Instance readLiLim(Path file, String name, List<String> lines, int first) {
        String[] head = fields(lines.get(first).trim());
        if (head.length < 2 || head.length > 3) {
            throw new InstanceFormatException(file, first + 1, "expected 'vehicles capacity speed', got: " + lines.get(first).trim());
        }
        int vehicles = intField(file, first, head[0], "vehicles");
        int capacity = intField(file, first, head[1], "capacity");
        if (head.length == 3) {
            // the third field (speed) is 1 or 0 in the published files and is not used: travel time = distance
            doubleField(file, first, head[2], "speed");
        }
        List<Instance.Node> nodes = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        for (int i = first + 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = fields(line);
            if (f.length != 9) {
                throw new InstanceFormatException(file, i + 1, "expected 9 columns (id x y demand ready due service pickup delivery), got "
                        + f.length + ": " + line);
            }
            int id = intField(file, i, f[0], "id");
            if (id != nodes.size()) {
                throw new InstanceFormatException(file, i + 1, "expected node id " + nodes.size() + ", got " + id);
            }
            Instance.Node node = new Instance.Node(id, doubleField(file, i, f[1], "x"), doubleField(file, i, f[2], "y"),
                    intField(file, i, f[3], "demand"), intField(file, i, f[4], "ready"), intField(file, i, f[5], "due"),
                    intField(file, i, f[6], "service"), intField(file, i, f[7], "pickup sibling"),
                    intField(file, i, f[8], "delivery sibling"));
            checkNode(file, i, node);
            nodes.add(node);
            lineOf.add(i + 1);
        }
        if (nodes.size() < 3) {
            throw new InstanceFormatException(file, lines.size(), "no pickup-delivery pairs");
        }
        checkPairs(file, nodes, lineOf);
        return build(file, name, Instance.Kind.PDPTW, vehicles, capacity, nodes);
    }

    private static void checkNode(Path file, int lineIndex, Instance.Node n) {
        if (n.ready() > n.due()) {
            throw new InstanceFormatException(file, lineIndex + 1, "node " + n.id() + ": ready " + n.ready() + " > due " + n.due());
        }
        if (n.service() < 0) {
            throw new InstanceFormatException(file, lineIndex + 1, "node " + n.id() + ": negative service time");
        }
        if (n.id() == 0 && (n.demand() != 0 || n.pickup() != 0 || n.delivery() != 0)) {
            throw new InstanceFormatException(file, lineIndex + 1, "the depot (node 0) must have demand 0 and no siblings");
        }
    }

    private static void checkPairs(Path file, List<Instance.Node> nodes, List<Integer> lineOf) {
        int n = nodes.size();
        for (Instance.Node node : nodes.subList(1, n)) {
            int line = lineOf.get(node.id());
            String where = "node " + node.id() + ": ";
            if ((node.pickup() == 0) == (node.delivery() == 0)) {
                throw new InstanceFormatException(file, line, where + "exactly one of pickup sibling / delivery sibling must be set, got "
                        + node.pickup() + " / " + node.delivery());
            }
            int sibling = node.isPickup() ? node.delivery() : node.pickup();
            if (sibling <= 0 || sibling >= n) {
                throw new InstanceFormatException(file, line, where + "sibling " + sibling + " is not a node of the file");
            }
            Instance.Node other = nodes.get(sibling);
            if (node.isPickup()) {
                if (other.pickup() != node.id() || node.demand() <= 0 || other.demand() != -node.demand()) {
                    throw new InstanceFormatException(file, line, where + "pickup with delivery " + sibling
                            + ": the delivery must name it as pickup sibling, pickup demand > 0 and delivery demand = -pickup demand");
                }
            } else if (other.delivery() != node.id()) {
                throw new InstanceFormatException(file, line, where + "delivery of pickup " + sibling + ", which names delivery " + other.delivery());
            }
        }
    }

    private static Instance build(Path file, String name, Instance.Kind kind, int vehicles, int capacity,
                                  List<Instance.Node> nodes) {
        try {
            return new Instance(name, kind, vehicles, capacity, nodes);
        } catch (IllegalArgumentException e) {
            throw new InstanceFormatException(file, 0, e.getMessage());
        }
    }

    private static String[] fields(String line) {
        return line.trim().split("\\s+");
    }

    private static int intField(Path file, int lineIndex, String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            // integral values written as "12.0" are accepted
            try {
                double d = Double.parseDouble(text);
                if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
                    return (int) d;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new InstanceFormatException(file, lineIndex + 1, what + ": expected an integer, got '" + text + "'");
        }
    }

    private static double doubleField(Path file, int lineIndex, String text, String what) {
        try {
            double d = Double.parseDouble(text);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InstanceFormatException(file, lineIndex + 1, what + ": expected a number, got '" + text + "'");
        }
    }
}
