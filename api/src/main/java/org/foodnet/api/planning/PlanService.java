package org.foodnet.api.planning;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.foodnet.api.config.FoodnetProperties;
import org.foodnet.api.network.NetworkService;
import org.foodnet.api.web.Problem;
import org.foodnet.data.job.SolveJob;
import org.foodnet.data.job.SolveJobRepository;
import org.foodnet.data.plan.PlanInfo;
import org.foodnet.data.plan.PlanRepository;
import org.foodnet.data.plan.PlanStatus;
import org.foodnet.data.plan.StoredPlan;
import org.foodnet.data.stock.Ledger;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.constraint.FoodnetConstraints;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Planning a month: create and solve plans, change weights, publish, re-plan; start, stop and resume jobs. */
@Service
class PlanService {

    /** A plan and the job solving it. */
    record Started(PlanInfo plan, SolveJob job) {
    }

    private final PlanRepository plans;
    private final SolveJobRepository jobs;
    private final PlanOrigins origins;
    private final Solving solving;
    private final NetworkService network;
    private final Ledger ledger;
    private final FoodnetProperties.Solver settings;
    private final org.foodnet.api.mail.DriverMails mails;

    PlanService(PlanRepository plans, SolveJobRepository jobs, PlanOrigins origins, Solving solving, NetworkService network,
                Ledger ledger, FoodnetProperties properties, org.foodnet.api.mail.DriverMails mails) {
        this.mails = mails;
        this.ledger = ledger;
        this.plans = plans;
        this.jobs = jobs;
        this.origins = origins;
        this.solving = solving;
        this.network = network;
        this.settings = properties.solver();
    }

    /**
     * Plans a month afresh. Once food of the month has been moved (trips or stops confirmed done, discards), the plan
     * starts from the stock ledger as it is now and plans only the days after today (see {@link Replan#fromLedger});
     * before that, from the month's opening stock and donations, over the whole month.
     */
    @Transactional
    Started plan(YearMonth month, Map<String, Long> weights, Integer timeLimitSeconds) {
        solving.requireRoom();
        Network m = network.load(month); // 404 when there is no network
        requireSomethingToPlan(m, month);
        ZoneId zone = m.settings().zone();
        boolean moved = ledger.foodMoved(network.region(), month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        PlanInfo draft = plans.createDraft(network.region(), month, checked(weights));
        origins.store(moved
                ? new PlanOrigins.Origin(draft.id(), timeLimit(timeLimitSeconds), null, network.today(),
                        ledger.head(network.region()))
                : new PlanOrigins.Origin(draft.id(), timeLimit(timeLimitSeconds), null, null));
        return start(draft);
    }

    /**
     * A month without donation lots or without any recipient's need has nothing to plan: refused up front (422 naming
     * {@code month}) rather than as a solve job that fails.
     */
    static void requireSomethingToPlan(Network m, YearMonth month) {
        boolean noLots = m.lots().stream().noneMatch(l -> l.grams() > 0);
        boolean noNeeds = m.needs().stream().noneMatch(n -> n.monthlyNeed().totalGrams() > 0);
        if (noLots || noNeeds) {
            String why = noLots && noNeeds ? "it has no donation lots and no recipient needs"
                    : noLots ? "it has no donation lots" : "no recipient needs food in it";
            throw new Problem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "nothing to plan in " + month + ": " + why,
                    java.util.List.of(new Problem.FieldError("month", "nothing to plan in " + month + ": " + why)));
        }
    }

    /** Solves a draft or solved plan (again); a plan solved before keeps its best plan unless a better one is found. */
    @Transactional
    Started solve(long planId, Integer timeLimitSeconds) {
        solving.requireRoom();
        PlanInfo info = info(planId);
        if (info.status() != PlanStatus.DRAFT && info.status() != PlanStatus.SOLVED) {
            throw Problem.conflict("plan " + planId + " is " + info.status() + "; only DRAFT or SOLVED plans can be solved");
        }
        PlanOrigins.Origin origin = origins.find(planId)
                .orElse(new PlanOrigins.Origin(planId, settings.defaultTimeLimit().toMillis(), null, null));
        if (timeLimitSeconds != null) {
            origin = origin.withPlan(planId, timeLimit(timeLimitSeconds));
        }
        origins.store(origin);
        return start(info);
    }

