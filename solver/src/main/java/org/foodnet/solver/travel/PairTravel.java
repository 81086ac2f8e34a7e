package org.foodnet.solver.travel;

import java.util.List;
import java.util.Locale;

import com.carrotsearch.hppc.LongLongHashMap;
import com.carrotsearch.hppc.cursors.LongLongCursor;

/**
 * Road travel without a dense matrix (networks too large for one): exact road times and distances for a chosen
 * set of ordered pairs of places, kept in one primitive map keyed by the pair, and for every other pair a
 * fallback that errs slow: the straight line times a factor per distance band, each factor an upper bound
 * fitted on the exact road pairs of the same extract (see docs/planning-rules.md, "Road travel without a dense
 * matrix").
 *
 * <p>Indexes are those of {@link #placeIds()} (the order of {@code Network.places()}). Times are handed out in
 * milliseconds, rounded up: an exact pair exactly as the dense road matrix gives it (route time plus half a
 * second, rounded up to a thousandth of a minute); a fallback pair rounded up to the next whole second.
 *
 * <p>Immutable; {@link #withExact} makes a copy with more exact pairs.
 */
public final class PairTravel {

    /** Upper ends (straight-line km, exclusive) of the distance bands; the last band has no upper end. */
    public static final double[] BAND_UPPER_KM = {0.5, 1, 2, 5, 10, 20};

    private final List<String> placeIds;
    private final double[] lat;
    private final double[] lon;
    private final double[] cosLat;
    /** key {@code from << 32 | to} → value {@code millis << 32 | metres}. */
    private final LongLongHashMap exact;
    private final Fallback fallback;
    private final TravelSource source;

    /**
     * The fallback for pairs without an exact road time.
     *
     * @param minutesPerKm per band (one more than {@link #BAND_UPPER_KM}): road minutes per straight-line km
     * @param kmPerKm      per band: road km per straight-line km
     * @param nearMinutes  pairs closer than the first band's upper end take at least this many minutes
     * @param nearKm       and are at least this many road km apart
     */
    public record Fallback(double[] minutesPerKm, double[] kmPerKm, double nearMinutes, double nearKm) {

        public Fallback {
            if (minutesPerKm.length != BAND_UPPER_KM.length + 1 || kmPerKm.length != BAND_UPPER_KM.length + 1) {
                throw new IllegalArgumentException("a fallback needs one factor per distance band");
            }
        }

        static int band(double straightKm) {
            int b = 0;
            while (b < BAND_UPPER_KM.length && straightKm >= BAND_UPPER_KM[b]) {
                b++;
            }
            return b;
        }

        public double minutes(double straightKm) {
            return Math.max(nearMinutes, minutesPerKm[band(straightKm)] * straightKm);
        }

        public double km(double straightKm) {
            return Math.max(nearKm, kmPerKm[band(straightKm)] * straightKm);
        }

        public String describe() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "under %.1f km: at least %.2f min, %.2f km",
                    BAND_UPPER_KM[0], nearMinutes, nearKm));
            for (int i = 0; i < minutesPerKm.length; i++) {
                double lo = i == 0 ? 0 : BAND_UPPER_KM[i - 1];
                String range = i < BAND_UPPER_KM.length ? String.format(Locale.ROOT, "%.1f-%.1f km", lo, BAND_UPPER_KM[i])
                        : String.format(Locale.ROOT, "%.1f km and more", lo);
                b.append(String.format(Locale.ROOT, "; %s: %.2f min and %.2f km per km", range, minutesPerKm[i], kmPerKm[i]));
            }
            return b.toString();
        }
    }

    /**
     * @param placeIds ids of the places, indexes of the pairs
     * @param lat      latitude per place
     * @param lon      longitude per place
     * @param exact    key {@link #key}(from, to) → {@link #value}(millis, metres); not copied, not to be changed after
     */
    public PairTravel(List<String> placeIds, double[] lat, double[] lon, LongLongHashMap exact, Fallback fallback,
                      TravelSource source) {
        this.placeIds = List.copyOf(placeIds);
        int n = placeIds.size();
        if (lat.length != n || lon.length != n) {
            throw new IllegalArgumentException("one coordinate per place");
        }
        this.lat = lat.clone();
        this.lon = lon.clone();
        this.cosLat = new double[n];
        for (int i = 0; i < n; i++) {
            cosLat[i] = Math.cos(Math.toRadians(lat[i]));
        }
        this.exact = exact;
        this.fallback = fallback;
        this.source = source;
    }

    public static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    public static long value(long millis, long metres) {
        return (millis << 32) | (metres & 0xffffffffL);
    }

    public static int from(long key) {
        return (int) (key >>> 32);
    }

    public static int to(long key) {
        return (int) key;
    }

    public List<String> placeIds() {
        return placeIds;
    }

    public int size() {
        return placeIds.size();
    }

    public TravelSource source() {
        return source;
    }

    public Fallback fallback() {
        return fallback;
    }

    /** Ordered pairs with an exact road time. */
    public int exactPairs() {
        return exact.size();
    }

    public boolean isExact(int from, int to) {
        return from == to || exact.containsKey(key(from, to));
    }

    /** Straight-line (great-circle) km between two places. */
    public double straightKm(int from, int to) {
        return from == to ? 0.0 : GreatCircle.km(lat[from], lon[from], cosLat[from], lat[to], lon[to], cosLat[to]);
    }

    public long millis(int from, int to) {
        if (from == to) {
            return 0;
        }
        long v = exact.getOrDefault(key(from, to), -1L);
        if (v >= 0) {
            return v >>> 32;
        }
        return fallbackMillis(from, to);
    }

    /** The fallback time of a pair (whether or not it is exact), rounded up to the whole second. */
    public long fallbackMillis(int from, int to) {
        if (from == to) {
            return 0;
        }
        return (long) Math.ceil(fallback.minutes(straightKm(from, to)) * 60.0 - 1e-9) * 1000L;
    }

    public double km(int from, int to) {
        if (from == to) {
            return 0.0;
        }
        long v = exact.getOrDefault(key(from, to), -1L);
        if (v >= 0) {
            return (v & 0xffffffffL) / 1000.0;
        }
        return Math.ceil(fallback.km(straightKm(from, to)) * 1000.0 - 1e-9) / 1000.0;
    }

    /** A copy with the given pairs made exact (key → value as in the constructor); existing exact pairs are kept. */
    public PairTravel withExact(LongLongHashMap more) {
        LongLongHashMap all = new LongLongHashMap(exact.size() + more.size());
        all.putAll(exact);
        for (LongLongCursor c : more) {
            if (!all.containsKey(c.key)) {
                all.put(c.key, c.value);
            }
        }
        return new PairTravel(placeIds, lat, lon, all, fallback, source);
    }
}
