package org.foodnet.bench;

import java.nio.file.Path;

/**
 * Where the shared data lives: the system property {@code foodnet.shared} (the build passes the {@code shared}
 * folder beside the checkout), else {@code ../shared} relative to the working directory. Benchmark instances
 * are in its {@code benchmarks} folder; they are never copied into the repository.
 */
public final class SharedData {

    public static final String PROPERTY = "foodnet.shared";
    public static final String DEFAULT = "../shared";

    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        return Path.of(configured == null || configured.isBlank() ? DEFAULT : configured).toAbsolutePath().normalize();
    }

    public static Path benchmarks() {
        return root().resolve("benchmarks");
    }
}
