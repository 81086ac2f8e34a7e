package org.foodnet.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(o.cpuPids()).isEmpty();
        assertThat(DonationLoad.Options.parse(new String[] {"--cpu", "service=12,postgres=34"}).cpuPids())
                .containsExactly(java.util.Map.entry("service", 12L), java.util.Map.entry("postgres", 34L));
        assertThatThrownBy(() -> DonationLoad.Options.parse(new String[] {"--cpu", "service"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--cpu");
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

    /** A process's CPU counts its descendants (PostgreSQL's server processes under the postmaster), not its siblings. */
    @Test
    void processCpuSumsAProcessAndItsDescendants(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("self/stat"), stat(1, "java", 0, 0, 0));
        // pid (comm) state ppid ... utime stime cutime cstime: a name with spaces and parentheses must not shift fields
        Files.createDirectories(proc.resolve("100"));
        Files.writeString(proc.resolve("100/stat"), stat(100, "postgres", 1, 250, 50));
        Files.createDirectories(proc.resolve("101"));
        Files.writeString(proc.resolve("101/stat"), stat(101, "postgres: foodnet (x) idle", 100, 30, 20));
        Files.createDirectories(proc.resolve("102"));
        Files.writeString(proc.resolve("102/stat"), stat(102, "a child", 101, 1, 1));
        Files.createDirectories(proc.resolve("200"));
        Files.writeString(proc.resolve("200/stat"), stat(200, "other", 1, 999, 999));
        ProcessCpu cpu = new ProcessCpu(proc);
        assertThat(cpu.available()).isTrue();
        // (250 + 50 + 5 + 5) + (30 + 20 + 5 + 5) + (1 + 1 + 5 + 5) ticks of 10 ms
        assertThat(cpu.millis(100)).isEqualTo(3820);
        assertThat(cpu.millis(101)).isEqualTo(720);
        assertThatThrownBy(() -> cpu.millis(300)).hasMessageContaining("300");
    }

    private static String stat(long pid, String comm, long parent, long utime, long stime) {
        // fields 3..17: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        return pid + " (" + comm + ") S " + parent + " 1 1 0 -1 4194560 10 0 0 0 " + utime + " " + stime + " 5 5 20 0 1 0 1\n";
    }
}
