package org.foodnet.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.foodnet.solver.constraint.FoodnetConstraints;
import org.foodnet.solver.constraint.FoodnetWeights;
import org.foodnet.solver.construct.GreedyConstruction;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.model.MonthPlan;
import org.foodnet.solver.model.MonthPlanBuilder;
import org.foodnet.solver.model.PlanExport;
import org.foodnet.solver.model.Trip;
import org.foodnet.solver.model.Visit;
import org.foodnet.solver.move.LegMoveFactory;
import org.foodnet.solver.move.RouteMinimisation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Plans a month: builds the working model from a network, places every parcel it can with a greedy
 * construction that breaks no hard rule, then improves the plan by local search until the time limit.
 */
public final class FoodnetSolver {

    private FoodnetSolver() {
    }

    /**
     * The solver configuration for one solve. It holds one construction instance (with the time limit), so a
     * configuration is not for several solves at once: build one per solve, as {@link #solve} does.
     */
    public static SolverConfig solverConfig(SolveOptions options) {
        return solverConfig(options, options.timeLimit().toMillis(), true);
    }

    /**
     * With {@code limitMillis} for the whole solve and, unless {@code construct}, local search alone (the solution
     * to solve is already constructed, see {@link #reshare}).
     */
    static SolverConfig solverConfig(SolveOptions options, long limitMillis, boolean construct) {
        // when the weights put routes first, route minimisation (RouteMinimisation) for its share after the first part
        // of local search (it acts only on a plan that delivers all it can; not in a re-plan: it would empty trips
        // volunteers were told about; nor with a step limit: tests and trials)
        boolean routesFirst = FoodnetWeights.scaled(options.weights()).newTripMillis() >= ROUTES_FIRST_MILLIS;
        long rmMillis = !construct || !routesFirst || options.stepLimit() > 0 || options.previousPlan() != null ? 0
                : (long) (limitMillis * ROUTE_MINIMISATION_SHARE);
        LocalSearchPhaseConfig localSearch = localSearch(moves(options, true), options.stepLimit() > 0
                ? new TerminationConfig().withStepCountLimit((int) Math.min(Integer.MAX_VALUE, options.stepLimit()))
                : null);
        SolverConfig config = baseConfig(options)
                .withTerminationConfig(new TerminationConfig().withMillisecondsSpentLimit(Math.max(1, limitMillis)));
        if (construct) {
            // construction stops placing once its share of the time limit is spent (GreedyConstruction.TIME_SHARE);
            // each of its two steps ends in a plan reported as the best so far
            // then local search, with route minimisation for its share (rmMillis) after the first part of it
            CustomPhaseConfig construction = new CustomPhaseConfig().withCustomPhaseCommandList(
                    new ArrayList<>(new GreedyConstruction(limitMillis).steps()));
            if (rmMillis > 0) {
                // local search for ROUTE_MINIMISATION_AFTER of the time limit, route minimisation, local search again
                LocalSearchPhaseConfig first = localSearch(moves(options, false), new TerminationConfig()
                        .withMillisecondsSpentLimit(Math.max(1, (long) (limitMillis * ROUTE_MINIMISATION_AFTER))));
                CustomPhaseConfig rm = new CustomPhaseConfig().withCustomPhaseCommandList(List.of(new RouteMinimisation(
                        rmMillis, options.randomSeed())));
                config.setPhaseConfigList(List.of(construction, first, rm, localSearch));
            } else {
                config.setPhaseConfigList(List.of(construction, localSearch));
            }
        } else {
            config.setPhaseConfigList(List.of(localSearch));
        }
        if (options.moveThreads() > 0) {
            config.setMoveThreadCount(Integer.toString(options.moveThreads()));
        }
        return config;
    }

