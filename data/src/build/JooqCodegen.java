import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Build-time jOOQ code generation from the Flyway migrations on a real, throw-away embedded PostgreSQL
 * (no external server, no H2, no DDL simulation). Launched by Maven at generate-sources in Java's
 * single-file source mode on the test class path; see data/pom.xml.
 *
 * <p>Arguments: migrations folder, output folder, package, fingerprint file, this source file. When the
 * fingerprint of the inputs matches the one of the last run, nothing is done.
 */
public class JooqCodegen {

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        String packageName = args[2];
        Path stamp = Path.of(args[3]);
        Path self = Path.of(args[4]);

        String fingerprint = fingerprint(migrations, self, packageName);
        Path packageDir = output.resolve(packageName.replace('.', '/'));
        if (Files.isDirectory(packageDir) && Files.exists(stamp) && Files.readString(stamp).equals(fingerprint)) {
            System.out.println("[jooq-codegen] migrations unchanged, generated classes are up to date");
            return;
        }
        long started = System.nanoTime();
        Files.deleteIfExists(stamp);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .load()
                    .migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc()
                            .withDriver("org.postgresql.Driver")
                            .withUrl(postgres.getJdbcUrl("postgres", "postgres"))
                            .withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withOutputSchemaToDefault(true)
                                    .withIncludes(".*")
                                    .withExcludes("flyway_schema_history")
                                    .withIncludeRoutines(false))
                            .withGenerate(new Generate()
                                    .withJavaTimeTypes(true)
                                    .withGeneratedAnnotation(false)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withComments(true))
                            .withTarget(new Target()
                                    .withPackageName(packageName)
                                    .withDirectory(output.toAbsolutePath().toString())
                                    .withClean(true))));
        }
        Files.createDirectories(stamp.getParent());
        Files.writeString(stamp, fingerprint);
        System.out.printf("[jooq-codegen] generated %s in %d ms%n", packageName, (System.nanoTime() - started) / 1_000_000);
    }

    private static String fingerprint(Path migrations, Path self, String packageName) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(migrations)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            sha.update(migrations.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(file));
        }
        sha.update(Files.readAllBytes(self));
        sha.update(packageName.getBytes(StandardCharsets.UTF_8));
        sha.update(org.jooq.Constants.VERSION.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
