package org.foodnet.api.planning;

import java.time.YearMonth;

import org.foodnet.api.network.NetworkContext;
import org.foodnet.api.network.NetworkService;
import org.foodnet.api.web.Problem;
import org.foodnet.data.network.NetworkRepository;
import org.foodnet.data.network.NetworkRepository.LedgerMonth;
import org.foodnet.data.plan.PlanInfo;
import org.foodnet.data.plan.PlanRepository;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.plan.Plan;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Where a plan's month started: the problem a plan is solved from and the network its trips are checked against.
 * <ul>
 *   <li>a fresh plan of a month nobody moved food in yet: the month as {@link NetworkService#load} has it (stock
 *       at the month's start plus the month's donations);</li>
 *   <li>a fresh plan made after food of its month was moved (trips or stops confirmed done, discards): the month as
 *       the stock ledger had it when the plan was made (see {@link Replan#fromLedger});</li>
 *   <li>a re-plan: the published plan's start, with its trips up to the re-plan's day fixed (see {@link Replan#of}).</li>
 * </ul>
 */
@Component
public class PlanBases {

    private final PlanOrigins origins;
    private final NetworkService network;
    private final NetworkRepository networks;
    private final PlanRepository plans;

    PlanBases(PlanOrigins origins, NetworkService network, NetworkRepository networks, PlanRepository plans) {
        this.origins = origins;
        this.network = network;
        this.networks = networks;
        this.plans = plans;
    }

    /**
     * The network a stored plan of {@code month} is checked against: the problem it was solved from, or for a
     * re-plan the start of the plan it re-plans (its fixed trips are part of the plan).
     */
    public Network checkedAgainst(long planId, YearMonth month) {
        String region = regionOf(planId);
        return NetworkContext.in(region, () -> checkedAgainst(region, planId, month));
    }

    /** The network (region) a plan belongs to: what its month is read from, in a request or in a solve job. */
    private String regionOf(long planId) {
        return plans.info(planId).map(PlanInfo::region).orElseThrow(() -> Problem.notFound("no plan " + planId));
    }

    private Network checkedAgainst(String region, long planId, YearMonth month) {
        PlanOrigins.Origin origin = origins.find(planId).orElse(null);
        if (origin == null) {
            return load(region, month);
        }
        if (origin.ledgerThrough() != null) {
            return Replan.fromLedger(atLedger(region, month, origin.ledgerThrough()), origin.fixedThrough(), planId).problem();
        }
        if (origin.replanOf() != null) {
            return checkedAgainst(region, origin.replanOf(), month);
        }
        return load(region, month);
    }

    /**
     * How a plan of {@code region} is solved: from where its origin says the month starts. The region is the plan's
     * own (a worker node solves jobs of any region in the database, not only the one it was configured with).
     */
    Replan replan(String region, long planId, YearMonth month, PlanOrigins.Origin origin, Plan published) {
        return NetworkContext.in(region, () -> replanInRegion(region, planId, month, origin, published));
    }

    private Replan replanInRegion(String region, long planId, YearMonth month, PlanOrigins.Origin origin, Plan published) {
        if (origin.ledgerThrough() != null) {
            return Replan.fromLedger(atLedger(region, month, origin.ledgerThrough()), origin.fixedThrough(), planId);
        }
        if (published != null) {
            return Replan.of(checkedAgainst(region, origin.replanOf(), month), published, origin.fixedThrough(), planId);
        }
        return Replan.none(load(region, month));
    }

    private Network load(String region, YearMonth month) {
        return networks.load(region, month).orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND,
                "region " + region + " has no network yet"));
    }

    private LedgerMonth atLedger(String region, YearMonth month, long through) {
        return networks.loadAtLedger(region, month, through).orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND,
                "region " + region + " has no network yet"));
    }
}