    /**
     * The leg moves (see {@link LegMoveFactory}: only moves that keep a leg's pickup and drop together; the built-in
     * single-element list moves between trips would always break a pair); route elimination among them only with
     * {@code eliminate}: not in the local search before a route-minimisation phase. There, early, it reached the
     * route count by packing trips around its ejections, and local search did not bring those trips back to a short
     * distance (cvrptw-gh200 c2_2_2/3/4/9 at 60 s, no phase, all at 6 routes: 12.42 % mean distance gap with it,
     * 3.73 % without; 2026-12-08); after the phase it goes on taking trips away.
     */
    private static MoveIteratorFactoryConfig moves(SolveOptions options, boolean eliminate) {
        return new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(LegMoveFactory.class)
                // the move mix adapts (see OperatorMix), except: with move threads the factory cannot tell which
                // move a step took; in a re-plan the base mix (with RESTORE moves) keeps more food on the trips
                // volunteers were told about (ReplanStabilityTest, before RESTORE: adaptive 58-63 % kept, base 63-89 %)
                .withMoveIteratorFactoryCustomProperties(Map.of(
                        "adaptive", Boolean.toString(options.moveThreads() == 0 && options.previousPlan() == null),
                        "eliminate", Boolean.toString(eliminate)));
    }

    /** Late acceptance over the leg moves, ending by {@code termination} (null: the solver's). */
    private static LocalSearchPhaseConfig localSearch(MoveIteratorFactoryConfig moves, TerminationConfig termination) {
        return new LocalSearchPhaseConfig()
                .withTerminationConfig(termination)
                .withMoveSelectorConfig(moves)
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
    }

    /** The share of the time limit route minimisation may use (see {@link RouteMinimisation}). */
    static final double ROUTE_MINIMISATION_SHARE = 0.3;
    /**
     * Route minimisation starts after this share of the time limit of local search: it then takes away only the
     * routes local search could not, from a plan whose routes are already short. Run first, it left plans that local
     * search could not bring back to a short distance: on 8 Li &amp; Lim 200-customer instances at 60 s, distance gaps
     * of 17-59 % at the same route count where local search alone reaches the best-known distance (2026-12-07).
     */
    static final double ROUTE_MINIMISATION_AFTER = 0.4;
    /**
     * Route minimisation runs only when a trip weighs at least this much driving (routes first, as the literature's
     * objective; the benchmarks' weights make a trip ~166,700 minutes). With the month's default weights (a trip = 60
     * minutes) fewer trips are weighed against driving by the local search's own moves, and the month is planned as
     * before.
     */
    static final long ROUTES_FIRST_MILLIS = 24 * 60 * 60 * 1000L;

    /** Most constructions run to share the food again (see {@link #reshare}); 0: shared once. */
    static final int RESHARE_ROUNDS = 8;
    /** Local search steps each sharing tried gets before one of them is kept (see {@link #reshare}). */
    static final int TRIAL_STEPS = 2_000;
    /** Sharings tried with {@link #TRIAL_STEPS} steps: the first and the fairest others by construction. */
    static final int TRIAL_SHARINGS = 3;
    /** A trial result this close to its sharing's {@link #ceiling} can gain little from a longer search. */
    static final double NEAR_CEILING = 0.05;
    /** How much higher another sharing's {@link #ceiling} must be to go on instead of one near its own. */
    static final double ROOMIER = 0.1;
    /** The most time each of those short searches may take, as a share of the time limit. */
    static final double TRIAL_SHARE = 0.1;
    /** Months with more parcels are shared once (their construction alone takes a good part of the time limit). */
    static final int RESHARE_MAX_PARCELS = 2_000;
    /** The share of the time limit that sharing again may use after the first construction, its constructions included. */
    static final double RESHARE_SHARE = 0.2;

    /**
     * Sharing with what routing can deliver: a construction ({@link GreedyConstruction}, no local search) plans
     * the month; the shares it could not deliver to a recipient and class it leaves below its floor
     * ({@code FoodnetConstraints.FLOOR_SHARE} of min(allocated, need)) stop counting towards that recipient's
     * coverage (in this sharing and later ones) and the food is shared again from the start, so that the recipient
     * is given other food besides, which may reach it more easily. Of the sharings whose construction ran, the one
     * whose construction leaves the least served recipient and class best off ({@link #fairness}: then the fewest
     * grams below floors, then the most grams delivered, then the earliest) is chosen; when that is not the first,
     * it and the next fairest by construction ({@link #TRIAL_SHARINGS} in all with the first) each get
     * {@link #TRIAL_STEPS} steps of local search and the fairest result goes on (ties: the first tried). At most
     * {@link #RESHARE_ROUNDS} constructions: the first is the search's own (with its share of the time limit; when
     * it runs out of time the search goes on from it and nothing is shared again), the others while
     * {@link #RESHARE_SHARE} of the time limit after the first is not spent, and only while a construction places
     * every parcel it tries. Returns the constructed (or searched) plan the search goes on from.
     */
    static Reshared reshare(Network network, SolveOptions options, long begin, SolveControl control) {
        return reshare(network, options, null, begin, control, plan -> { });
    }

