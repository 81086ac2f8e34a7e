package org.foodnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BksTest {

    @TempDir
    Path dir;

    @Test
    void foundInTheParentOfTheInstanceFolderAndLookedUpByName() throws IOException {
        Files.writeString(dir.resolve("bks.csv"), "benchmark,customers,instance,routes,distance\nLiLim,100,lc101,10,828.9369\n");
        Path folder = Files.createDirectories(dir.resolve("pdptw-ll100"));
        Bks bks = Bks.near(folder);
        assertThat(bks.get("lc101")).contains(new Bks.Entry("LiLim", 100, "lc101", 10, 828.9369));
        assertThat(bks.get("lc102")).isEmpty();
    }

    @Test
    void foundInTheFolderItself() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("set"));
        Files.writeString(folder.resolve("bks.csv"), "benchmark,customers,instance,routes,distance\nX,5,a,1,2.5\n");
        assertThat(Bks.near(folder).get("a")).isPresent();
    }

    @Test
    void emptyWhenThereIsNone() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("x").resolve("y"));
        assertThat(Bks.near(folder).size()).isZero();
    }

    @Test
    void malformedLineNamesFileAndLine() throws IOException {
        Path csv = dir.resolve("bks.csv");
        Files.writeString(csv, "benchmark,customers,instance,routes,distance\nX,5,a,1,2.5\nX,5,b,one,2.5\n");
        assertThatThrownBy(() -> Bks.read(csv)).isInstanceOf(InstanceFormatException.class).hasMessageContaining("bks.csv:3:");
    }
}
