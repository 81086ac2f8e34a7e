package org.foodnet.api.config;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.foodnet.data.Database;
import org.foodnet.data.DatabaseSettings;
import org.foodnet.data.job.SolveJobRepository;
import org.foodnet.data.network.NetworkRepository;
import org.foodnet.data.plan.PlanRepository;
import org.foodnet.data.stock.DonationLog;
import org.foodnet.data.stock.Ledger;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * One source of truth for the database: the data module's {@link Database} (embedded PostgreSQL with a
 * persistent directory by default, or FOODNET_DB_URL) is opened once; its pool is the application's
 * DataSource, so Boot's transaction manager, jOOQ DSLContext and Flyway (the api's own tables) all use it.
 * The data module's migrations run when the database opens.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    Database database(Environment env) {
        return Database.open(settings(env));
    }

    /** The data module's settings, read through Spring so that properties, arguments and environment all work. */
    static DatabaseSettings settings(Environment env) {
        String dir = env.getProperty("foodnet.data.dir");
        Path dataDirectory = dir == null || dir.isBlank() ? DatabaseSettings.defaultDataDirectory() : Path.of(dir);
        int poolSize = env.getProperty("foodnet.db.pool-size", Integer.class, 10);
        return new DatabaseSettings(env.getProperty("foodnet.db.url"), env.getProperty("foodnet.db.user"),
                env.getProperty("foodnet.db.password"), dataDirectory, poolSize);
    }

    @Bean(destroyMethod = "")
    DataSource dataSource(Database database) {
        return database.dataSource();
    }

    // Repositories on Boot's DSLContext, which joins Spring transactions (@Transactional use cases).

    @Bean
    NetworkRepository networkRepository(DSLContext dsl) {
        return new NetworkRepository(dsl);
    }

    @Bean
    Ledger ledger(DSLContext dsl) {
        return new Ledger(dsl);
    }

    /** Logs donations reading only the sites they name (its site cache is dropped by NetworkService on changes). */
    @Bean
    DonationLog donationLog(DSLContext dsl) {
        return new DonationLog(dsl);
    }

    @Bean
    PlanRepository planRepository(DSLContext dsl) {
        return new PlanRepository(dsl);
    }

    @Bean
    SolveJobRepository solveJobRepository(DSLContext dsl) {
        return new SolveJobRepository(dsl);
    }
}
