package org.foodnet.api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document lists every network-scoped path twice: as today ({@code /api/sites}, for a person in one
 * network) and under {@code /api/networks/{networkId}/…} (the network named). The prefix is resolved by
 * {@code org.foodnet.api.security.NetworkFilter}; the controllers keep their paths.
 */
@Configuration(proxyBeanMethods = false)
class NetworkPathsDocumentation {

    static final String PREFIX = "/api/networks/{networkId}";

    @Bean
    OpenApiCustomizer networkPrefixedPaths() {
        return openApi -> {
            Paths paths = openApi.getPaths();
            if (paths == null) {
                return;
            }
            Map<String, PathItem> prefixed = new LinkedHashMap<>();
            paths.forEach((path, item) -> {
                if (path.startsWith("/api/") && !path.equals("/api/networks") && !path.equals("/api/me/networks")) {
                    prefixed.put(PREFIX + path.substring(4), inNetwork(item));
                }
            });
            prefixed.forEach(paths::addPathItem);
        };
    }

    private static PathItem inNetwork(PathItem item) {
        PathItem copy = new PathItem().summary(item.getSummary()).description(item.getDescription());
        item.readOperationsMap().forEach((method, op) -> copy.operation(method, inNetwork(op)));
        return copy;
    }

    private static Operation inNetwork(Operation op) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Parameter().name("networkId").in("path").required(true)
                .description("the network (region code) the request works in").schema(new StringSchema()));
        if (op.getParameters() != null) {
            parameters.addAll(op.getParameters());
        }
        return new Operation().tags(op.getTags()).summary(op.getSummary()).description(op.getDescription())
                .operationId(op.getOperationId() == null ? null : op.getOperationId() + "InNetwork")
                .parameters(parameters).requestBody(op.getRequestBody()).responses(op.getResponses())
                .security(op.getSecurity()).deprecated(op.getDeprecated());
    }
}