    /**
     * With the first sharing's model already built ({@code first}; null: built here); {@code onFirst} gets the
     * first construction's plan as soon as it is there (a plan to show while sharing goes on).
     */
    static Reshared reshare(Network network, SolveOptions options, MonthPlan first, long begin, SolveControl control,
                            Consumer<MonthPlan> onFirst) {
        long budget = (long) (options.timeLimit().toMillis() * RESHARE_SHARE);
        boolean replan = options.previousPlan() != null;
        // a re-plan chooses its sharing the same way (so that it keeps the published plan's), from plain constructions
        MonthPlan problem = first != null && !replan ? first
                : MonthPlanBuilder.build(network, FoodnetWeights.scaled(options.weights()), null);
        java.util.Set<String> uncounted = new java.util.HashSet<>();
        java.util.Set<String> bestUncounted = java.util.Set.of();
        MonthPlan best = null;
        MonthPlan firstConstructed = null;
        double[] bestValue = null;
        // one factory (its constraints built once) for every round's construction
        GreedyConstruction[] construction = new GreedyConstruction[1];
        SolverFactory<MonthPlan> factory = SolverFactory.create(constructionConfig(options, construction));
        long afterFirst = 0;
        // the other sharings whose construction ran: plan, fairness, uncounted shares
        List<Candidate> others = new ArrayList<>();
        for (int round = 0; round < RESHARE_ROUNDS; round++) {
            // the first construction is the search's own (TIME_SHARE of the time limit); the others share the
            // budget, counted from the end of the first
            long left = round == 0 ? options.timeLimit().toMillis()
                    : budget - (System.nanoTime() - afterFirst) / 1_000_000;
            if (left <= 0 || control.stopRequested()) {
                break;
            }
            construction[0] = new GreedyConstruction(round == 0 ? left : (long) (left / GreedyConstruction.TIME_SHARE));
            MonthPlan constructed = factory.buildSolver().solve(problem);
            afterFirst = round == 0 ? System.nanoTime() : afterFirst;
            if (construction[0].skipped() > 0) {
                if (round == 0) {
                    best = constructed; // out of time already: the search goes on from it, nothing is shared again
                    firstConstructed = constructed;
                    if (!replan) {
                        onFirst.accept(constructed);
                    }
                }
                break; // out of time: what it left undelivered says nothing
            }
            double[] value = fairness(constructed);
            if (Boolean.getBoolean("foodnet.debug")) {
                System.err.printf(java.util.Locale.ROOT, "reshare round %d: least served %.3f, below floors %.0f g, delivered %.0f g, uncounted %d, at %d ms%n",
                        round, value[0], -value[1], value[2], uncounted.size(), (System.nanoTime() - begin) / 1_000_000);
            }
            if (round > 0) {
                others.add(new Candidate(constructed, value, 0, java.util.Set.copyOf(uncounted)));
            }
            if (bestValue == null || java.util.Arrays.compare(value, bestValue) > 0) {
                best = constructed;
                bestValue = value;
                bestUncounted = java.util.Set.copyOf(uncounted);
            }
            if (round == 0) {
                firstConstructed = constructed;
                if (!replan) {
                    onFirst.accept(constructed);
                }
            }
            java.util.Set<String> failed = undeliveredBelowFloor(constructed);
            failed.removeAll(uncounted);
            if (failed.isEmpty() || round + 1 == RESHARE_ROUNDS) {
                break;
            }
            uncounted.addAll(failed);
            problem = MonthPlanBuilder.build(network, FoodnetWeights.scaled(options.weights()), null, uncounted);
        }
        if (best != null && best != firstConstructed && !replan && TRIAL_STEPS > 0 && !control.stopRequested()) {
            // a construction is not the end: the first sharing and the (up to TRIAL_SHARINGS - 1) fairest others
            // by construction each get a short local search; the fairest result goes on (ties: the first tried)
            others.sort((x, y) -> java.util.Arrays.compare(y.value(), x.value()));
            List<Candidate> tried = new ArrayList<>();
            tried.add(new Candidate(firstConstructed, null, 0, java.util.Set.of()));
            tried.addAll(others.subList(0, Math.min(others.size(), TRIAL_SHARINGS - 1)));
            long trialMillis = Math.max(200, (long) (options.timeLimit().toMillis() * TRIAL_SHARE));
            SolverFactory<MonthPlan> trials = SolverFactory.create(
                    solverConfig(options.withStepLimit(TRIAL_STEPS), trialMillis, false));
            List<Candidate> results = new ArrayList<>();
            for (Candidate candidate : tried) {
                if (control.stopRequested()) {
                    break;
                }
                MonthPlan searched = trials.buildSolver().solve(candidate.plan());
                Candidate result = new Candidate(searched, fairness(searched), ceiling(searched), candidate.uncounted());
                results.add(result);
                if (Boolean.getBoolean("foodnet.debug")) {
                    System.err.printf(java.util.Locale.ROOT, "reshare trial: %.3f, ceiling %.3f (uncounted %d)%n",
                            result.value()[0], result.ceiling(), candidate.uncounted().size());
                }
            }
            Candidate chosen = afterTrials(results);
            if (chosen != null) {
                best = chosen.plan();
                bestUncounted = chosen.uncounted();
            }
        }
        return best == null ? null : new Reshared(best, bestUncounted);
    }

