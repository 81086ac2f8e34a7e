package org.foodnet.solver.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.foodnet.solver.FoodnetSolver;
import org.foodnet.solver.PlanSummary;
import org.foodnet.solver.SolveOptions;
import org.foodnet.solver.SolveResult;
import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.check.Violation;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.json.InputFormatException;
import org.foodnet.solver.json.NetworkJson;
import org.foodnet.solver.json.PlanJson;
import org.foodnet.solver.plan.Plan;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The command line behind {@code ./foodnet}: {@code demo} writes a seeded demo network, {@code solve}
 * plans a network file and checks the plan. Bad input: one line on stderr and exit code 2.
 */
public final class Main {

    static final String USAGE = """
            usage:
              foodnet demo  --output network.json [--seed 1] [--scale 1] [--month 2026-12]
              foodnet solve --input network.json --output plan.json [--time-limit 30s] [--summary-json summary.json]
                            [--weight "Trips=5"]... [--threads 0] [--seed 0]
              foodnet check --input network.json --plan plan.json""";

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err).run(args));
    }

    /** Exit code: 0 fine, 1 the plan breaks a rule (check), 2 bad input or usage. */
    int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Options o = Options.parse(args);
            return switch (args[0]) {
                case "demo" -> demo(o);
                case "solve" -> solve(o);
                case "check" -> check(o);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("foodnet: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (InputFormatException | IllegalArgumentException e) {
            err.println("foodnet: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("foodnet: cannot write " + e.getMessage());
            return 2;
        }
    }

    private int demo(Options o) throws IOException {
        long seed = o.longValue("seed", 1);
        int scale = (int) o.longValue("scale", 1);
        if (scale < 1 || scale > 1000) {
            throw new UsageException("--scale must be between 1 and 1000");
        }
        Network network = o.has("month")
                ? DemoNetworkGenerator.generate(seed, scale, java.time.YearMonth.parse(o.value("month")))
                : DemoNetworkGenerator.generate(seed, scale);
        Path output = o.path("output");
        NetworkJson.write(network, output);
        out.printf(Locale.ROOT, "wrote %s: %d sites, %d lots, %d drivers%n", output, network.sites().size(),
                network.lots().size(), network.drivers().size());
        return 0;
    }

    private int solve(Options o) throws IOException {
        Duration limit = o.duration("time-limit", Duration.ofSeconds(30));
        SolveOptions options = new SolveOptions(limit, o.weights(), (int) o.longValue("threads", 0), o.longValue("seed", 0));
        Path output = o.path("output");
        Network network = NetworkJson.read(o.path("input"));
        SolveResult result = FoodnetSolver.solve(network, options, p -> { });
        Plan plan = result.plan();
        PlanJson.write(plan, output);
        CheckReport report = PlanChecker.check(network, plan);
        PlanSummary summary = PlanSummary.of(network, result, report);
        out.printf(Locale.ROOT, "score %d hard / %d medium / %d soft; checker: %s%n", result.hard(), result.medium(),
                result.soft(), report.feasible() ? "feasible" : report.violations().size() + " violations");
        out.printf(Locale.ROOT, "delivered %.1f of %.1f kg deliverable in %d trips, %d min driving, %.1f km; "
                        + "fulfilment %.2f-%.2f%n", summary.plannedKg(), summary.deliverableKg(), summary.trips(),
                summary.drivingMinutes(), summary.distanceKm(), summary.minFulfilment(), summary.maxFulfilment());
        out.printf(Locale.ROOT, "lowest fulfilment per class %s; relative to the network's %.2f%n",
                summary.minFulfilmentPerClass(), summary.minRelativeFulfilmentPerClass());
        for (Violation v : report.violations().stream().limit(20).toList()) {
            out.println("  " + v.kind() + ": " + v.message());
        }
        if (o.has("summary-json")) {
            JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(o.path("summary-json"), mapper.writeValueAsString(summary) + System.lineSeparator());
        }
        return 0;
    }

    private int check(Options o) {
        Network network = NetworkJson.read(o.path("input"));
        Plan plan = PlanJson.read(o.path("plan"));
        CheckReport report = PlanChecker.check(network, plan);
        out.println(report.summary());
        for (Violation v : report.violations()) {
            out.println("  " + v.kind() + ": " + v.message());
        }
        return report.feasible() ? 0 : 1;
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** "--name value" pairs after the command; --weight may repeat. */
    record Options(Map<String, String> values, List<String> weightSpecs) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            List<String> weights = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--") || i + 1 >= args.length) {
                    throw new UsageException("expected --option value, got '" + a + "'");
                }
                String name = a.substring(2);
                String value = args[++i];
                if (name.equals("weight")) {
                    weights.add(value);
                } else if (values.put(name, value) != null) {
                    throw new UsageException("--" + name + " given twice");
                }
            }
            return new Options(values, weights);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String value(String name) {
            String v = values.get(name);
            if (v == null) {
                throw new UsageException("--" + name + " is required");
            }
            return v;
        }

        Path path(String name) {
            return Path.of(value(name));
        }

        long longValue(String name, long otherwise) {
            if (!has(name)) {
                return otherwise;
            }
            try {
                return Long.parseLong(values.get(name));
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a whole number, got '" + values.get(name) + "'");
            }
        }

        /** "30s", "2m", "120" (seconds) or ISO-8601 "PT30S". */
        Duration duration(String name, Duration otherwise) {
            if (!has(name)) {
                return otherwise;
            }
            String v = values.get(name).trim().toLowerCase(Locale.ROOT);
            try {
                Duration d;
                if (v.startsWith("pt")) {
                    d = Duration.parse(v.toUpperCase(Locale.ROOT));
                } else if (v.endsWith("ms")) {
                    d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                } else if (v.endsWith("s")) {
                    d = Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
                } else if (v.endsWith("m")) {
                    d = Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000));
                } else {
                    d = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
                }
                if (d.isNegative() || d.isZero()) {
                    throw new UsageException("--" + name + " must be positive");
                }
                return d;
            } catch (RuntimeException e) {
                if (e instanceof UsageException u) {
                    throw u;
                }
                throw new UsageException("--" + name + " must be a duration like 30s or 2m, got '" + values.get(name) + "'");
            }
        }

        Map<String, Long> weights() {
            Map<String, Long> map = new HashMap<>();
            for (String spec : weightSpecs) {
                int eq = spec.lastIndexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--weight must look like \"Rule name=factor\", got '" + spec + "'");
                }
                try {
                    map.put(spec.substring(0, eq).trim(), Long.parseLong(spec.substring(eq + 1).trim()));
                } catch (NumberFormatException e) {
                    throw new UsageException("--weight factor must be a whole number, got '" + spec + "'");
                }
            }
            return map;
        }
    }
}
