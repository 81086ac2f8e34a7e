package org.foodnet.api.web;

import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query parameters and path variables that are dates or months follow the same windows as JSON bodies. */
@Configuration(proxyBeanMethods = false)
class WebInputConfiguration implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        // added last, so they come first for String -> LocalDate / YearMonth
        registry.addConverter(new Converter<String, LocalDate>() {
            @Override
            public LocalDate convert(String source) {
                return source.isBlank() ? null : InputRules.date(source.trim());
            }
        });
        registry.addConverter(new Converter<String, YearMonth>() {
            @Override
            public YearMonth convert(String source) {
                return source.isBlank() ? null : InputRules.month(source.trim());
            }
        });
    }
}
