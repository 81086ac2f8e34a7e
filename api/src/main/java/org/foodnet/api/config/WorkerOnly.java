package org.foodnet.api.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.foodnet.api.web.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A worker-only node ({@code foodnet.node.roles=worker}) keeps its web server for {@code /actuator/health} only:
 * every other path answers 404 problem+json, before security or any controller, so it never serves pages or API.
 */
@Configuration(proxyBeanMethods = false)
class WorkerOnly {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> workerOnlyFilter(Node node) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if (node.api() || path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
                    chain.doFilter(request, response);
                    return;
                }
                ProblemResponses.write(request, response, HttpStatus.NOT_FOUND, "node " + node.name()
                        + " is a worker (foodnet.node.roles=worker): it serves no pages or API, only /actuator/health", null, null);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setName("workerOnly");
        return registration;
    }
}
