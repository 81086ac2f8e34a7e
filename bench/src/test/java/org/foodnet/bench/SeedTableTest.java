package org.foodnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed table runs each seed in a child JVM of its own and collects its row (a short time limit; no timing). */
class SeedTableTest {

    @TempDir
    Path dir;

    @Test
    void eachSeedIsSolvedAndCheckedInAFreshJvmAndItsRowCollected() throws Exception {
        SeedTable.main(new String[] {"--seeds", "3", "--time-limit", "2", "--out", dir.toString()});
        List<String> csv = Files.readAllLines(dir.resolve("seed-table.csv"));
        assertThat(csv).hasSize(2);
        assertThat(csv.get(0)).endsWith(",msToFirstFeasible,unreachableNeeds");
        String[] row = csv.get(1).split(",");
        assertThat(row).hasSize(17);
        assertThat(row[0]).isEqualTo("3");
        assertThat(row[3]).isEqualTo("true");   // checker-feasible
        assertThat(row[4]).isEqualTo("0");      // violations
        assertThat(Double.parseDouble(row[5])).isPositive();  // planned kg
        assertThat(row[16]).isEqualTo("0");     // no unreachable need in a demo network
        String md = Files.readString(dir.resolve("seed-table.md"));
        assertThat(md).contains("a fresh JVM per seed").contains("| 3 | feasible | 0 |");
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> SeedTable.main(new String[] {"--seed", "3"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--seed").hasMessageContaining("--same-jvm");
    }
}
