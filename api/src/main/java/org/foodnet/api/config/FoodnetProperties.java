package org.foodnet.api.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings ({@code foodnet.*}; each also as an environment variable, e.g. FOODNET_DEMO).
 *
 * @param region      the region code this service plans (one network per service)
 * @param demo        load the 麒麟のまち demo network and demo logins when the database is empty
 * @param admin       the initial coordinator account, created on first start
 * @param solver      how solve jobs run
 * @param maxBodyBytes largest request body accepted (larger: 413)
 */
@ConfigurationProperties("foodnet")
public record FoodnetProperties(@DefaultValue("kirin") String region, @DefaultValue("false") boolean demo,
                                @DefaultValue Admin admin, @DefaultValue Solver solver,
                                @DefaultValue("1048576") long maxBodyBytes) {

    /** FOODNET_ADMIN_USER / FOODNET_ADMIN_PASSWORD. */
    public record Admin(String user, String password) {
        @Override
        public String toString() {
            return "Admin[user=" + user + "]";
        }
    }

    /**
     * @param parallelism     solve jobs running at the same time (others wait in the queue)
     * @param queueCapacity   jobs that may wait; more are refused with 503
     * @param defaultTimeLimit time limit of a solve when the request names none
     * @param maxTimeLimit    the longest time limit a request may ask for
     * @param storeEvery      how often the best plan so far is written to the database while solving
     */
    public record Solver(@DefaultValue("1") int parallelism, @DefaultValue("20") int queueCapacity,
                         @DefaultValue("60s") Duration defaultTimeLimit, @DefaultValue("30m") Duration maxTimeLimit,
                         @DefaultValue("2s") Duration storeEvery, @DefaultValue("0") int moveThreads) {
    }
}
