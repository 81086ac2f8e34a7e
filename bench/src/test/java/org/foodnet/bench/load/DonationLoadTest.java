package org.foodnet.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The load client's command line and its percentiles (nearest rank). */
class DonationLoadTest {

    @Test
    void optionsHaveTheBenchmarksDefaultsAndRefuseNonsense() {
        DonationLoad.Options o = DonationLoad.Options.parse(new String[] {"--url", "http://localhost:18431"});
        assertThat(o.rate()).isEqualTo(200);
        assertThat(o.durationSeconds()).isEqualTo(60);
        assertThat(o.clients()).isEqualTo(50);
        assertThat(o.seed()).isEqualTo(10_000);
        assertThat(o.auth()).isEqualTo("token");
        assertThat(o.adminUser()).isEqualTo("coordinator");
        assertThat(o.verify()).isTrue();
        DonationLoad.Options session = DonationLoad.Options.parse(new String[] {"--auth", "session", "--admin", "a:b:c", "--rate", "5"});
        assertThat(session.adminPassword()).isEqualTo("b:c");
        assertThat(session.rate()).isEqualTo(5);
        assertThatThrownBy(() -> DonationLoad.Options.parse(new String[] {"--auth", "cookie"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--auth");
        assertThatThrownBy(() -> DonationLoad.Options.parse(new String[] {"--rate", "0"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DonationLoad.Options.parse(new String[] {"--rate"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(DonationLoad.pct(sorted, 50)).isEqualTo(50);
        assertThat(DonationLoad.pct(sorted, 99)).isEqualTo(99);
        assertThat(DonationLoad.pct(sorted, 99.9)).isEqualTo(100);
        assertThat(DonationLoad.pct(sorted, 100)).isEqualTo(100);
        assertThat(DonationLoad.pct(new long[] {7}, 90)).isEqualTo(7);
        assertThat(DonationLoad.pct(new long[0], 90)).isZero();
    }
}
