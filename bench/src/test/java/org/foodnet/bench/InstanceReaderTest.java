package org.foodnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text.replace("\n", "\r\n"));
        return p;
    }

    static final String SOLOMON = """
            tiny_1

            VEHICLE
            NUMBER     CAPACITY
              3          50

            CUSTOMER
            CUST NO.  XCOORD.    YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME
            \s
                0      10         20          0          0       500          0
                1      12         25         10         30        80         15
                2       4          7          7        100       160         15
            """;

    static final String LILIM = "2\t30\t1\n"
            + "0\t10\t20\t0\t0\t500\t0\t0\t0\n"
            + "1\t12\t25\t-10\t100\t200\t5\t2\t0\n"
            + "2\t4\t7\t10\t0\t150\t5\t0\t1\n";

    @Test
    void readsSolomonFormat() throws IOException {
        Instance i = InstanceReader.read(write("tiny_1.txt", SOLOMON));
        assertThat(i.name()).isEqualTo("tiny_1");
        assertThat(i.kind()).isEqualTo(Instance.Kind.CVRPTW);
        assertThat(i.vehicles()).isEqualTo(3);
        assertThat(i.capacity()).isEqualTo(50);
        assertThat(i.nodes()).hasSize(3);
        assertThat(i.node(1)).isEqualTo(new Instance.Node(1, 12, 25, 10, 30, 80, 15, 0, 0));
        assertThat(i.depot().due()).isEqualTo(500);
        assertThat(i.distance(0, 1)).isEqualTo(Math.sqrt(4 + 25));
    }

    @Test
    void readsLiLimFormat() throws IOException {
        Instance i = InstanceReader.read(write("lx1.txt", LILIM));
        assertThat(i.kind()).isEqualTo(Instance.Kind.PDPTW);
        assertThat(i.vehicles()).isEqualTo(2);
        assertThat(i.capacity()).isEqualTo(30);
        assertThat(i.node(2).isPickup()).isTrue();
        assertThat(i.node(2).delivery()).isEqualTo(1);
        assertThat(i.node(1).isDelivery()).isTrue();
        assertThat(i.node(1).pickup()).isEqualTo(2);
    }

    @Test
    void malformedRowNamesFileAndLine() throws IOException {
        Path p = write("bad.txt", SOLOMON.replace("4          7          7", "4          x          7"));
        assertThatThrownBy(() -> InstanceReader.read(p))
                .isInstanceOf(InstanceFormatException.class)
                .hasMessageContaining("bad.txt:12:")
                .hasMessageContaining("'x'");
    }

    @Test
    void wrongColumnCountNamesLine() throws IOException {
        Path p = write("bad.txt", LILIM.replace("1\t12\t25\t-10\t100\t200\t5\t2\t0", "1\t12\t25\t-10\t100\t200\t5\t2"));
        assertThatThrownBy(() -> InstanceReader.read(p))
                .isInstanceOf(InstanceFormatException.class)
                .hasMessageContaining("bad.txt:3:")
                .hasMessageContaining("expected 9 columns");
    }

    @Test
    void missingVehicleBlockIsReported() throws IOException {
        Path p = write("bad.txt", SOLOMON.replace("VEHICLE\nNUMBER     CAPACITY\n  3          50\n\n", ""));
        assertThatThrownBy(() -> InstanceReader.read(p))
                .isInstanceOf(InstanceFormatException.class)
                .hasMessageContaining("bad.txt:3:")
                .hasMessageContaining("expected the VEHICLE block");
    }

    @Test
    void inconsistentPairIsReportedWithLine() throws IOException {
        Path p = write("bad.txt", LILIM.replace("2\t4\t7\t10\t0\t150\t5\t0\t1", "2\t4\t7\t9\t0\t150\t5\t0\t1"));
        assertThatThrownBy(() -> InstanceReader.read(p))
                .isInstanceOf(InstanceFormatException.class)
                .hasMessageContaining("bad.txt:4:")
                .hasMessageContaining("node 2");
    }

    @Test
    void nonConsecutiveIdsAreReported() throws IOException {
        Path p = write("bad.txt", SOLOMON.replace("    2       4", "    5       4"));
        assertThatThrownBy(() -> InstanceReader.read(p))
                .isInstanceOf(InstanceFormatException.class)
                .hasMessageContaining("bad.txt:12:")
                .hasMessageContaining("expected customer number 2");
    }

    @Test
    void emptyFileIsReported() throws IOException {
        Path p = write("empty.txt", "\n\n");
        assertThatThrownBy(() -> InstanceReader.read(p)).isInstanceOf(InstanceFormatException.class)
                .hasMessageContaining("empty.txt").hasMessageContaining("empty file");
    }
}
