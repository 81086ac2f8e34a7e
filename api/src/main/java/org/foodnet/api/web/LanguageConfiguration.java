package org.foodnet.api.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** The language of texts for people: the pages' cookie {@code lang}, else {@code Accept-Language} ({@link Translations}). */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        return Translations.localeResolver();
    }
}