    /** Weights belong to a stored plan; changing them makes a new draft of the same month to solve. */
    @Transactional
    PlanInfo changeWeights(long planId, Map<String, Long> weights) {
        PlanInfo info = info(planId);
        Map<String, BigDecimal> merged = new HashMap<>(info.constraintWeights());
        merged.putAll(checked(weights));
        PlanInfo draft = plans.createDraft(network.region(), info.month(), merged);
        PlanOrigins.Origin origin = origins.find(planId)
                .orElse(new PlanOrigins.Origin(planId, settings.defaultTimeLimit().toMillis(), null, null));
        origins.store(origin.withPlan(draft.id(), origin.timeLimitMs()));
        return draft;
    }

    /**
     * Re-plans a published plan's month from today: its trips up to today stay exactly as they are, the rest is
     * solved again from the current state (see {@link Replan}).
     */
    @Transactional
    Started replan(long publishedPlanId, Map<String, Long> weights, Integer timeLimitSeconds) {
        solving.requireRoom();
        PlanInfo published = info(publishedPlanId);
        if (published.status() != PlanStatus.PUBLISHED) {
            throw Problem.conflict("plan " + publishedPlanId + " is " + published.status() + "; only a published plan is re-planned");
        }
        Map<String, BigDecimal> merged = new HashMap<>(published.constraintWeights());
        merged.putAll(checked(weights));
        PlanInfo draft = plans.createDraft(network.region(), published.month(), merged);
        origins.store(new PlanOrigins.Origin(draft.id(), timeLimit(timeLimitSeconds), publishedPlanId, network.today()));
        return start(draft);
    }

    @Transactional
    PlanInfo publish(long planId, Integer version) {
        PlanInfo info = info(planId);
        if (info.status() != PlanStatus.SOLVED) {
            throw Problem.conflict("plan " + planId + " is " + info.status() + "; only a SOLVED plan can be published");
        }
        PlanOrigins.Origin origin = origins.find(planId).orElse(null);
        Map<String, org.foodnet.data.plan.DriverTrip> done = origin == null || origin.replanOf() == null
                ? Map.of() : doneTrips(origin.replanOf(), info);
        // the plan of the month published until now: drivers get mail about what changed against it (issue 16)
        org.foodnet.solver.plan.Plan before = plans.published(network.region(), info.month())
                .map(StoredPlan::plan).orElse(null);
        PlanInfo published = plans.publish(planId, version == null ? info.version() : version);
        mails.onPublish(network.region(), planId, info.month(), network.load(info.month()),
                plans.find(planId).orElseThrow().plan(), before);
        if (!done.isEmpty()) {
            var kept = plans.find(planId).orElseThrow().plan().trips().stream()
                    .map(org.foodnet.solver.plan.PlannedTrip::id).collect(java.util.stream.Collectors.toSet());
            done.forEach((tripId, trip) -> {
                if (kept.contains(tripId)) {
                    plans.confirmTripDone(planId, tripId, new org.foodnet.data.stock.Operation("trip-done:" + tripId,
                            trip.doneBy(), trip.doneAt()));
                }
            });
            published = plans.info(planId).orElse(published);
        }
        return published;
    }

    /**
     * The trips of a (still published) plan that were confirmed done. A re-plan keeps the trips it fixes with their
     * ids; on publishing it they are marked done again, and since the ledger operation ids name the trip
     * ("trip-done:" + trip id), nothing is written to the ledger twice.
     */
    private Map<String, org.foodnet.data.plan.DriverTrip> doneTrips(long oldPlanId, PlanInfo info) {
        Map<String, org.foodnet.data.plan.DriverTrip> done = new HashMap<>();
        var old = plans.find(oldPlanId).orElse(null);
        if (old == null || old.info().status() != PlanStatus.PUBLISHED) {
            return done;
        }
        old.plan().trips().stream().map(org.foodnet.solver.plan.PlannedTrip::driverId).distinct().forEach(driver ->
                plans.tripsOfDriver(network.region(), driver, info.month().atDay(1), info.month().atEndOfMonth()).stream()
                        .filter(t -> t.planId() == oldPlanId && t.done())
                        .forEach(t -> done.put(t.trip().id(), t)));
        return done;
    }

