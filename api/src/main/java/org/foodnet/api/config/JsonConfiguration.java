package org.foodnet.api.config;

import java.time.Clock;

import org.foodnet.solver.json.FoodnetJsonModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** HTTP JSON reads and writes networks and plans exactly as the files do (docs/file-formats.md). */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    FoodnetJsonModule foodnetJsonModule() {
        return new FoodnetJsonModule();
    }

    /** "Today" for re-planning; tests replace it with a fixed clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
