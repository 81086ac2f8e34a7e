package org.foodnet.solver.travel.road;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.travel.TravelSource;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.ResponsePath;
import com.graphhopper.config.CHProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.PMap;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.BBox;

/**
 * The road network of one OpenStreetMap extract, routed by an embedded GraphHopper with its stock {@code car}
 * custom model ({@code car.json}: {@code car_access}, {@code car_average_speed}) with the distance influence set
 * to 0 (the fastest route), no turn costs, and a contraction-hierarchies profile for single routes.
 *
 * <p>The graph is imported once per extract into a folder named after the extract and the first 12 hex digits
 * of its SHA-256 ({@code andorra-3f2a9c01b4de-car1}) under the given cache folder
 * (else ~/.foodnet/graphs). A changed extract (another checksum) gets a new folder; the next run loads the folder
 * instead of importing again. The import goes to a temporary folder that is renamed when complete, so an
 * interrupted import is never loaded.
 *
 * <p>Small pieces of road not connected to the rest (fewer than 200 nodes, GraphHopper's
 * {@code prepare.min_network_size}) are never snapped to.
 */
public final class RoadNetwork implements AutoCloseable {

    /** The largest distance from a place to its road, unless configured otherwise. */
    public static final double DEFAULT_MAX_SNAP_METERS = 300;
    static final String PROFILE = "car";
    /** Changes when the way graphs are built changes, so that old folders are not loaded. */
    static final String LAYOUT = "car1";

    private final GraphHopper hopper;
    private final TravelSource source;
    private final Path graphFolder;
    private final boolean imported;
    private final long openMillis;
    private final Weighting weighting;
    private final EdgeFilter snapFilter;

