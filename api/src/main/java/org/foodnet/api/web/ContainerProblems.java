package org.foodnet.api.web;

import java.io.Writer;

import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat refuses itself, before any servlet sees the request (a header with control characters, a malformed
 * request line or address), is answered as problem+json too, instead of Tomcat's HTML page: 400 naming
 * {@code headers} or {@code path}.
 */
@Configuration(proxyBeanMethods = false)
class ContainerProblems {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, as problem+json. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null) {
                status = HttpStatus.BAD_REQUEST;
            }
            String field;
            String reason;
            if (status == HttpStatus.BAD_REQUEST) {
                field = "headers";
                reason = "the request cannot be read: its request line, address or headers are malformed (headers must "
                        + "not contain control characters)";
            } else if (status == HttpStatus.NOT_FOUND) {
                field = "path";
                reason = "there is nothing at this address";
            } else if (status == HttpStatus.METHOD_NOT_ALLOWED || status == HttpStatus.NOT_IMPLEMENTED) {
                field = "method";
                reason = "this method is not allowed";
            } else if (status == HttpStatus.CONTENT_TOO_LARGE || status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                    || status == HttpStatus.URI_TOO_LONG) {
                field = status == HttpStatus.CONTENT_TOO_LARGE ? "body" : status == HttpStatus.URI_TOO_LONG ? "path" : "headers";
                reason = "is too large";
            } else {
                field = status.is4xxClientError() ? "request" : null;
                reason = status.getReasonPhrase();
            }
            StringBuilder json = new StringBuilder("{\"type\":\"about:blank\",\"title\":\"").append(status.getReasonPhrase())
                    .append("\",\"status\":").append(code).append(",\"detail\":\"").append(reason).append('"');
            if (field != null) {
                json.append(",\"errors\":[{\"field\":\"").append(field).append("\",\"reason\":\"").append(reason).append("\"}]");
            }
            json.append('}');
            try {
                try {
                    response.setContentType("application/problem+json");
                    response.setCharacterEncoding("UTF-8");
                } catch (RuntimeException ignored) {
                    // the headers may be sent already
                }
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.toString());
                    response.finishResponse();
                }
            } catch (java.io.IOException | IllegalStateException ignored) {
                // nothing more can be said to this client
            }
        }
    }
}
