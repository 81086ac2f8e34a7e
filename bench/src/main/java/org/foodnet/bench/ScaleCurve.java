package org.foodnet.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.foodnet.solver.FoodnetSolver;
import org.foodnet.solver.PlanSummary;
import org.foodnet.solver.SolveOptions;
import org.foodnet.solver.SolveProgress;
import org.foodnet.solver.SolveResult;
import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.Network;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The demo network at several scales, each solved once for the longest checkpoint: ms to first feasible
 * plan, the best score at each checkpoint, the checker's verdict and the final figures, peak heap. Writes
 * {@code scale-curve.csv} and {@code scale-curve.png} (undelivered kg over time per scale).
 *
 * <pre>java ... org.foodnet.bench.ScaleCurve --scales 1,10,100 --checkpoints 10,30,60,300 --out bench-results</pre>
 *
 * <p>These are the defaults: the scales of the demo acceptance and the checkpoints it asks for (the score at
 * 10, 30, 60 and 300 s; the ×100 run must reach a feasible plan within 300 s).
 */
public final class ScaleCurve {

    record Point(long millis, long hard, long medium, long soft) {
    }

    public static void main(String[] args) throws IOException {
        List<Integer> scales = List.of(1, 10, 100);
        List<Integer> checkpoints = List.of(10, 30, 60, 300);
        Path out = Path.of("bench-results");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--scales" -> scales = ints(args[i + 1]);
                case "--checkpoints" -> checkpoints = ints(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --scales 1,10,100 --checkpoints 10,30,60,300 --out folder)");
            }
        }
        Files.createDirectories(out);
        PrintStream log = System.out;
        StringBuilder csv = new StringBuilder("scale,recipients,lots,drivers,msToFirstFeasible");
        for (int c : checkpoints) {
            csv.append(",scoreAt").append(c).append('s');
        }
        csv.append(",feasible,violations,deliverableKg,plannedKg,minFulfilment,trips,drivingMinutes,peakHeapMb\n");
        XYSeriesCollection chart = new XYSeriesCollection();
        int longest = checkpoints.stream().mapToInt(Integer::intValue).max().orElse(60);
        for (int scale : scales) {
            System.gc();
            resetPeaks();
            Network network = DemoNetworkGenerator.generate(1, scale);
            List<Point> points = new ArrayList<>();
            SolveResult result = FoodnetSolver.solve(network, SolveOptions.of(Duration.ofSeconds(longest)),
                    (SolveProgress p) -> points.add(new Point(p.millis(), p.hard(), p.medium(), p.soft())));
            CheckReport report = PlanChecker.check(network, result.plan());
            PlanSummary s = PlanSummary.of(network, result, report);
            long peakMb = peakHeapBytes() / (1024 * 1024);
            csv.append(scale).append(',').append(network.needs().size()).append(',').append(network.lots().size())
                    .append(',').append(network.drivers().size()).append(',').append(result.msToFirstFeasible());
            for (int c : checkpoints) {
                Point best = null;
                for (Point p : points) {
                    if (p.millis() <= c * 1000L) {
                        best = p;
                    }
                }
                csv.append(',').append(best == null ? "" : best.hard() + "hard/" + best.medium() + "medium/" + best.soft() + "soft");
            }
            csv.append(String.format(Locale.ROOT, ",%s,%d,%.1f,%.1f,%.3f,%d,%d,%d%n", report.feasible(),
                    report.violations().size(), s.deliverableKg(), s.plannedKg(), s.minFulfilment(), s.trips(),
                    s.drivingMinutes(), peakMb));
            XYSeries series = new XYSeries("x" + scale + " (medium score / scale)");
            for (Point p : points) {
                series.add(p.millis() / 1000.0, -p.medium() / (double) scale);
            }
            chart.addSeries(series);
            log.printf(Locale.ROOT, "scale %d: first feasible %d ms, final %d/%d/%d, checker %s, %.1f of %.1f kg, peak heap %d MB%n",
                    scale, result.msToFirstFeasible(), result.hard(), result.medium(), result.soft(),
                    report.feasible() ? "feasible" : report.violations().size() + " violations", s.plannedKg(),
                    s.deliverableKg(), peakMb);
        }
        Files.writeString(out.resolve("scale-curve.csv"), csv);
        JFreeChart c = ChartFactory.createXYLineChart("Foodnet demo network: undelivered food over solving time",
                "seconds", "medium score (undelivered g x urgency) / scale", chart, PlotOrientation.VERTICAL, true, false, false);
        ChartUtils.saveChartAsPNG(out.resolve("scale-curve.png").toFile(), c, 900, 500);
        log.println("wrote " + out.resolve("scale-curve.csv") + " and " + out.resolve("scale-curve.png"));
    }

    private static List<Integer> ints(String csv) {
        List<Integer> list = new ArrayList<>();
        for (String s : csv.split(",")) {
            list.add(Integer.parseInt(s.trim()));
        }
        return list;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