    private RoadNetwork(GraphHopper hopper, TravelSource source, Path graphFolder, boolean imported, long openMillis) {
        this.hopper = hopper;
        this.source = source;
        this.graphFolder = graphFolder;
        this.imported = imported;
        this.openMillis = openMillis;
        Profile profile = hopper.getProfile(PROFILE);
        this.weighting = hopper.createWeighting(profile, new PMap(), true);
        this.snapFilter = new DefaultSnapFilter(weighting,
                hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(PROFILE)));
    }

    /**
     * Opens the road network of an extract: loads its graph folder, or imports the extract first.
     *
     * @param cacheFolder where graph folders go when the extract's own folder is not writable (null: the extract's
     *                    folder, else {@code ~/.foodnet/graphs})
     */
    public static RoadNetwork open(Path extract, Path cacheFolder) {
        if (!Files.isRegularFile(extract)) {
            throw new RoadException("--osm: no such file " + extract);
        }
        long t0 = System.nanoTime();
        TravelSource source = sourceOf(extract);
        Path folder = graphFolder(extract, source, cacheFolder);
        boolean imported = false;
        if (!Files.isRegularFile(folder.resolve("properties"))) {
            importInto(extract, folder);
            imported = true;
        }
        GraphHopper hopper = configure(extract, folder);
        hopper.setAllowWrites(false);
        try {
            if (!hopper.load()) {
                throw new RoadException("cannot load the road graph in " + folder + " (delete that folder to import again)");
            }
        } catch (IllegalStateException e) {
            throw new RoadException("the road graph in " + folder + " was made differently (delete that folder to import again): "
                    + firstLine(e.getMessage()), e);
        }
        return new RoadNetwork(hopper, source, folder, imported, (System.nanoTime() - t0) / 1_000_000);
    }

    private static GraphHopper configure(Path extract, Path folder) {
        GraphHopper hopper = new GraphHopper();
        hopper.setOSMFile(extract.toString());
        hopper.setGraphHopperLocation(folder.toString());
        hopper.setEncodedValuesString("car_access, car_average_speed");
        CustomModel car = GHUtility.loadCustomModelFromJar("car.json");
        car.setDistanceInfluence(0d);
        hopper.setProfiles(new Profile(PROFILE).setCustomModel(car));
        hopper.getCHPreparationHandler().setCHProfiles(new CHProfile(PROFILE));
        hopper.setMinNetworkSize(200);
        return hopper;
    }

    private static void importInto(Path extract, Path folder) {
        Path parent = folder.toAbsolutePath().getParent();
        Path tmp = parent.resolve(folder.getFileName() + ".importing-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(parent);
            deleteTree(tmp);
            GraphHopper hopper = configure(extract, tmp);
            try {
                hopper.importAndClose();
            } catch (RuntimeException e) {
                throw new RoadException("cannot import " + extract.getFileName() + ": " + firstLine(e.getMessage()), e);
            }
            try {
                Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, folder);
            } catch (IOException e) {
                if (!Files.isRegularFile(folder.resolve("properties"))) { // not another process's complete import
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the road graph to " + folder, e);
        } finally {
            try {
                deleteTree(tmp);
            } catch (IOException ignored) {
                // a leftover temporary folder is harmless: it is never loaded
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The extract's file name and SHA-256. */
    public static TravelSource sourceOf(Path extract) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(extract), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // digest while reading
            }
            byte[] digest = ((DigestInputStream) in).getMessageDigest().digest();
            return new TravelSource(extract.getFileName().toString(), HexFormat.of().formatHex(digest));
        } catch (IOException e) {
            throw new RoadException("--osm: cannot read " + extract + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The graph folder of an extract: under {@code cacheFolder}, else under ~/.foodnet/graphs — never beside the
     * extract (a shared, read-only data folder such as ../shared/osm is not ours to write into, and a root user's
     * "writable" check says nothing about that).
     */
    public static Path graphFolder(Path extract, TravelSource source, Path cacheFolder) {
        String name = extract.getFileName().toString();
        int dot = name.indexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String folderName = base + "-" + source.sha256().substring(0, 12) + "-" + LAYOUT;
        if (cacheFolder != null) {
            return cacheFolder.resolve(folderName);
        }
        return Path.of(System.getProperty("user.home"), ".foodnet", "graphs", folderName);
    }

    public TravelSource source() {
        return source;
    }

    public Path graphFolder() {
        return graphFolder;
    }

    /** True when this run imported the extract, false when it loaded an earlier import. */
    public boolean imported() {
        return imported;
    }

    /** Milliseconds spent hashing, importing (first run) and loading the graph. */
    public long openMillis() {
        return openMillis;
    }

    BaseGraph graph() {
        return hopper.getBaseGraph();
    }

    Weighting weighting() {
        return weighting;
    }

    /** The bounding box of the extract's roads. */
    public BBox bounds() {
        return hopper.getBaseGraph().getBounds();
    }

    /**
     * The nearest point of a road connected to the rest of the network.
     *
     * @param label      how the place is named in messages, e.g. "site caf-012 (カフェ)"
     * @param maxMeters  farther than this from the road: refused (use {@link Double#POSITIVE_INFINITY} to only move)
     * @throws RoadException one line naming the place and its distance from the nearest road
     */
    public Snap snap(String label, GeoPoint point, double maxMeters) {
        Snap snap = hopper.getLocationIndex().findClosest(point.lat(), point.lon(), snapFilter);
        if (!snap.isValid()) {
            throw new RoadException(String.format(Locale.ROOT,
                    "%s at (%.6f, %.6f) is not near any road of %s connected to the rest of its network",
                    label, point.lat(), point.lon(), source.extract()));
        }
        if (snap.getQueryDistance() > maxMeters) {
            throw new RoadException(String.format(Locale.ROOT,
                    "%s is %.0f m from the nearest road connected to the network (at most %.0f m allowed)",
                    label, snap.getQueryDistance(), maxMeters));
        }
        return snap;
    }

    /** The point on the road a place snaps to (rounded to 7 decimals, ~1 cm). */
    public static GeoPoint snappedPoint(Snap snap) {
        return new GeoPoint(Math.round(snap.getSnappedPoint().lat * 1e7) / 1e7, Math.round(snap.getSnappedPoint().lon * 1e7) / 1e7);
    }

    /** The fastest route through the given points in order (contraction hierarchies, as GraphHopper routes). */
    public Route route(List<GeoPoint> points) {
        GHRequest request = new GHRequest(points.stream()
                .map(p -> new com.graphhopper.util.shapes.GHPoint(p.lat(), p.lon())).toList()).setProfile(PROFILE);
        GHResponse response = hopper.route(request);
        if (response.hasErrors()) {
            throw new RoadException("no road route through " + points + ": " + firstLine(response.getErrors().get(0).getMessage()));
        }
        ResponsePath path = response.getBest();
        PointList pl = path.getPoints();
        List<GeoPoint> geometry = new ArrayList<>(pl.size());
        for (int i = 0; i < pl.size(); i++) {
            geometry.add(new GeoPoint(pl.getLat(i), pl.getLon(i)));
        }
        return new Route(geometry, path.getTime(), path.getDistance());
    }

    /** A route: its line on the roads, driving time (ms) and distance (m) as GraphHopper gives them. */
    public record Route(List<GeoPoint> geometry, long millis, double meters) {
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() {
        hopper.close();
    }
}