    @Transactional
    SolveJob stop(long jobId) {
        SolveJob job = job(jobId);
        if (!job.status().active()) {
            throw Problem.conflict("job " + jobId + " has ended (" + job.status() + ")");
        }
        // a queued job is cancelled at once; a running one (on any node) is asked to stop
        SolveJob after = jobs.requestStop(jobId);
        if (after.status() == org.foodnet.data.job.SolveJobStatus.CANCELLED) {
            solving.forget(jobId);
            PlanInfo info = info(job.planId());
            if (info.status() == PlanStatus.SOLVING) {
                solving.restore(job.planId());
            }
            return after;
        }
        solving.stop(jobId); // at once when it runs on this node; else its node reads the request with its heartbeat
        return after;
    }

    @Transactional
    Started resume(long jobId) {
        SolveJob job = job(jobId);
        if (job.status().active()) {
            throw Problem.conflict("job " + jobId + " is still " + job.status());
        }
        return solve(job.planId(), null);
    }

    StoredPlan find(long planId) {
        StoredPlan stored = plans.find(planId).orElseThrow(() -> Problem.notFound("no plan " + planId));
        if (!stored.info().region().equals(network.region())) {
            throw Problem.notFound("no plan " + planId);
        }
        return stored;
    }

    PlanInfo info(long planId) {
        PlanInfo info = plans.info(planId).orElseThrow(() -> Problem.notFound("no plan " + planId));
        if (!info.region().equals(network.region())) {
            throw Problem.notFound("no plan " + planId);
        }
        return info;
    }

    java.util.List<SolveJob> jobsOf(long planId) {
        return jobs.ofPlan(planId);
    }

    /** A job of the request's network (another network's job is "not found", as an unknown one). */
    SolveJob job(long jobId) {
        SolveJob job = jobs.find(jobId).orElseThrow(() -> Problem.notFound("no solve job " + jobId));
        if (plans.info(job.planId()).filter(p -> p.region().equals(network.region())).isEmpty()) {
            throw Problem.notFound("no solve job " + jobId);
        }
        return job;
    }

    private Started start(PlanInfo plan) {
        PlanInfo solving = plans.startSolving(plan.id(), plan.version());
        SolveJob job = jobs.queue(plan.id());
        // the engine's execution is written in this transaction: the job and its execution commit together
        this.solving.submit(job.id());
        return new Started(solving, job);
    }

    private long timeLimit(Integer seconds) {
        Duration limit = seconds == null ? settings.defaultTimeLimit() : Duration.ofSeconds(seconds);
        if (limit.compareTo(settings.maxTimeLimit()) > 0) {
            throw Problem.badField("timeLimitSeconds", "must be at most " + settings.maxTimeLimit().toSeconds());
        }
        return limit.toMillis();
    }

    static Map<String, BigDecimal> checked(Map<String, Long> weights) {
        Map<String, BigDecimal> result = new HashMap<>();
        if (weights == null) {
            return result;
        }
        for (Map.Entry<String, Long> w : weights.entrySet()) {
            if (!FoodnetConstraints.NAMES.contains(w.getKey())) {
                throw Problem.badField("weights." + w.getKey(), "unknown rule (known: " + String.join(", ", FoodnetConstraints.NAMES) + ")");
            }
            if (w.getValue() == null || w.getValue() < 0 || w.getValue() > 1_000_000) {
                throw Problem.badField("weights." + w.getKey(), "must be a whole number from 0 to 1000000");
            }
            result.put(w.getKey(), BigDecimal.valueOf(w.getValue()));
        }
        return result;
    }

    static Problem unavailable(String detail) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, detail);
    }
}
