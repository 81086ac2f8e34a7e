package org.foodnet.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Command line of the literature benchmark:
 * <pre>
 * BenchMain --instances &lt;folder or files...&gt; [--time-limit 60s] [--solvers foodnet,ortools]
 *           [--out results.csv] [--bks bks.csv]
 * </pre>
 * A relative instance path that does not exist is also looked up under the shared benchmarks folder
 * ({@code -Dfoodnet.shared=...}, default {@code ../shared}), so {@code --instances pdptw-ll100} works from a
 * checkout. Writes the CSV and a markdown summary next to it ({@code results.md}).
 */
public final class BenchMain {

    static final String USAGE = """
            usage: BenchMain --instances <folder or files...> [--time-limit 60s] [--solvers NAMES] [--out results.csv] [--bks FILE]
              --instances   instance files (.txt) or folders of them; relative paths not found are looked up
                            in the shared benchmarks folder (%s)
              --time-limit  per instance and solver: 60s, 500ms, 2m or seconds (default 60s)
              --solvers     comma-separated, run in this order on each instance (default: all of %s)
              --out         CSV to write (default results.csv); the markdown summary goes next to it (.md)
              --bks         best-known solutions CSV (default: bks.csv in each instance folder or its parent)
            """;

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, BenchSolvers.defaults(), System.out, System.err));
    }

    /** Runs the command line; returns the exit code (0 ok, 2 usage error, 1 run error). */
    public static int run(String[] args, BenchSolvers registry, PrintStream out, PrintStream err) {
        Options options;
        List<BenchSolver> solvers;
        List<Path> files;
        try {
            options = Options.parse(args, registry);
            if (options.help) {
                out.print(usage(registry));
                return 0;
            }
            solvers = registry.create(options.solvers);
            files = instanceFiles(options.instances);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(usage(registry));
            return 2;
        }
        try {
            Bks bks = options.bks == null ? null : Bks.read(options.bks);
            BenchRunner runner = new BenchRunner(solvers, options.timeLimit, bks, out);
            Path md = ResultsReport.markdownPathFor(options.out);
            String header = String.format(Locale.ROOT,
                    "%s; time limit %s s per instance and solver; solvers: %s (alternately per instance, one process); "
                            + "%d cores, Java %s, %s %s.",
                    ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    ResultsReport.num(options.timeLimit.toMillis() / 1000.0), String.join(", ", options.solvers),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    System.getProperty("os.name"), System.getProperty("os.arch"));
            out.printf(Locale.ROOT, "%d instances x %d solvers x %s s; results in %s and %s%n", files.size(), solvers.size(),
                    ResultsReport.num(options.timeLimit.toMillis() / 1000.0), options.out, md);
            List<ResultRow> rows = new ArrayList<>();
            try (ResultsReport.CsvAppender csv = new ResultsReport.CsvAppender(options.out)) {
                runner.run(files, instanceRows -> {
                    csv.append(instanceRows);
                    rows.addAll(instanceRows);
                    ResultsReport.writeMarkdown(md, rows, header);
                });
            }
            out.print(ResultsReport.markdown(rows, null).replaceFirst("# Benchmark results\n\n", ""));
            return 0;
        } catch (InstanceFormatException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static String usage(BenchSolvers registry) {
        return String.format(Locale.ROOT, USAGE, SharedData.benchmarks(), String.join(",", registry.names()));
    }

    /** Parsed command line. */
    static final class Options {
        List<Path> instances = new ArrayList<>();
        Duration timeLimit = Duration.ofSeconds(60);
        List<String> solvers;
        Path out = Path.of("results.csv");
        Path bks;
        boolean help;

        static Options parse(String[] args, BenchSolvers registry) {
            Options o = new Options();
            o.solvers = registry.names();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> o.help = true;
                    case "--instances" -> {
                        while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                            o.instances.add(Path.of(args[++i]));
                        }
                        if (o.instances.isEmpty()) {
                            throw new IllegalArgumentException("--instances needs at least one file or folder");
                        }
                    }
                    case "--time-limit" -> o.timeLimit = parseDuration(value(args, ++i, a));
                    case "--solvers" -> o.solvers = Arrays.stream(value(args, ++i, a).split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).toList();
                    case "--out" -> o.out = Path.of(value(args, ++i, a));
                    case "--bks" -> o.bks = Path.of(value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (!o.help && o.instances.isEmpty()) {
                throw new IllegalArgumentException("--instances is required");
            }
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    /** "60s", "500ms", "2m", "1h" or plain seconds ("60", "2.5"). */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("time limit must look like 60s, 500ms, 2m or 60, got '" + text + "'");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double ms = switch (unit) {
            case "ms" -> v;
            case "m", "min" -> v * 60_000;
            case "h" -> v * 3_600_000;
            default -> v * 1000;
        };
        Duration d = Duration.ofMillis(Math.round(ms));
        if (d.isZero()) {
            throw new IllegalArgumentException("time limit must be > 0, got '" + text + "'");
        }
        return d;
    }

    /** The instance files: files as given, folders expanded to their *.txt files in natural order. */
    static List<Path> instanceFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path given : paths) {
            Path p = resolve(given);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> found = s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".txt"))
                            .sorted(Comparator.comparing(f -> f.getFileName().toString(), BenchMain::naturalCompare))
                            .toList();
                    if (found.isEmpty()) {
                        throw new IllegalArgumentException("no instance files (*.txt) in " + p);
                    }
                    files.addAll(found);
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot list " + p + ": " + e.getMessage());
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private static Path resolve(Path given) {
        if (Files.exists(given)) {
            return given;
        }
        if (!given.isAbsolute()) {
            Path shared = SharedData.benchmarks().resolve(given);
            if (Files.exists(shared)) {
                return shared;
            }
        }
        throw new IllegalArgumentException("no such file or folder: " + given
                + (given.isAbsolute() ? "" : " (also looked in " + SharedData.benchmarks() + ")"));
    }

    /** Compares names with embedded numbers by value: c1_2_2 before c1_2_10. */
    static int naturalCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
