package org.foodnet.api.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests Spring Security's firewall refuses (a header value with non-ASCII or control characters, an encoded
 * NUL or slash in the address, an unknown method) are a 400 problem naming the header, {@code path} or {@code method},
 * not a 500.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    private static final Pattern HEADER = Pattern.compile("header(?: name)?: \"([^\"]*)\"");
    private static final Pattern PARAMETER = Pattern.compile("parameter(?: name)?: \"([^\"]*)\"");

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            Field f = field(rejected);
            ProblemResponses.write(request, response, f.status, f.name + ": " + f.reason, f.name, f.reason);
        };
    }

    record Field(String name, String reason, HttpStatus status) {
    }

    static Field field(RequestRejectedException rejected) {
        String message = String.valueOf(rejected.getMessage());
        Matcher header = HEADER.matcher(message);
        if (header.find()) {
            return new Field(printable(header.group(1).trim()), "must be printable ASCII characters", HttpStatus.BAD_REQUEST);
        }
        Matcher parameter = PARAMETER.matcher(message);
        if (parameter.find()) {
            return new Field(printable(parameter.group(1).trim()), "has characters that are not allowed", HttpStatus.BAD_REQUEST);
        }
        if (message.contains("HTTP method")) {
            return new Field("method", "is not allowed", HttpStatus.METHOD_NOT_ALLOWED);
        }
        return new Field("path", "the address has characters or parts that are not allowed", HttpStatus.BAD_REQUEST);
    }

    private static String printable(String name) {
        return name.chars().allMatch(c -> c >= 0x20 && c < 0x7F) && !name.isEmpty() ? name : "header";
    }
}
