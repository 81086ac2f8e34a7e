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
import java.util.Objects;
import java.util.Set;

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
import org.foodnet.solver.travel.TravelMatrix;
import org.foodnet.solver.travel.TravelSource;
import org.foodnet.solver.travel.road.RoadCheck;
import org.foodnet.solver.travel.road.RoadMatrix;
import org.foodnet.solver.travel.road.RoadNetwork;
import org.foodnet.solver.travel.road.RoadPairs;
import org.foodnet.solver.travel.road.RoadTravel;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The command line behind {@code ./foodnet}: {@code demo} writes a seeded demo network, {@code solve}
 * plans a network file and checks the plan. Bad input: one line on stderr and exit code 2.
 */
public final class Main {

    static final String USAGE = """
            usage:
              foodnet demo  --output network.json [--seed 1] [--scale 1] [--month 2026-12] [--osm extract.osm.pbf]
              foodnet solve --input network.json --output plan.json [--time-limit 30s] [--summary-json summary.json]
                            [--weight "Trips=5"]... [--threads 0] [--seed 0] [--osm extract.osm.pbf]
              foodnet check --input network.json --plan plan.json [--osm extract.osm.pbf]
              foodnet roadcheck --input network.json --osm extract.osm.pbf [--plan plan.json | --time-limit 30s]
              road options (with --osm): [--max-snap-meters 300] [--graph-cache folder] [--dense-max-places 3000]""";

