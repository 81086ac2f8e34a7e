package org.foodnet.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins (form login and HTTP Basic: wrong password or unknown user) counted per account and per client
 * address, in memory on this node. After {@code accountFailures} failures of one account within {@code window}
 * (or {@code addressFailures} from one address), further attempts with that account (from that address) are
 * refused for {@code block}; a failure within {@code window} after a block ends blocks again for twice as long,
 * up to {@code maxBlock}. A whole quiet {@code window} after the last failure or block forgets the key.
 * Successful sign-ins are never counted and change nothing.
 * <p>
 * {@link #blockedFor} is a map look-up, so a throttled attempt costs no password hashing. At most
 * {@link #MAX_KEYS} keys are kept per kind: past that, keys without an active block are forgotten first.
 * The clock is the system clock, not the application's {@code Clock} bean (which tests fix).
 */
@Component
public class LoginThrottle {

    static final int MAX_KEYS = 50_000;

    private final Clock clock;
    private final Limit accounts;
    private final Limit addresses;

    @Autowired
    LoginThrottle(@Value("${foodnet.login.account-failures:10}") int accountFailures,
                  @Value("${foodnet.login.address-failures:100}") int addressFailures,
                  @Value("${foodnet.login.window:5m}") Duration window,
                  @Value("${foodnet.login.block:1m}") Duration block,
                  @Value("${foodnet.login.max-block:15m}") Duration maxBlock) {
        this(Clock.systemUTC(), accountFailures, addressFailures, window, block, maxBlock);
    }

    LoginThrottle(Clock clock, int accountFailures, int addressFailures, Duration window, Duration block, Duration maxBlock) {
        if (accountFailures < 1 || addressFailures < 1 || window.isNegative() || window.isZero() || block.isNegative()
                || block.isZero() || maxBlock.compareTo(block) < 0) {
            throw new IllegalArgumentException("foodnet.login.*: failures >= 1, window and block > 0, max-block >= block");
        }
        this.clock = clock;
        this.accounts = new Limit(accountFailures, window, block, maxBlock);
        this.addresses = new Limit(addressFailures, window, block, maxBlock);
    }

    /** How long sign-ins of this account or from this address are still refused; empty when they may try. */
    public Optional<Refusal> blockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration account = username == null ? Duration.ZERO : accounts.remaining(key(username), now);
        Duration from = address == null ? Duration.ZERO : addresses.remaining(address, now);
        if (account.isZero() && from.isZero()) {
            return Optional.empty();
        }
        return Optional.of(account.compareTo(from) >= 0 ? new Refusal("username", account) : new Refusal("address", from));
    }

    /** Counts one failed sign-in (either may be null when unknown). */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (username != null) {
            accounts.failed(key(username), now);
        }
        if (address != null) {
            addresses.failed(address, now);
        }
    }

    /** Spring Security's event for a wrong password or an unknown user name (both ways of signing in). */
    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        Object principal = event.getAuthentication().getPrincipal();
        String username = principal instanceof String s ? s : null;
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        if (username != null || address != null) {
            failed(username, address);
        }
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /** Why and how long: {@code field} is "username" (the account) or "address" (the client address). */
    public record Refusal(String field, Duration remaining) {
        /** Whole seconds to wait, at least 1 (the Retry-After header). */
        public long seconds() {
            return Math.max(1, (remaining.toMillis() + 999) / 1000);
        }
    }

    /** Failures of one kind of key (accounts or addresses). */
    private static final class Limit {
        private final int failures;
        private final Duration window;
        private final Duration block;
        private final Duration maxBlock;
        private final Map<String, Entry> entries = new ConcurrentHashMap<>();

        Limit(int failures, Duration window, Duration block, Duration maxBlock) {
            this.failures = failures;
            this.window = window;
            this.block = block;
            this.maxBlock = maxBlock;
        }

        Duration remaining(String key, Instant now) {
            Entry e = entries.get(key);
            if (e == null) {
                return Duration.ZERO;
            }
            synchronized (e) {
                return now.isBefore(e.blockedUntil) ? Duration.between(now, e.blockedUntil) : Duration.ZERO;
            }
        }

        void failed(String key, Instant now) {
            if (entries.size() >= MAX_KEYS && !entries.containsKey(key)) {
                sweep(now);
            }
            Entry e = entries.computeIfAbsent(key, k -> new Entry());
            synchronized (e) {
                if (e.quietSince(now, window)) {
                    e.times.clear();
                    e.strikes = 0;
                }
                while (!e.times.isEmpty() && !e.times.peekFirst().isAfter(now.minus(window))) {
                    e.times.removeFirst();
                }
                e.times.addLast(now);
                e.last = now;
                // a first block after `failures` failures; once blocked, each further failure blocks again, longer
                if (e.strikes > 0 || e.times.size() >= failures) {
                    e.strikes++;
                    Duration length = block.multipliedBy(1L << Math.min(e.strikes - 1, 20));
                    e.blockedUntil = now.plus(length.compareTo(maxBlock) > 0 ? maxBlock : length);
                    e.times.clear();
                }
            }
        }

        /** Forgets quiet keys; if still full, every key without an active block. */
        private synchronized void sweep(Instant now) {
            entries.values().removeIf(e -> {
                synchronized (e) {
                    return e.quietSince(now, window);
                }
            });
            if (entries.size() >= MAX_KEYS * 9 / 10) {
                entries.values().removeIf(e -> {
                    synchronized (e) {
                        return !now.isBefore(e.blockedUntil);
                    }
                });
            }
        }
    }

    private static final class Entry {
        final ArrayDeque<Instant> times = new ArrayDeque<>();
        Instant last = Instant.MIN;
        Instant blockedUntil = Instant.MIN;
        int strikes;

        /** No failure and no block during the whole window before now. */
        boolean quietSince(Instant now, Duration window) {
            Instant latest = last.isAfter(blockedUntil) ? last : blockedUntil;
            return !latest.isAfter(now.minus(window));
        }
    }
}
