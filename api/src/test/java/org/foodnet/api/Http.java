package org.foodnet.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: real HTTP against the running service, HTTP Basic per user. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String user;
    private final String password;

    public Http(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        this.user = user;
        this.password = password;
    }

    public Http as(String otherUser, String otherPassword) {
        return new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherUser, otherPassword);
    }

    public Http anonymous() {
        return as(null, null);
    }

    /** A response: status, headers and body, with the body read as JSON on demand. */
    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers.get("content-type") + " " + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
        }
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Response post(String path, Object json, String... headers) {
        return send("POST", path, "application/json", json == null ? null : toJson(json), headers);
    }

    public Response put(String path, Object json, String... headers) {
        return send("PUT", path, "application/json", json == null ? null : toJson(json), headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    public Response send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            return new Response(r.statusCode(), h, r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request over a plain socket, headers written as UTF-8 bytes exactly as given (what
     * java.net.http refuses to send: non-ASCII or control characters in a header), and reads the answer.
     */
    public Response raw(String method, String path, String contentType, byte[] body, String... headers) {
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            StringBuilder h = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            if (user != null) {
                h.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
            }
            if (contentType != null) {
                h.append("Content-Type: ").append(contentType).append("\r\n");
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                h.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            h.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
            head.write(h.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                head.write(body);
            }
            socket.getOutputStream().write(head.toByteArray());
            socket.getOutputStream().flush();
            byte[] all = socket.getInputStream().readAllBytes();
            int end = indexOf(all, new byte[] {'\r', '\n', '\r', '\n'}, 0);
            String headText = new String(all, 0, end < 0 ? all.length : end, StandardCharsets.ISO_8859_1);
            String[] lines = headText.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    map.merge(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                            lines[i].substring(colon + 1).trim(), (a, b) -> a + "," + b);
                }
            }
            int at = end < 0 ? all.length : end + 4;
            java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(map.get("transfer-encoding"))) {
                // chunk sizes count bytes: decode on the raw bytes, text only at the end
                while (at < all.length) {
                    int nl = indexOf(all, new byte[] {'\r', '\n'}, at);
                    if (nl < 0) {
                        break;
                    }
                    String sizeLine = new String(all, at, nl - at, StandardCharsets.ISO_8859_1).trim().split(";")[0];
                    if (sizeLine.isEmpty()) {
                        at = nl + 2;
                        continue;
                    }
                    int size = Integer.parseInt(sizeLine, 16);
                    if (size == 0) {
                        break;
                    }
                    int from = nl + 2;
                    content.write(all, from, Math.min(size, all.length - from));
                    at = from + size + 2;
                }
            } else {
                content.write(all, at, all.length - at);
            }
            String rest = content.toString(StandardCharsets.UTF_8);
            return new Response(status, map, rest);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Reads a Server-Sent Events stream to its end (or the timeout) and returns its text. */
    public String events(String path, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET()
                .header("Accept", "text/event-stream");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String toJson(Object o) {
        return o instanceof String s ? s : JSON.writeValueAsString(o);
    }
}
