package org.foodnet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** Writes benchmark results: the CSV (one row per instance and solver) and a markdown summary per folder. */
public final class ResultsReport {

    public static final String CSV_HEADER =
            "instance,solver,timeLimitS,routes,distance,feasible,bksRoutes,bksDistance,distGapPct,routeGapPct";
    /** Two results with equal routes are tied when their distances differ by at most this fraction. */
    public static final double TIE_TOLERANCE = 1e-4;

    private ResultsReport() {
    }

    /** Outcome of comparing solver A with solver B on one instance. */
    public enum Outcome { WIN, TIE, LOSS }

    /** The CSV line of one row (no line break). Routes and distance are empty without a solution, gaps without a BKS or when infeasible. */
    public static String csvLine(ResultRow r) {
        return String.join(",",
                r.instance(),
                r.solver(),
                num(r.timeLimitS()),
                r.solved() ? Integer.toString(r.routes()) : "",
                r.solved() ? String.format(Locale.ROOT, "%.4f", r.distance()) : "",
                Boolean.toString(r.feasible()),
                r.bks().map(b -> Integer.toString(b.routes())).orElse(""),
                r.bks().map(b -> String.format(Locale.ROOT, "%.4f", b.distance())).orElse(""),
                r.distGapPct().map(g -> fixed(g, 3)).orElse(""),
                r.routeGapPct().map(g -> fixed(g, 3)).orElse(""));
    }

    /** Writes a CSV file (replacing an old one): the header at once, then rows as they come, flushed after each instance. */
    public static final class CsvAppender implements AutoCloseable {
        private final Writer out;

        public CsvAppender(Path csv) {
            try {
                Path parent = csv.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                out.write(CSV_HEADER + "\n");
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + csv + ": " + e.getMessage(), e);
            }
        }

