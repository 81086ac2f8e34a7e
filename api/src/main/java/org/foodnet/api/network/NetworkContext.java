package org.foodnet.api.network;

import java.util.function.Supplier;

/**
 * The network (region code) a request works in, chosen by {@code org.foodnet.api.security.NetworkFilter} from the
 * path prefix {@code /api/networks/{networkId}/…} or, without the prefix, from the caller's only network. Work done
 * outside a request (start-up, solve jobs) names its network itself; without one, {@link NetworkService} falls back
 * to the configured {@code foodnet.region}.
 */
public final class NetworkContext {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private NetworkContext() {
    }

    /** The network of this thread's request, or null. */
    public static String current() {
        return CURRENT.get();
    }

    /** Runs {@code work} in {@code network} (null: none), restoring the previous one afterwards. */
    public static <T> T in(String network, Supplier<T> work) {
        String previous = CURRENT.get();
        set(network);
        try {
            return work.get();
        } finally {
            set(previous);
        }
    }

    public static void run(String network, Runnable work) {
        in(network, () -> {
            work.run();
            return null;
        });
    }

    static void set(String network) {
        if (network == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(network);
        }
    }

    /** For the filter, which cannot wrap the rest of the chain in a lambda that throws checked exceptions. */
    public static String enter(String network) {
        String previous = CURRENT.get();
        set(network);
        return previous;
    }

    public static void leave(String previous) {
        set(previous);
    }
}