    /**
     * The sharing {@link #reshare} chose: its plan after construction (and maybe a short search) and the shares
     * that do not count in it.
     */
    record Reshared(MonthPlan plan, java.util.Set<String> uncounted) {
    }

    /**
     * Which trial result goes on: the fairest ({@link #fairness}; ties: the first tried), unless it is within
     * {@link #NEAR_CEILING} of its sharing's {@link #ceiling} (a longer search can make that sharing little fairer);
     * then the fairest of those whose ceiling is at least {@link #ROOMIER} higher than its own, when there is one.
     * Null when there are no results.
     */
    static Candidate afterTrials(List<Candidate> results) {
        Candidate chosen = fairest(results);
        if (chosen != null && chosen.value()[0] >= chosen.ceiling() - NEAR_CEILING) {
            double ceiling = chosen.ceiling();
            List<Candidate> roomier = results.stream().filter(c -> c.ceiling() >= ceiling + ROOMIER).toList();
            chosen = roomier.isEmpty() ? chosen : fairest(roomier);
        }
        return chosen;
    }

    /** The fairest of these by {@link #fairness} (ties: the first); null when there are none. */
    private static Candidate fairest(List<Candidate> candidates) {
        Candidate best = null;
        for (Candidate c : candidates) {
            if (best == null || java.util.Arrays.compare(c.value(), best.value()) > 0) {
                best = c;
            }
        }
        return best;
    }

    /**
     * A sharing whose construction ran (or its trial's result): its plan, its {@link #fairness}, its
     * {@link #ceiling} (set for trial results) and the shares that do not count in it.
     */
    record Candidate(MonthPlan plan, double[] value, double ceiling, java.util.Set<String> uncounted) {
    }

    /**
     * How well a plan treats its least served: the lowest, over recipients and classes with a need, of
     * min(1, delivered ÷ need) ÷ the class's fulfilment (Σ min(delivered, need) ÷ Σ need; classes with none left
     * out), rounded to 0.001, as the summary's {@code minRelativeFulfilmentPerClass}; and the grams delivered.
     */
    static double[] fairness(MonthPlan plan) {
        Map<Long, Long> delivered = deliveredByKey(plan);
        long total = delivered.values().stream().mapToLong(Long::longValue).sum();
        long below = 0;
        for (org.foodnet.solver.model.RecipientDemand d : plan.getRecipientDemands()) {
            below += Math.max(0, d.floorGrams(FoodnetConstraints.FLOOR_SHARE) - delivered.getOrDefault(d.key(), 0L));
        }
        return new double[] {leastServed(plan, delivered), -below, total};
    }

