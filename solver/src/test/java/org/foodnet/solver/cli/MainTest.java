package org.foodnet.solver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoThenSolveWritesAPlanAndASummaryWithExactlyTheAgreedFields() throws Exception {
        Path network = dir.resolve("network.json");
        Path plan = dir.resolve("plan.json");
        Path summary = dir.resolve("summary.json");
        assertThat(run("demo", "--seed", "1", "--scale", "1", "--output", network.toString())).isZero();
        assertThat(run("solve", "--input", network.toString(), "--output", plan.toString(), "--time-limit", "3s",
                "--summary-json", summary.toString())).isZero();

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(summary));
        assertThat(json.propertyNames()).containsExactly("hardScore", "mediumScore", "softScore", "feasible",
                "violations", "deliverableKg", "plannedKg", "unplannedKg", "expiredKg", "trips", "drivingMinutes",
                "distanceKm", "msToFirstFeasible", "msTotal", "minFulfilment", "maxFulfilment", "minFulfilmentPerClass",
                "minRelativeFulfilmentPerClass", "fulfilmentPerRecipientClass", "unreachableNeeds");
        assertThat(json.get("minFulfilmentPerClass").propertyNames()).containsExactly("AMBIENT", "CHILLED", "FROZEN");
        assertThat(json.get("fulfilmentPerRecipientClass").get("caf-001").propertyNames()).contains("AMBIENT");
        assertThat(json.get("feasible").asBoolean()).isTrue();
        assertThat(json.get("violations").asInt()).isZero();
        assertThat(run("check", "--input", network.toString(), "--plan", plan.toString())).isZero();
    }

    @Test
    void badNetworkFileIsOneLineNamingTheProblemAndExitCodeTwo() throws Exception {
        Path network = dir.resolve("bad.json");
        Files.writeString(network, "{\"name\": \"x\", \"settings\": 5}");

        int code = run("solve", "--input", network.toString(), "--output", dir.resolve("plan.json").toString());

        assertThat(code).isEqualTo(2);
        assertThat(errText().strip().lines()).hasSize(1);
        assertThat(errText()).contains("bad.json").contains("settings");
    }

    @Test
    void missingFileAndUnknownOptionsAreUsageErrors() {
        assertThat(run("solve", "--input", dir.resolve("nope.json").toString(), "--output", "p.json")).isEqualTo(2);
        assertThat(errText()).contains("nope.json");
        assertThat(run("solve", "--input")).isEqualTo(2);
        assertThat(run("fly")).isEqualTo(2);
        assertThat(run("solve", "--input", "a.json", "--output", "b.json", "--time-limit", "soon")).isEqualTo(2);
        assertThat(errText()).contains("--time-limit must be a duration");
    }

    @Test
    void unknownRuleWeightIsRefusedWithTheKnownRules() throws Exception {
        Path network = dir.resolve("network.json");
        assertThat(run("demo", "--output", network.toString())).isZero();

        int code = run("solve", "--input", network.toString(), "--output", dir.resolve("p.json").toString(),
                "--weight", "Speed=3");

        assertThat(code).isEqualTo(2);
        assertThat(errText()).contains("unknown rule \"Speed\"").contains("Trips");
    }
}