        public void append(List<ResultRow> rows) {
            try {
                for (ResultRow r : rows) {
                    out.write(csvLine(r) + "\n");
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Compares A with B on one instance: a feasible result beats an infeasible one (two infeasible ones tie);
     * then fewer routes win; then the shorter distance, tied within {@link #TIE_TOLERANCE}.
     */
    public static Outcome compare(ResultRow a, ResultRow b) {
        if (a.feasible() != b.feasible()) {
            return a.feasible() ? Outcome.WIN : Outcome.LOSS;
        }
        if (!a.feasible()) {
            return Outcome.TIE;
        }
        if (a.routes() != b.routes()) {
            return a.routes() < b.routes() ? Outcome.WIN : Outcome.LOSS;
        }
        double tolerance = TIE_TOLERANCE * Math.max(a.distance(), b.distance());
        if (Math.abs(a.distance() - b.distance()) <= tolerance) {
            return Outcome.TIE;
        }
        return a.distance() < b.distance() ? Outcome.WIN : Outcome.LOSS;
    }

    /** The markdown path next to a CSV: same name, extension {@code .md}. */
    public static Path markdownPathFor(Path csv) {
        String name = csv.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return csv.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".md");
    }

    public static void writeMarkdown(Path md, List<ResultRow> rows, String header) {
        try {
            Files.writeString(md, markdown(rows, header), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + md + ": " + e.getMessage(), e);
        }
    }

    /**
     * The summary per instance folder: per solver the feasible count and mean gaps vs BKS (over feasible results
     * of instances with a BKS), wins/ties/losses for every pair of solvers in the order given (so
     * {@code --solvers foodnet,ortools} reports foodnet vs ortools), and one line per instance.
     */
    public static String markdown(List<ResultRow> rows, String header) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        if (header != null && !header.isBlank()) {
            md.append(header.strip()).append("\n\n");
        }
        Map<String, List<ResultRow>> byFolder = group(rows, ResultRow::folder);
        for (Map.Entry<String, List<ResultRow>> folder : byFolder.entrySet()) {
            List<ResultRow> folderRows = folder.getValue();
            List<String> solvers = new ArrayList<>(new LinkedHashSet<>(folderRows.stream().map(ResultRow::solver).toList()));
            Map<String, List<ResultRow>> byInstance = group(folderRows, ResultRow::instance);
            md.append("## ").append(folder.getKey()).append(" (").append(byInstance.size())
                    .append(byInstance.size() == 1 ? " instance)\n\n" : " instances)\n\n");
            md.append("| solver | runs | feasible | with BKS | mean distance gap % | mean route gap % | BKS routes reached |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (String solver : solvers) {
                List<ResultRow> mine = folderRows.stream().filter(r -> r.solver().equals(solver)).toList();
                List<ResultRow> gapped = mine.stream().filter(r -> r.distGapPct().isPresent()).toList();
                OptionalDouble distGap = gapped.stream().mapToDouble(r -> r.distGapPct().orElseThrow()).average();
                OptionalDouble routeGap = gapped.stream().mapToDouble(r -> r.routeGapPct().orElseThrow()).average();
                long reached = gapped.stream().filter(r -> r.routes() <= r.bks().orElseThrow().routes()).count();
                md.append("| ").append(solver)
                        .append(" | ").append(mine.size())
                        .append(" | ").append(mine.stream().filter(ResultRow::feasible).count())
                        .append(" | ").append(gapped.size())
                        .append(" | ").append(pct(distGap))
                        .append(" | ").append(pct(routeGap))
                        .append(" | ").append(gapped.isEmpty() ? "" : reached + "/" + gapped.size())
                        .append(" |\n");
            }
            md.append('\n');
            for (int i = 0; i < solvers.size(); i++) {
                for (int j = i + 1; j < solvers.size(); j++) {
                    int[] count = new int[3];
                    for (List<ResultRow> inst : byInstance.values()) {
                        Optional<ResultRow> a = find(inst, solvers.get(i));
                        Optional<ResultRow> b = find(inst, solvers.get(j));
                        if (a.isPresent() && b.isPresent()) {
                            count[compare(a.get(), b.get()).ordinal()]++;
                        }
                    }
                    md.append(String.format(Locale.ROOT,
                            "%s vs %s: %d wins, %d ties, %d losses (routes first, then distance; tie within %s%%)%n%n",
                            solvers.get(i), solvers.get(j), count[0], count[1], count[2], num(TIE_TOLERANCE * 100)));
                }
            }
            md.append("| instance | BKS routes / distance |");
            for (String solver : solvers) {
                md.append(' ').append(solver).append(" routes / distance (gap %) |");
            }
            md.append("\n|---|---:|");
            md.append("---:|".repeat(solvers.size()));
            md.append('\n');
            for (Map.Entry<String, List<ResultRow>> inst : byInstance.entrySet()) {
                List<ResultRow> list = inst.getValue();
                md.append("| ").append(inst.getKey()).append(" | ")
                        .append(list.get(0).bks().map(b -> String.format(Locale.ROOT, "%d / %.2f", b.routes(), b.distance())).orElse(""))
                        .append(" |");
                for (String solver : solvers) {
                    md.append(' ').append(find(list, solver).map(ResultsReport::cell).orElse("")).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String cell(ResultRow r) {
        if (!r.solved()) {
            return "no solution";
        }
        String s = String.format(Locale.ROOT, "%d / %.2f", r.routes(), r.distance());
        if (!r.feasible()) {
            return s + " INFEASIBLE";
        }
        return s + r.distGapPct().map(g -> " (" + (g >= 0.005 ? "+" : "") + fixed(g, 2) + ")").orElse("");
    }

    private static Optional<ResultRow> find(List<ResultRow> rows, String solver) {
        return rows.stream().filter(r -> r.solver().equals(solver)).findFirst();
    }

    private static <K> Map<K, List<ResultRow>> group(List<ResultRow> rows, Function<ResultRow, K> key) {
        Map<K, List<ResultRow>> map = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            map.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return map;
    }

    private static String pct(OptionalDouble d) {
        return d.isPresent() ? fixed(d.getAsDouble(), 2) : "";
    }

    /** Fixed decimals without a "-0.00" for a value that rounds to zero. */
    static String fixed(double value, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return s.matches("-0\\.0*") ? s.substring(1) : s;
    }

    /** A number without trailing zeros: 60, 0.5, 0.01. */
    static String num(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