    /**
     * The first figure of {@link #fairness} if every parcel were delivered: the most any search can make of this
     * sharing for its least served.
     */
    static double ceiling(MonthPlan plan) {
        return leastServed(plan, gramsByKey(plan, false));
    }

    /** The lowest min(1, grams ÷ need) ÷ the class's fulfilment, with these grams per recipient and class. */
    private static double leastServed(MonthPlan plan, Map<Long, Long> grams) {
        Map<String, Map<org.foodnet.solver.domain.TemperatureClass, Long>> got = new java.util.HashMap<>();
        Map<String, Map<org.foodnet.solver.domain.TemperatureClass, Long>> need = new java.util.HashMap<>();
        for (org.foodnet.solver.model.RecipientDemand d : plan.getRecipientDemands()) {
            long g = grams.getOrDefault(d.key(), 0L);
            if (d.needGrams() > 0) {
                got.computeIfAbsent(d.recipient().id(), k -> new java.util.EnumMap<>(org.foodnet.solver.domain.TemperatureClass.class))
                        .put(d.temperature(), g);
                need.computeIfAbsent(d.recipient().id(), k -> new java.util.EnumMap<>(org.foodnet.solver.domain.TemperatureClass.class))
                        .put(d.temperature(), d.needGrams());
            }
        }
        double least = new ClassFulfilment(got, need).minRelativePerClass();
        return Double.isNaN(least) ? 0 : least;
    }

    /** Grams of delivered parcels per recipient and class ({@code RecipientDemand.keyOf}). */
    private static Map<Long, Long> deliveredByKey(MonthPlan plan) {
        return gramsByKey(plan, true);
    }

    /** Grams of the parcels (only the delivered ones, or all) per recipient and class. */
    private static Map<Long, Long> gramsByKey(MonthPlan plan, boolean deliveredOnly) {
        Map<Long, Long> delivered = new java.util.HashMap<>();
        for (org.foodnet.solver.model.Parcel p : plan.getParcels()) {
            if (!deliveredOnly || p.isDelivered()) {
                delivered.merge(org.foodnet.solver.model.RecipientDemand.keyOf(p), p.getGrams(), Long::sum);
            }
        }
        return delivered;
    }

    /** The shares of undelivered parcels of every recipient and class that gets less than its floor. */
    static java.util.Set<String> undeliveredBelowFloor(MonthPlan plan) {
        Map<Long, Long> delivered = deliveredByKey(plan);
        Map<Long, Long> floors = new java.util.HashMap<>();
        for (org.foodnet.solver.model.RecipientDemand d : plan.getRecipientDemands()) {
            floors.put(d.key(), d.floorGrams(FoodnetConstraints.FLOOR_SHARE));
        }
        java.util.Set<String> failed = new java.util.TreeSet<>();
        for (org.foodnet.solver.model.Parcel p : plan.getParcels()) {
            long key = org.foodnet.solver.model.RecipientDemand.keyOf(p);
            if (!p.isDelivered() && p.getLot().earmarkedFor() == null
                    && delivered.getOrDefault(key, 0L) < floors.getOrDefault(key, 0L)) {
                failed.add(shareKey(p));
            }
        }
        return failed;
    }

    /** The key of the share a parcel was cut from (lot, recipient, serving day; see {@code Share.key}). */
    static String shareKey(org.foodnet.solver.model.Parcel p) {
        return org.foodnet.solver.allocation.Share.key(p.getLot().id(), p.getRecipient().id(), p.getServingDay());
    }

    /** The construction alone on a fresh model, with the options' time limit (tests). */
    static MonthPlan construct(MonthPlan problem, SolveOptions options) {
        return SolverFactory.<MonthPlan>create(constructionConfig(options, new GreedyConstruction[] {
                new GreedyConstruction(options.timeLimit().toMillis())})).buildSolver().solve(problem);
    }

