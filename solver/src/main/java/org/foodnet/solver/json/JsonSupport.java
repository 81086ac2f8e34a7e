package org.foodnet.solver.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/** The shared mapper and the translation of Jackson's errors into one-line {@link InputFormatException}s. */
final class JsonSupport {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new FoodnetJsonModule())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .defaultPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)))
            .build();

    /**
     * Turns a whole-document validation message (thrown by a constructor that checks references across the
     * document, such as {@code Network}'s) into a JSON path, given the document as a tree; "$" when unknown.
     */
    interface DocumentPaths extends BiFunction<String, JsonNode, String> {
    }

    private JsonSupport() {
    }

    // ---------------------------------------------------------------------------------------------------
    // Reading

    static String readText(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputFormatException(source, null, "is a directory, not a JSON file");
        }
        try {
            return stripBom(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InputFormatException(source, null, "no such file (looked for " + file.toAbsolutePath() + ")", null, e);
        } catch (CharacterCodingException e) {
            throw new InputFormatException(source, null, "not UTF-8 text", null, e);
        } catch (IOException e) {
            throw new InputFormatException(source, null, "cannot read the file: " + oneLine(String.valueOf(e.getMessage())), null, e);
        }
    }

    static String readText(InputStream in, String source) {
        try {
            return stripBom(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputFormatException(source, null, "cannot read: " + oneLine(String.valueOf(e.getMessage())), null, e);
        }
    }

    static String readText(Reader in, String source) {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sb.append(buffer, 0, n);
            }
            return stripBom(sb.toString());
        } catch (IOException e) {
            throw new InputFormatException(source, null, "cannot read: " + oneLine(String.valueOf(e.getMessage())), null, e);
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static <T> T parse(String text, String source, Class<T> type, DocumentPaths documentPaths) {
        T value;
        try {
            value = MAPPER.readValue(text, type);
        } catch (JacksonException e) {
            throw translate(e, text, source, type, documentPaths);
        }
        if (value == null) {
            throw new InputFormatException(source, "$", "expected " + describe(type) + ", got null");
        }
        return value;
    }

    // ---------------------------------------------------------------------------------------------------
    // Writing

    static String toJson(Object value) {
        return MAPPER.writeValueAsString(value) + System.lineSeparator();
    }

    static void write(Object value, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(Object value, Writer out) {
        try {
            out.write(toJson(value));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Errors

    static InputFormatException translate(JacksonException e, String text, String source, Class<?> rootType,
                                          DocumentPaths documentPaths) {
        TokenStreamLocation loc = e.getLocation();
        boolean hasLine = loc != null && loc.getLineNr() > 0;
        String lineColumn = hasLine ? "line " + loc.getLineNr() + ", column " + loc.getColumnNr() : null;
        if (!(e instanceof DatabindException)) {
            // Not JSON at all: say where the parser stopped.
            return new InputFormatException(source, lineColumn, clean(e.getOriginalMessage()), null, e);
        }
        String path = path(e.getPath());
        String suffix = hasLine ? "(" + lineColumn + ")" : null;
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();

        if (e instanceof UnrecognizedPropertyException u) {
            return new InputFormatException(source, path, "unknown field (expected one of "
                    + join(u.getKnownPropertyIds()) + ")", suffix, e);
        }
        if (e instanceof InvalidFormatException f) {
            return new InputFormatException(source, path, invalidValue(f, original), suffix, e);
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = rootCause(v);
            String message = cause.getMessage() == null ? "" : oneLine(cause.getMessage());
            Class<?> type = v.getType() == null ? Object.class : v.getType().getRawClass();
            if (path.equals("$") && documentPaths != null && type == rootType && cause instanceof IllegalArgumentException) {
                String resolved;
                try {
                    resolved = documentPaths.apply(message, MAPPER.readTree(text));
                } catch (RuntimeException notATree) {
                    resolved = "$";
                }
                return new InputFormatException(source, resolved, message, null, e);
            }
            if (cause instanceof NullPointerException) {
                String field = lastWord(message);
                if (field != null && isComponent(type, field)) {
                    return new InputFormatException(source, append(path, field),
                            (message.equals(field) ? field : message) + " must not be null", suffix, e);
                }
                return new InputFormatException(source, path, "a required field is missing or null"
                        + (message.isEmpty() ? "" : ": " + message), suffix, e);
            }
            if (cause instanceof IllegalArgumentException || cause instanceof java.time.DateTimeException) {
                String last = path.substring(Math.max(path.lastIndexOf('.'), path.lastIndexOf(']')) + 1);
                if (!last.isEmpty() && message.startsWith(last + ": ")) { // "travelMatrix: travelMatrix: ..."
                    message = message.substring(last.length() + 2);
                }
                String field = namedComponent(type, message);
                return new InputFormatException(source, field == null ? path : append(path, field), message, suffix, e);
            }
            return new InputFormatException(source, path, "cannot build " + describe(type) + ": "
                    + (message.isEmpty() ? cause.getClass().getSimpleName() : message), suffix, e);
        }
        if (e instanceof MismatchedInputException m) {
            boolean missing = original.startsWith("Missing required creator property");
            if (missing || original.startsWith("Cannot map `null` into type")) {
                InputFormatException typo = unknownSibling(text, source, e.getPath(), suffix, e);
                if (typo != null) {
                    return typo;
                }
            }
            if (missing) {
                return new InputFormatException(source, path, "missing required field", suffix, e);
            }
            if (original.startsWith("No content to map")) {
                return new InputFormatException(source, null, "empty input, expected a JSON object", null, e);
            }
            if (original.startsWith("Cannot map `null` into type")) {
                return new InputFormatException(source, path, "missing or null, expected " + describe(m.getTargetType()),
                        suffix, e);
            }
            if (m.getTargetType() != null && (original.startsWith("Cannot deserialize value of type")
                    || original.startsWith("Cannot construct instance of"))) {
                JsonToken token = m.getCurrentToken();
                return new InputFormatException(source, path, "expected " + describe(m.getTargetType())
                        + (token == null ? "" : ", got " + describe(token)), suffix, e);
            }
            if (original.startsWith("Trailing token")) {
                return new InputFormatException(source, lineColumn, "unexpected content after the end of the JSON document",
                        null, e);
            }
        }
        return new InputFormatException(source, path, clean(original), suffix, e);
    }

    private static String invalidValue(InvalidFormatException f, String original) {
        Class<?> target = f.getTargetType();
        Object value = f.getValue();
        String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        if (target != null && target.isEnum()) {
            String what = original.startsWith("Cannot deserialize Map key") ? "key" : "value";
            return "unknown " + what + " " + shown + " (expected one of " + join(Arrays.asList(target.getEnumConstants())) + ")";
        }
        if (target != null && TIME_FORMATS.containsKey(target)) {
            return "invalid " + shown + ", expected " + TIME_FORMATS.get(target);
        }
        return "invalid " + shown + ", expected " + describe(target);
    }

    private static final Map<Class<?>, String> TIME_FORMATS = Map.of(
            LocalDate.class, "an ISO date like \"2026-12-01\"",
            LocalTime.class, "an ISO time like \"09:30\"",
            LocalDateTime.class, "an ISO local date-time like \"2026-12-01T09:30\"",
            YearMonth.class, "an ISO month like \"2026-12\"",
            ZoneId.class, "a time zone like \"Asia/Tokyo\"");

    static String describe(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (TIME_FORMATS.containsKey(type)) {
            return TIME_FORMATS.get(type);
        }
        if (type.isEnum()) {
            return "one of " + join(Arrays.asList(type.getEnumConstants()));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    /** "sites[2].kind", "$" for the document itself. */
    static String path(List<JacksonException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : refs) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            }
        }
        return sb.isEmpty() ? "$" : sb.toString();
    }

    static String append(String path, String field) {
        return path.equals("$") ? field : path + "." + field;
    }

    /**
     * A required field is missing: when its object has a field the record does not know (a typo, most likely),
     * report that field instead, naming the missing one too.
     */
    private static InputFormatException unknownSibling(String text, String source, List<JacksonException.Reference> refs,
                                                       String suffix, JacksonException e) {
        if (refs.isEmpty() || !(refs.get(refs.size() - 1).from() instanceof Class<?> type) || !type.isRecord()) {
            return null;
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (RuntimeException notATree) {
            return null;
        }
        for (JacksonException.Reference r : refs.subList(0, refs.size() - 1)) {
            node = r.getIndex() >= 0 ? node.get(r.getIndex()) : node.get(r.getPropertyName());
            if (node == null) {
                return null;
            }
        }
        if (!node.isObject()) {
            return null;
        }
        List<String> known = Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
        String missing = refs.get(refs.size() - 1).getPropertyName();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!known.contains(field.getKey())) {
                String parent = path(refs.subList(0, refs.size() - 1));
                return new InputFormatException(source, append(parent, field.getKey()), "unknown field (expected one of "
                        + join(known) + "); " + missing + " is missing", suffix, e);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t.getCause() == null ? t : t.getCause();
        while (c instanceof JacksonException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static final Pattern LEADING_CONTEXT = Pattern.compile("^[\\w ]+? \\S+: ");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]\\w*");

    /** The one record component a constructor message is about ("lot x: grams must be > 0" -> grams), or null. */
    private static String namedComponent(Class<?> type, String message) {
        if (!type.isRecord()) {
            return null;
        }
        String text = LEADING_CONTEXT.matcher(message).replaceFirst("");
        List<String> named = WORD.matcher(text).results().map(java.util.regex.MatchResult::group).filter(w -> isComponent(type, w))
                .distinct().toList();
        return named.size() == 1 ? named.get(0) : null;
    }

    private static boolean isComponent(Class<?> type, String name) {
        return type.isRecord() && Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals(name));
    }

    private static String lastWord(String message) {
        List<String> words = WORD.matcher(message).results().map(java.util.regex.MatchResult::group).toList();
        return words.isEmpty() ? null : words.get(words.size() - 1);
    }

    private static String join(Collection<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Jackson's message, one line, without its hints about features and unreadable source descriptions. */
    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "invalid JSON";
        }
        String s = oneLine(message)
                .replaceAll(" ?\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\[Source:[^\\]]*\\]", "")
                .replaceAll(" ?\\(set `[^`]*` to [^)]*\\)", "")
                .replaceAll(" ?\\(for Object starting at [^)]*\\)", "")
                .trim();
        return s.isEmpty() ? "invalid JSON" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
