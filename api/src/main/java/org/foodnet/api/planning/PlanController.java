package org.foodnet.api.planning;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.foodnet.api.network.NetworkService;
import org.foodnet.api.web.Problem;
import org.foodnet.data.plan.PlanInfo;
import org.foodnet.data.plan.PlanRepository;
import org.foodnet.data.plan.StoredPlan;
import org.foodnet.solver.PlanSummary;
import org.foodnet.solver.SolveResult;
import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.travel.TravelSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Month plans: start planning (202 + job), read, explain, change weights, publish, re-plan. */
@RestController
@RequestMapping("/api/plans")
class PlanController {

    /** @param weights rule name -> whole-number factor on its default weight (0 switches a soft rule off) */
    record PlanRequest(@NotNull YearMonth month, @Size(max = 30) Map<String, Long> weights,
                       @Min(1) @Max(3600) Integer timeLimitSeconds) {
    }

    record SolveRequest(@Min(1) @Max(3600) Integer timeLimitSeconds) {
    }

    record ReplanRequest(@Size(max = 30) Map<String, Long> weights, @Min(1) @Max(3600) Integer timeLimitSeconds) {
    }

    record WeightsRequest(@NotNull @Size(min = 1, max = 30) Map<String, Long> weights) {
    }

    record PublishRequest(@Min(0) Integer version) {
    }

    /** The answer to "start planning": where to follow the job. */
    record Accepted(long planId, long jobId, String status, Map<String, String> links) {
    }

    private final PlanService service;
    private final PlanRepository plans;
    private final PlanOrigins origins;
    private final NetworkService network;
    private final PlanBases bases;
    private final org.springframework.context.MessageSource messages;

    PlanController(PlanService service, PlanRepository plans, PlanOrigins origins, NetworkService network, PlanBases bases,
                   org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.service = service;
        this.bases = bases;
        this.plans = plans;
        this.origins = origins;
        this.network = network;
    }

    @PostMapping
    ResponseEntity<Accepted> plan(@Valid @RequestBody PlanRequest request) {
        return accepted(service.plan(request.month(), request.weights(), request.timeLimitSeconds()));
    }

    @GetMapping
    List<PlanView> list(@RequestParam YearMonth month) {
        return plans.plansOf(network.region(), month).stream()
                .map(info -> PlanView.of(info, origins.find(info.id()).orElse(null), network.zone(), null, null)).toList();
    }

    @GetMapping("/{id}")
    PlanView get(@PathVariable long id) {
        PlanInfo info = service.info(id);
        StoredPlan stored = service.find(id);
        PlanSummary summary = null;
        Network month = bases.checkedAgainst(id, info.month());
        TravelSource current = sourceOf(month);
        // a plan made with other travel times is not judged against these ones (as ./foodnet check refuses)
        if (info.score() != null && Objects.equals(stored.plan().travelSource(), current)) {
            CheckReport report = PlanChecker.check(month, stored.plan());
            Score s = Score.parse(info.score());
            summary = PlanSummary.of(month, new SolveResult(stored.plan(), s == null ? 0 : s.hard(), s == null ? 0 : s.medium(),
                    s == null ? 0 : s.soft(), -1, 0), report);
        }
        PlanView view = PlanView.of(info, origins.find(id).orElse(null), network.zone(), summary, stored.plan());
        return info.score() == null ? view : view.withTravelSources(current);   // a draft not solved yet: no travel times
    }

    /** The travel source of the times a network has now: its road matrix's extract, or none (its own travel model). */
    private static TravelSource sourceOf(Network month) {
        return month.travelMatrix() == null ? null : month.travelMatrix().source();
    }

    /** 409 naming {@code id} when the plan was made with other travel times than the network has now. */
    private static void sameTravelSource(long id, StoredPlan stored, Network month) {
        TravelSource current = sourceOf(month);
        if (!Objects.equals(stored.plan().travelSource(), current)) {
            String why = "plan " + id + " was made with the travel times of " + describe(stored.plan().travelSource())
                    + ", but the network now has those of " + describe(current) + "; re-plan to check it";
            throw new Problem(HttpStatus.CONFLICT, why, List.of(new Problem.FieldError("id", why)));
        }
    }

    /** A travel source in a message: the extract and the start of its SHA-256, or the network's own travel model. */
    private static String describe(TravelSource source) {
        return source == null ? "great circle (no road extract)" : source.describe();
    }

    @GetMapping("/{id}/explanation")
    Explanation explain(@PathVariable long id, java.util.Locale locale) {
        PlanInfo info = service.info(id);
        StoredPlan stored = service.find(id);
        Network month = bases.checkedAgainst(id, info.month());
        sameTravelSource(id, stored, month);
        return Explanation.of(id, month, stored.plan(), PlanChecker.check(month, stored.plan()), PlanView.of(info, null,
                network.zone(), null, null).weights()).inWords(messages, locale);
    }

    @GetMapping("/{id}/jobs")
    List<JobView> jobs(@PathVariable long id) {
        service.info(id);
        return service.jobsOf(id).stream().map(j -> JobView.of(j, network.zone())).toList();
    }

    @PostMapping("/{id}/solve")
    ResponseEntity<Accepted> solve(@PathVariable long id, @Valid @RequestBody(required = false) SolveRequest request) {
        return accepted(service.solve(id, request == null ? null : request.timeLimitSeconds()));
    }

    /** Weights are part of a stored plan: the answer is a new draft of the same month with the changed weights. */
    @PutMapping("/{id}/weights")
    ResponseEntity<PlanView> weights(@PathVariable long id, @Valid @RequestBody WeightsRequest request) {
        PlanInfo draft = service.changeWeights(id, request.weights());
        return ResponseEntity.created(URI.create("/api/plans/" + draft.id()))
                .body(PlanView.of(draft, origins.find(draft.id()).orElse(null), network.zone(), null, null));
    }

    @PostMapping("/{id}/publish")
    PlanView publish(@PathVariable long id, @Valid @RequestBody(required = false) PublishRequest request) {
        PlanInfo info = service.publish(id, request == null ? null : request.version());
        return PlanView.of(info, origins.find(id).orElse(null), network.zone(), null, null);
    }

    @PostMapping("/{id}/replan")
    ResponseEntity<Accepted> replan(@PathVariable long id, @Valid @RequestBody(required = false) ReplanRequest request) {
        return accepted(service.replan(id, request == null ? null : request.weights(),
                request == null ? null : request.timeLimitSeconds()));
    }

    static ResponseEntity<Accepted> accepted(PlanService.Started started) {
        String job = "/api/jobs/" + started.job().id();
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(job))
                .body(new Accepted(started.plan().id(), started.job().id(), started.job().status().name(),
                        Map.of("job", job, "events", job + "/events", "plan", "/api/plans/" + started.plan().id())));
    }
}
