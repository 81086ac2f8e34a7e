package org.foodnet.solver.travel.road;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.foodnet.solver.domain.Network;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.foodnet.solver.travel.GreatCircle;
import org.foodnet.solver.travel.Travel;
import org.foodnet.solver.travel.TravelSource;

/**
 * "Great circle vs road" on one network: how much longer the roads are than the straight line, and how many
 * drives of a plan (home → stops → home) are planned faster than the fastest road route allows.
 */
public final class RoadCheck {

    private RoadCheck() {
    }

    /**
     * @param pairs          ordered pairs of distinct places at least 50 m apart in a straight line
     * @param kmRatio        road km ÷ straight-line km per pair: median and 90th percentile
     * @param minutesRatio   road minutes ÷ great-circle-model minutes per pair: median and 90th percentile
     * @param drives         drives of the plan (home → first stop, between stops, last stop → home)
     * @param tooFast        drives whose great-circle time is shorter than the road time
     * @param late           drives whose time in the plan (arrival − previous departure) is shorter than the road time
     * @param worstShare     smallest great-circle time ÷ road time over the drives
     */
    public record Report(int places, long pairs, double[] kmRatio, double[] minutesRatio, int drives, int tooFast,
                         int late, double worstShare) {

        public String table(TravelSource source, String planName) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "great circle vs road on %s (© OpenStreetMap contributors, ODbL): %d places, %d pairs%n",
                    source.describe(), places, pairs));
            b.append(String.format(Locale.ROOT, "  road km / straight-line km:        median %.2f, p90 %.2f%n", kmRatio[0], kmRatio[1]));
            b.append(String.format(Locale.ROOT, "  road minutes / great-circle minutes: median %.2f, p90 %.2f%n",
                    minutesRatio[0], minutesRatio[1]));
            b.append(String.format(Locale.ROOT, "%s: %d drives; %d (%.1f %%) faster than the road allows; %d (%.1f %%) "
                            + "with less time in the plan than the road needs; worst drive at %.2f of its road time",
                    planName, drives, tooFast, drives == 0 ? 0.0 : 100.0 * tooFast / drives, late,
                    drives == 0 ? 0.0 : 100.0 * late / drives, worstShare));
            return b.toString();
        }
    }

    /**
     * @param greatCircle the network without a travel matrix (great circle × road factor)
     * @param road        the same network with its road travel matrix
     * @param plan        a plan of the network (typically made with great-circle times)
     */
    public static Report compare(Network greatCircle, Network road, Plan plan) {
        Travel gc = Travel.of(greatCircle);
        Travel rd = Travel.of(road);
        int n = gc.size();
        List<Double> km = new ArrayList<>();
        List<Double> minutes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double straight = i == j ? 0 : GreatCircle.km(gc.place(i).point(), gc.place(j).point());
                if (straight < 0.05) {
                    continue;
                }
                km.add(rd.km(i, j) / straight);
                minutes.add(rd.minutes(i, j) / gc.minutes(i, j));
            }
        }
        int drives = 0;
        int tooFast = 0;
        int late = 0;
        double worst = Double.POSITIVE_INFINITY;
        for (PlannedTrip trip : plan.trips()) {
            if (trip.stops().isEmpty()) {
                continue;
            }
            int home = gc.indexOf("home:" + trip.driverId());
            int prev = home;
            java.time.LocalDateTime left = trip.start();
            for (int k = 0; k <= trip.stops().size(); k++) {
                boolean back = k == trip.stops().size();
                PlannedStop stop = back ? null : trip.stops().get(k);
                int at = back ? home : gc.indexOf(stop.siteId());
                java.time.LocalDateTime arrived = back ? trip.end() : stop.arrival();
                if (at != prev) {
                    drives++;
                    long roadMs = rd.millis(prev, at);
                    long gcMs = gc.millis(prev, at);
                    if (gcMs < roadMs) {
                        tooFast++;
                    }
                    if (java.time.Duration.between(left, arrived).toMillis() < roadMs) {
                        late++;
                    }
                    if (roadMs > 0) {
                        worst = Math.min(worst, (double) gcMs / roadMs);
                    }
                }
                prev = at;
                left = back ? null : stop.departure();
            }
        }
        return new Report(n, km.size(), quantiles(km), quantiles(minutes), drives, tooFast, late,
                worst == Double.POSITIVE_INFINITY ? 1.0 : worst);
    }

    /** Median and 90th percentile (nearest rank). */
    static double[] quantiles(List<Double> values) {
        if (values.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return new double[] {v[(int) Math.ceil(0.5 * v.length) - 1], v[(int) Math.ceil(0.9 * v.length) - 1]};
    }
}