    /** A solver that runs {@code construction[0]} alone (set it before each solve). */
    private static SolverConfig constructionConfig(SolveOptions options, GreedyConstruction[] construction) {
        return baseConfig(options)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandList(
                        List.of(scoreDirector -> construction[0].changeWorkingSolution(scoreDirector))));
    }

    /** The model, its constraints, reproducible randomness: what every solver of a solve shares. */
    private static SolverConfig baseConfig(SolveOptions options) {
        return new SolverConfig()
                .withSolutionClass(MonthPlan.class)
                .withEntityClasses(Trip.class, Visit.class)
                .withConstraintProviderClass(FoodnetConstraints.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(options.randomSeed());
    }

    public static MonthPlan model(Network network, SolveOptions options) {
        return MonthPlanBuilder.build(network, FoodnetWeights.scaled(options.weights()), options.previousPlan());
    }

    public static SolveResult solve(Network network, SolveOptions options, Consumer<SolveProgress> progress) {
        return solve(network, options, progress, new SolveControl());
    }

    /**
     * Solves until the time limit or until {@code control.stop()}; {@code progress} is called on the
     * solving thread for every new best plan (keep it quick).
     */
    public static SolveResult solve(Network network, SolveOptions options, Consumer<SolveProgress> progress,
                                    SolveControl control) {
        long begin = System.nanoTime();
        MonthPlan problem = model(network, options);
        boolean constructed = false;
        long[] firstFeasible = {-1};
        if (options.previousPlan() == null && problem.getParcels().size() <= RESHARE_MAX_PARCELS
                && network.lots().stream().anyMatch(lot -> lot.earmarkedFor() == null)) {
            MonthPlan[] reported = new MonthPlan[1];
            Consumer<MonthPlan> report = plan -> {
                if (plan == reported[0]) {
                    return;
                }
                reported[0] = plan;
                HardMediumSoftLongScore s = plan.getScore();
                long ms = (System.nanoTime() - begin) / 1_000_000;
                if (s.hardScore() == 0 && firstFeasible[0] < 0) {
                    firstFeasible[0] = ms;
                }
                if (progress != null) {
                    progress.accept(new SolveProgress(ms, s.hardScore(), s.mediumScore(), s.softScore(), s.hardScore() == 0,
                            () -> PlanExport.toPlan(plan)));
                }
            };
            Reshared reshared = reshare(network, options, problem, begin, control, report);
            if (reshared != null && options.previousPlan() != null) {
                // a re-plan starts from the previous plan, with the sharing chosen as the published plan's was
                if (!reshared.uncounted().isEmpty()) {
                    problem = MonthPlanBuilder.build(network, FoodnetWeights.scaled(options.weights()),
                            options.previousPlan(), reshared.uncounted());
                }
            } else if (reshared != null) {
                constructed = true;
                problem = reshared.plan();
                report.accept(problem);
                if (control.stopRequested()) {
                    HardMediumSoftLongScore s = problem.getScore();
                    long total = (System.nanoTime() - begin) / 1_000_000;
                    return new SolveResult(PlanExport.toPlan(problem), s.hardScore(), s.mediumScore(), s.softScore(),
                            firstFeasible[0], total);
                }
            }
        }
        long left = options.timeLimit().toMillis() - (System.nanoTime() - begin) / 1_000_000;
        Solver<MonthPlan> solver = SolverFactory.<MonthPlan>create(solverConfig(options, left, !constructed)).buildSolver();
        control.attach(solver);
        solver.addEventListener(event -> {
            if (control.stopRequested()) {
                // a stop asked for before solving started is otherwise reset by solve()
                solver.terminateEarly();
            }
            HardMediumSoftLongScore s = (HardMediumSoftLongScore) event.getNewBestScore();
            long ms = (System.nanoTime() - begin) / 1_000_000;
            if (s.isSolutionInitialized() && s.hardScore() == 0 && firstFeasible[0] < 0) {
                firstFeasible[0] = ms;
            }
            if (progress != null && s.isSolutionInitialized()) {
                MonthPlan best = event.getNewBestSolution();
                progress.accept(new SolveProgress(ms, s.hardScore(), s.mediumScore(), s.softScore(), s.hardScore() == 0,
                        () -> PlanExport.toPlan(best)));
            }
        });
        MonthPlan best = solver.solve(problem);
        long total = (System.nanoTime() - begin) / 1_000_000;
        HardMediumSoftLongScore score = best.getScore();
        if (score.hardScore() == 0 && firstFeasible[0] < 0) {
            firstFeasible[0] = total;
        }
        return new SolveResult(PlanExport.toPlan(best), score.hardScore(), score.mediumScore(), score.softScore(),
                firstFeasible[0], total);
    }
}
