package org.foodnet.api.web;

import java.time.LocalDate;
import java.time.YearMonth;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters and path variables that are dates or months follow the same windows as JSON bodies. A write
 * ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) under {@code /api/} whose {@code Accept} header allows no
 * JSON answer is refused with 406 before anything is stored (not after, when the answer cannot be written).
 */
@Configuration(proxyBeanMethods = false)
class WebInputConfiguration implements WebMvcConfigurer {

    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws HttpMediaTypeNotAcceptableException {
                String method = request.getMethod();
                if (!(handler instanceof HandlerMethod) || method.equals("GET") || method.equals("HEAD")
                        || method.equals("OPTIONS")) {
                    return true;
                }
                String accept = request.getHeader(HttpHeaders.ACCEPT);
                if (accept == null || accept.isBlank()) {
                    return true;
                }
                List<MediaType> accepted;
                try {
                    accepted = MediaType.parseMediaTypes(accept);
                } catch (InvalidMediaTypeException e) {
                    throw new HttpMediaTypeNotAcceptableException(ANSWERS);
                }
                boolean json = accepted.stream().anyMatch(a -> a.getQualityValue() > 0
                        && ANSWERS.stream().anyMatch(a::isCompatibleWith));
                if (!json) {
                    throw new HttpMediaTypeNotAcceptableException(ANSWERS);
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }

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
