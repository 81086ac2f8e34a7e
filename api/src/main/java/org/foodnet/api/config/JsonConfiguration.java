package org.foodnet.api.config;

import java.time.Clock;

import org.foodnet.api.web.InputRulesModule;
import org.foodnet.solver.json.FoodnetJsonModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * HTTP JSON reads and writes networks and plans exactly as the files do (docs/file-formats.md), and reads request
 * bodies strictly: no duplicate keys, no numbers for enums, no strings for numbers or booleans, nothing after the value, dates, months, times and text
 * within the rules of {@link org.foodnet.api.web.InputRules}.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    FoodnetJsonModule foodnetJsonModule() {
        return new FoodnetJsonModule();
    }

    @Bean
    InputRulesModule inputRulesModule() {
        return new InputRulesModule();
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // numbers are JSON numbers: "1000" (a string) is not read as 1000 grams, nor "true" as true
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }

    /** "Today" for re-planning; tests replace it with a fixed clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
