package org.foodnet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Best-known solutions from a {@code bks.csv} ({@code benchmark,customers,instance,routes,distance}), looked up
 * by instance name.
 */
public final class Bks {

    public static final String FILE_NAME = "bks.csv";
    private static final String HEADER = "benchmark,customers,instance,routes,distance";

    /** One best-known solution: hierarchical objective, routes first, then distance. */
    public record Entry(String benchmark, int customers, String instance, int routes, double distance) {
    }

    private final Map<String, Entry> byInstance;

    private Bks(Map<String, Entry> byInstance) {
        this.byInstance = Collections.unmodifiableMap(byInstance);
    }

    public static Bks empty() {
        return new Bks(new LinkedHashMap<>());
    }

    /** Reads a bks.csv; a malformed line fails with the file and line. */
    public static Bks read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).trim().replace(" ", "").equalsIgnoreCase(HEADER)) {
            throw new InstanceFormatException(csv, 1, "expected the header '" + HEADER + "'");
        }
        Map<String, Entry> map = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 5) {
                throw new InstanceFormatException(csv, i + 1, "expected 5 columns (" + HEADER + "), got: " + line);
            }
            Entry e;
            try {
                e = new Entry(f[0].trim(), Integer.parseInt(f[1].trim()), f[2].trim(), Integer.parseInt(f[3].trim()),
                        Double.parseDouble(f[4].trim()));
            } catch (NumberFormatException ex) {
                throw new InstanceFormatException(csv, i + 1, "customers and routes must be integers, distance a number: " + line);
            }
            if (map.put(e.instance(), e) != null) {
                throw new InstanceFormatException(csv, i + 1, "instance " + e.instance() + " appears twice");
            }
        }
        return new Bks(map);
    }

    /**
     * The bks.csv next to an instance folder: in the folder itself or in its parent; empty when there is none.
     *
     * @param instanceFolder the folder an instance file lies in
     */
    public static Bks near(Path instanceFolder) {
        return locate(instanceFolder).map(Bks::read).orElseGet(Bks::empty);
    }

    /** Where {@link #near} finds its bks.csv, if anywhere. */
    public static Optional<Path> locate(Path instanceFolder) {
        Path folder = instanceFolder.toAbsolutePath().normalize();
        for (Path p : new Path[] {folder, folder.getParent()}) {
            if (p != null && Files.isRegularFile(p.resolve(FILE_NAME))) {
                return Optional.of(p.resolve(FILE_NAME));
            }
        }
        return Optional.empty();
    }

    public Optional<Entry> get(String instance) {
        return Optional.ofNullable(byInstance.get(instance));
    }

    public int size() {
        return byInstance.size();
    }
}
