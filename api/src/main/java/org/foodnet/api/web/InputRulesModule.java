package org.foodnet.api.web;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson rules for request bodies: dates and months in the window of {@link InputRules}, times of day as
 * {@code HH:mm[:ss]}, text without control characters (and in Unicode NFC, passwords aside), enums only by their exact name (no numbers, no trailing
 * spaces or NULs, no other case). Each refusal is an {@link InputRefused} carrying the words the client sees.
 */
public final class InputRulesModule extends SimpleModule {

    public InputRulesModule() {
        super("foodnet-input-rules");
        addDeserializer(LocalDate.class, new Rule<>(LocalDate.class, InputRules.DATE_RULE) {
            @Override
            LocalDate parse(String text) {
                return InputRules.date(text);
            }
        });
        addDeserializer(YearMonth.class, new Rule<>(YearMonth.class, InputRules.MONTH_RULE) {
            @Override
            YearMonth parse(String text) {
                return InputRules.month(text);
            }
        });
        addDeserializer(LocalTime.class, new Rule<>(LocalTime.class, InputRules.TIME_RULE) {
            @Override
            LocalTime parse(String text) {
                if (text.length() != 5 && text.length() != 8) {
                    throw new InputRules.Refused(InputRules.TIME_RULE);
                }
                try {
                    return LocalTime.parse(text);
                } catch (DateTimeParseException e) {
                    throw new InputRules.Refused(InputRules.TIME_RULE);
                }
            }
        });
        addDeserializer(String.class, new Rule<>(String.class, "must be text") {
            @Override
            String parse(String text) {
                String problem = InputRules.textProblem(text);
                if (problem != null) {
                    throw new InputRules.Refused(problem);
                }
                return text;
            }

            @Override
            String finish(String value, JsonParser p) {
                // one spelling per text: "é" as one character or as e + combining accent are the same category, name
                // or id (NFC). Passwords stay exactly as typed, since sign-in compares them as sent.
                return "password".equals(p.currentName()) || Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value
                        : Normalizer.normalize(value, Normalizer.Form.NFC);
            }

            @Override
            boolean acceptsScalars() {
                return true;
            }
        });
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                               BeanDescription.Supplier beanDesc,
                                                               ValueDeserializer<?> deserializer) {
                return new StrictEnum(type.getRawClass());
            }
        });
    }

    /** A refusal with the words for the client (the path to the field is added by Jackson). */
    public static final class InputRefused extends InvalidFormatException {
        InputRefused(JsonParser p, String message, Object value, Class<?> type) {
            super(p, message, value, type);
        }
    }

    private abstract static class Rule<T> extends StdDeserializer<T> {
        private final String rule;

        Rule(Class<T> type, String rule) {
            super(type);
            this.rule = rule;
        }

        abstract T parse(String text);

        /** The value as kept, given where it was read. */
        T finish(T value, JsonParser p) {
            return value;
        }

        boolean acceptsScalars() {
            return false;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            String text;
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                text = p.getString();
            } else if (acceptsScalars() && p.currentToken() != null && p.currentToken().isScalarValue()) {
                text = p.getString();
            } else {
                throw new InputRefused(p, rule, null, handledType());
            }
            try {
                return finish(parse(text), p);
            } catch (InputRules.Refused e) {
                throw new InputRefused(p, e.getMessage(), text, handledType());
            }
        }
    }

    /** An enum read only from its exact constant name. */
    private static final class StrictEnum extends StdDeserializer<Object> {
        private final Class<?> type;
        private final String rule;

        StrictEnum(Class<?> type) {
            super(type);
            this.type = type;
            this.rule = "must be one of " + Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                    .collect(Collectors.joining(", "));
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getString();
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(text)) {
                        return constant;
                    }
                }
                throw new InputRefused(p, rule, text, type);
            }
            throw new InputRefused(p, rule, null, type);
        }
    }
}
