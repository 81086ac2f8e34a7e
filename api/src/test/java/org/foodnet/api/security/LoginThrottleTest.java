package org.foodnet.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's rules on a clock the test moves: limits per account and per address, growth, forgetting. */
class LoginThrottleTest {

    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-10T01:00:00Z");

        void plus(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 10, 100, Duration.ofMinutes(5), Duration.ofMinutes(1),
            Duration.ofMinutes(15));

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    @Test
    void tenFailuresBlockTheAccountForAMinute_otherAccountsFromTheSameAddressAreNotBlocked() {
        fail("yamada", "10.0.0.1", 9);
        assertThat(throttle.blockedFor("yamada", "10.0.0.1")).isEmpty();
        fail("yamada", "10.0.0.1", 1);
        LoginThrottle.Refusal r = throttle.blockedFor("yamada", "10.0.0.2").orElseThrow();   // any address
        assertThat(r.field()).isEqualTo("username");
        assertThat(r.seconds()).isEqualTo(60);
        assertThat(throttle.blockedFor(" YAMADA ", null)).isPresent();   // the same account however it is typed
        assertThat(throttle.blockedFor("sato", "10.0.0.1")).isEmpty();
        clock.plus(Duration.ofSeconds(59));
        assertThat(throttle.blockedFor("yamada", null).orElseThrow().seconds()).isEqualTo(1);
        clock.plus(Duration.ofSeconds(1));
        assertThat(throttle.blockedFor("yamada", null)).isEmpty();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotBlock() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("yamada", "10.0.0.1");
            assertThat(throttle.blockedFor("yamada", null)).as("failure %d", i).isEmpty();
            clock.plus(Duration.ofSeconds(34));   // never 10 within 5 minutes
        }
    }

    @Test
    void theBlockGrowsWhileFailuresGoOn_upToTheMaximum_andAQuietWindowForgetsIt() {
        fail("yamada", null, 10);
        assertThat(throttle.blockedFor("yamada", null).orElseThrow().seconds()).isEqualTo(60);
        long[] expected = {120, 240, 480, 900, 900};
        for (long seconds : expected) {
            clock.plus(throttle.blockedFor("yamada", null).orElseThrow().remaining());
            assertThat(throttle.blockedFor("yamada", null)).isEmpty();
            fail("yamada", null, 1);     // one more failure right after the block: blocked again, longer
            assertThat(throttle.blockedFor("yamada", null).orElseThrow().seconds()).isEqualTo(seconds);
        }
        // quiet for a whole window after the block: forgotten, ten failures again before a one-minute block
        clock.plus(Duration.ofMinutes(15 + 5));
        fail("yamada", null, 9);
        assertThat(throttle.blockedFor("yamada", null)).isEmpty();
        fail("yamada", null, 1);
        assertThat(throttle.blockedFor("yamada", null).orElseThrow().seconds()).isEqualTo(60);
    }

    @Test
    void anAddressHasAHigherLimit_overAllAccounts() {
        for (int i = 0; i < 99; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.blockedFor("someone", "10.0.0.9")).isEmpty();
        throttle.failed("user99", "10.0.0.9");
        LoginThrottle.Refusal r = throttle.blockedFor("someone", "10.0.0.9").orElseThrow();
        assertThat(r.field()).isEqualTo("address");
        assertThat(r.seconds()).isEqualTo(60);
        assertThat(throttle.blockedFor("someone", "10.0.0.10")).isEmpty();
    }

    @Test
    void aFloodOfUserNamesIsBounded_andDoesNotLiftABlock() {
        fail("victim", null, 10);
        for (int i = 0; i < LoginThrottle.MAX_KEYS + 5000; i++) {
            throttle.failed("user" + i, null);   // past MAX_KEYS, keys without a block are forgotten
        }
        assertThat(throttle.blockedFor("victim", null)).isPresent();
        assertThat(throttle.blockedFor("user1", null)).isEmpty();
    }
}