    /** The options each command accepts; anything else is refused. */
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "demo", Set.of("output", "seed", "scale", "month", "osm", "max-snap-meters", "graph-cache", "dense-max-places"),
            "solve", Set.of("input", "output", "time-limit", "summary-json", "weight", "threads", "seed", "osm",
                    "max-snap-meters", "graph-cache", "dense-max-places"),
            "check", Set.of("input", "plan", "osm", "max-snap-meters", "graph-cache", "dense-max-places"),
            "roadcheck", Set.of("input", "plan", "osm", "time-limit", "seed", "max-snap-meters", "graph-cache"));

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // GraphHopper's import log is not for people running the command line
        System.setProperty("org.slf4j.simpleLogger.log.com.graphhopper", "warn");
        // GraphHopper's OSM reader (osmosis-osm-binary) has old protobuf classes: protobuf 4 warns about each of
        // them on every import; they only parse the extract the user gave
        System.setProperty("com.google.protobuf.use_unsafe_pre22_gencode", "true");
        System.exit(new Main(System.out, System.err).run(args));
    }

    /** Exit code: 0 fine, 1 the plan breaks a rule (check), 2 bad input or usage. */
    int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Set<String> known = OPTIONS.get(args[0]);
            if (known == null) {
                throw new UsageException("unknown command '" + args[0] + "'");
            }
            Options o = Options.parse(args);
            for (String name : o.values().keySet()) {
                if (!known.contains(name)) {
                    err.println("foodnet " + args[0] + ": unknown option --" + name + " (accepted: --"
                            + String.join(", --", known.stream().sorted().toList()) + ")");
                    return 2;
                }
            }
            if (!o.weightSpecs().isEmpty() && !known.contains("weight")) {
                err.println("foodnet " + args[0] + ": unknown option --weight");
                return 2;
            }
            return switch (args[0]) {
                case "demo" -> demo(o);
                case "solve" -> solve(o);
                case "check" -> check(o);
                case "roadcheck" -> roadcheck(o);
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
        if (o.has("osm")) {
            try (RoadNetwork roads = openRoads(o)) {
                network = RoadTravel.placeOnRoads(network, roads);
                out.printf(Locale.ROOT, "placed on the roads of %s (© OpenStreetMap contributors, ODbL)%n",
                        roads.source().describe());
                if (!sparse(network, o)) {
                    network = RoadTravel.withMatrix(network, roadMatrix(network, roads, o));
                } else {
                    RoadTravel.checkSnapping(network, roads, maxSnapMeters(o));
                    out.printf(Locale.ROOT, "no dense road matrix: %d places is more than %d; solve and check --osm compute "
                                    + "road times for the pairs the model can use (docs/planning-rules.md)%n",
                            network.places().size(), denseMaxPlaces(o));
                }
            }
        }
        NetworkJson.write(network, output);
        out.printf(Locale.ROOT, "wrote %s: %d sites, %d lots, %d drivers%n", output, network.sites().size(),
                network.lots().size(), network.drivers().size());
        return 0;
    }

    private RoadNetwork openRoads(Options o) {
        Path cache = o.has("graph-cache") ? o.path("graph-cache") : null;
        RoadNetwork roads = RoadNetwork.open(o.path("osm"), cache);
        out.printf(Locale.ROOT, "road graph %s %s in %.1f s%n", roads.imported() ? "imported into" : "loaded from",
                roads.graphFolder(), roads.openMillis() / 1000.0);
        return roads;
    }

    private double maxSnapMeters(Options o) {
        if (!o.has("max-snap-meters")) {
            return RoadNetwork.DEFAULT_MAX_SNAP_METERS;
        }
        try {
            double m = Double.parseDouble(o.value("max-snap-meters"));
            if (m > 0 && Double.isFinite(m)) {
                return m;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UsageException("--max-snap-meters must be a positive number of metres, got '" + o.value("max-snap-meters") + "'");
    }

    /** Above this many places no dense road matrix is made (at most {@link RoadMatrix#MAX_DENSE_PLACES}). */
    private int denseMaxPlaces(Options o) {
        if (!o.has("dense-max-places")) {
            return RoadMatrix.MAX_DENSE_PLACES;
        }
        long v;
        try {
            v = Long.parseLong(o.value("dense-max-places"));
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < 0 || v > RoadMatrix.MAX_DENSE_PLACES) {
            throw new UsageException("--dense-max-places must be a whole number from 0 to " + RoadMatrix.MAX_DENSE_PLACES
                    + ", got '" + o.value("dense-max-places") + "'");
        }
        return (int) v;
    }

    /** True when road travel for this network is road pairs and a fallback, not a dense matrix. */
    private boolean sparse(Network network, Options o) {
        return network.travelMatrix() == null && network.places().size() > denseMaxPlaces(o);
    }

    private Network withPairs(Network network, RoadNetwork roads, Options o, Plan plan) {
        RoadPairs.Result r = RoadPairs.compute(roads, network, maxSnapMeters(o), Runtime.getRuntime().availableProcessors(),
                plan == null ? null : RoadPairs.drives(network, plan));
        out.println(r.describe());
        return RoadTravel.withMatrix(network, TravelMatrix.sparse(r.travel()));
    }

    private TravelMatrix roadMatrix(Network network, RoadNetwork roads, Options o) {
        long t0 = System.nanoTime();
        TravelMatrix matrix = RoadTravel.matrix(network, roads, maxSnapMeters(o), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "road matrix: %d places in %.1f s%n", matrix.placeIds().size(), (System.nanoTime() - t0) / 1e9);
        return matrix;
    }

    /**
     * The network with its road matrix from --osm: the network's own when it was made from the same extract (every
     * place still snaps within the limit), else computed; refused when the network has a matrix from elsewhere.
     * Without --osm: the network as it is.
     */
    private Network withRoads(Network network, Options o, Path writeBackTo) {
        if (!o.has("osm")) {
            return network;
        }
        try (RoadNetwork roads = openRoads(o)) {
            return withRoads(network, roads, o, writeBackTo);
        }
    }

    private Network withRoads(Network network, RoadNetwork roads, Options o, Path writeBackTo) {
        TravelMatrix own = network.travelMatrix();
        if (own != null) {
            if (!roads.source().equals(own.source())) {
                throw new IllegalArgumentException("the network's travelMatrix was made from "
                        + TravelSource.describe(own.source()) + ", not from " + roads.source().describe()
                        + " (remove travelMatrix from the network file to compute it from --osm)");
            }
            RoadTravel.checkSnapping(network, roads, maxSnapMeters(o));
            return network;
        }
        Network withMatrix = RoadTravel.withMatrix(network, roadMatrix(network, roads, o));
        if (writeBackTo != null) {
            NetworkJson.write(withMatrix, writeBackTo);
            out.printf(Locale.ROOT, "wrote the road matrix into %s%n", writeBackTo);
        }
        return withMatrix;
    }

    private int solve(Options o) throws IOException {
        Duration limit = o.duration("time-limit", Duration.ofSeconds(30));
        SolveOptions options = new SolveOptions(limit, o.weights(), (int) o.longValue("threads", 0), o.longValue("seed", 0));
        Path output = o.path("output");
        Network network = NetworkJson.read(o.path("input"));
        SolveResult result;
        if (o.has("osm") && sparse(network, o)) {
            try (RoadNetwork roads = openRoads(o)) {
                network = withPairs(network, roads, o, null);
                result = FoodnetSolver.solve(network, options, p -> { });
                Repaired repaired = roadRecheck(network, roads, o, options, result);
                network = repaired.network();
                result = repaired.result();
            }
        } else {
            network = withRoads(network, o, o.path("input"));
            result = FoodnetSolver.solve(network, options, p -> { });
        }
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
        for (PlanSummary.Unreachable u : summary.unreachableNeeds()) {
            out.printf(Locale.ROOT, "  no plan can reach %s's %s need (%.1f kg): %s%n", u.recipientId(), u.temperature(),
                    u.needKg(), u.detail());
        }
        for (Violation v : report.violations().stream().limit(20).toList()) {
            out.println("  " + v.kind() + ": " + v.message());
        }
        if (o.has("summary-json")) {
            JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(o.path("summary-json"), mapper.writeValueAsString(summary) + System.lineSeparator());
        }
        return 0;
    }

    /** Re-solves at most this many times when a plan drives a pair faster than its road allows. */
    static final int REPAIR_ROUNDS = 3;

    /** The network with every drive of the plan road-exact, and the solve result of that plan. */
    private record Repaired(Network network, SolveResult result) {
    }

    /**
     * After a solve with road pairs: computes the road time of every drive of the plan that is not road-exact; when
     * one was planned faster than the road allows, those times go in and the network is solved again (a quarter of
     * the time limit, at least 10 s), at most {@link #REPAIR_ROUNDS} times.
     */
    private Repaired roadRecheck(Network network, RoadNetwork roads, Options o, SolveOptions options, SolveResult first) {
        SolveResult result = first;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int round = 0; ; round++) {
            long t0 = System.nanoTime();
            RoadPairs.Recheck rc = RoadPairs.recheck(roads, network, network.travelMatrix().pairs(), result.plan(),
                    maxSnapMeters(o), threads);
            network = RoadTravel.withMatrix(network, TravelMatrix.sparse(rc.travel()));
            out.printf(Locale.ROOT, "road re-check: %d drives, %d not road-exact before, now computed (%.1f s); %d of them "
                            + "planned faster than the road%s%n", rc.drives(), rc.checked(), (System.nanoTime() - t0) / 1e9,
                    rc.tooFast(), rc.tooFast() == 0 ? "" : round < REPAIR_ROUNDS ? ": solving again with their road times"
                            : ": no more repair rounds (the checker reports them)");
            if (rc.tooFast() == 0 || round == REPAIR_ROUNDS) {
                break;
            }
            Duration brief = options.timeLimit().dividedBy(4);
            if (brief.compareTo(Duration.ofSeconds(10)) < 0) {
                brief = Duration.ofSeconds(10);
            }
            result = FoodnetSolver.solve(network, new SolveOptions(brief, options.weights(), options.moveThreads(),
                    options.randomSeed(), options.stepLimit(), options.previousPlan()), p -> { });
        }
        return new Repaired(network, result);
    }

    private int check(Options o) {
        Network network = NetworkJson.read(o.path("input"));
        Plan plan = PlanJson.read(o.path("plan"));
        if (o.has("osm") && sparse(network, o)) {
            try (RoadNetwork roads = openRoads(o)) {
                network = withPairs(network, roads, o, plan);
            }
        } else {
            network = withRoads(network, o, null);
        }
        TravelSource networkSource = network.travelMatrix() == null ? null : network.travelMatrix().source();
        if (!Objects.equals(plan.travelSource(), networkSource)) {
            throw new IllegalArgumentException(o.value("plan") + " was made with the travel times of "
                    + TravelSource.describe(plan.travelSource()) + ", but this check has those of "
                    + TravelSource.describe(networkSource) + ": refusing to judge it against another travel source"
                    + (networkSource == null && plan.travelSource() != null && !o.has("osm")
                    ? " (give --osm " + plan.travelSource().extract() + ")" : ""));
        }
        CheckReport report = PlanChecker.check(network, plan);
        out.println(report.summary());
        for (Violation v : report.violations()) {
            out.println("  " + v.kind() + ": " + v.message());
        }
        return report.feasible() ? 0 : 1;
    }

    private int roadcheck(Options o) {
        Network network = NetworkJson.read(o.path("input"));
        Network road = withRoads(network, o, null);
        if (road.travelMatrix() == null || road.travelMatrix().source() == null) {
            throw new UsageException("roadcheck needs --osm (or a network whose travelMatrix was made from an extract)");
        }
        Network greatCircle = RoadTravel.withMatrix(network, null);
        Plan plan;
        String planName;
        if (o.has("plan")) {
            plan = PlanJson.read(o.path("plan"));
            planName = o.value("plan");
        } else {
            Duration limit = o.duration("time-limit", Duration.ofSeconds(30));
            plan = FoodnetSolver.solve(greatCircle, new SolveOptions(limit, Map.of(), 0, o.longValue("seed", 0)), p -> { }).plan();
            planName = "a great-circle plan (" + limit.toSeconds() + " s)";
        }
        RoadCheck.Report report = RoadCheck.compare(greatCircle, road, plan);
        out.println(report.table(road.travelMatrix().source(), planName));
        return 0;
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
