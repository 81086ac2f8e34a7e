package org.foodnet.api.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The service's own texts for people in the asked language: Spring {@link MessageSource} bundles
 * {@code messages.properties} (English) and {@code messages_ja.properties} (Japanese).
 * <p>
 * Refusals are written in English where they are decided (the api, the planning core, the CSV reader); every
 * English sentence a person may read has an entry {@code problem.*} in the English bundle, as a
 * {@link java.text.MessageFormat} pattern whose {@code {n}} stand for the ids, numbers and values in it. An answer
 * in another language finds the pattern that matches the English text and formats that language's entry with the
 * same values. A text made of parts ("row 3: lat: must be in [-90, 90], got 91", "a; b") is translated part by
 * part. A text without an entry stays English.
 * <p>
 * The language: the cookie {@code lang} (the pages set it to their language toggle), else {@code Accept-Language};
 * English when neither asks for Japanese.
 */
public final class Translations {

    /** The pages' language choice, also used by Spring MVC for a controller's {@code Locale} parameter. */
    public static final String COOKIE = "lang";

    private static final String PREFIX = "problem.";
    /** Entries whose values may be words of ours (see {@link #word}). */
    private static final List<String> WORDED = List.of("problem.rule.", "problem.travelSource");
    private static final List<String> WORD_PREFIXES = List.of("word.", "category.");
    private static final List<Entry> ENTRIES = load();

    private record Entry(String key, Pattern pattern, int literalLength) {
    }

    private Translations() {
    }

    /** The locale resolver of the pages and the API: cookie {@code lang}, else {@code Accept-Language}. */
    public static CookieLocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        // without Accept-Language: English (not the server's own default locale)
        resolver.setDefaultLocaleFunction(r -> r.getHeader("Accept-Language") == null ? Locale.ENGLISH : r.getLocale());
        return resolver;
    }

    private static final CookieLocaleResolver RESOLVER = localeResolver();

    /** The language a request asks for (Japanese or English). */
    public static Locale locale(HttpServletRequest request) {
        Locale asked = request == null ? Locale.ENGLISH : RESOLVER.resolveLocale(request);
        return asked != null && "ja".equals(asked.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
    }

    /** Translates an English text of the service for the request's language (unchanged for English). */
    public static String forRequest(String english, HttpServletRequest request) {
        if (english == null || request == null) {
            return english;
        }
        Locale locale = locale(request);
        if (!"ja".equals(locale.getLanguage())) {
            return english;
        }
        MessageSource messages;
        try {
            messages = RequestContextUtils.findWebApplicationContext(request);
        } catch (IllegalStateException e) {
            return english;
        }
        return messages == null ? english : translate(english, messages, locale);
    }

    /** Translates an English text of the service into {@code locale} with the bundles of {@code messages}. */
    public static String translate(String english, MessageSource messages, Locale locale) {
        if (english == null || english.isEmpty()) {
            return english;
        }
        String whole = match(english, messages, locale);
        if (whole != null) {
            return whole;
        }
        int semicolon = english.indexOf("; ");
        if (semicolon > 0) {
            return translate(english.substring(0, semicolon), messages, locale) + "; "
                    + translate(english.substring(semicolon + 2), messages, locale);
        }
        int colon = english.indexOf(": ");
        if (colon > 0) {
            return translate(english.substring(0, colon), messages, locale) + ": "
                    + translate(english.substring(colon + 2), messages, locale);
        }
        return english;
    }

    private static String match(String english, MessageSource messages, Locale locale) {
        for (Entry e : ENTRIES) {
            Matcher m = e.pattern.matcher(english);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    String value = m.group(i + 1);
                    args[i] = value == null ? "" : WORDED.stream().anyMatch(e.key::startsWith) ? word(value, messages, locale) : value;
                }
                try {
                    return messages.getMessage(e.key, args, locale);
                } catch (NoSuchMessageException missing) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * A word inside a plan explanation's sentence ({@code problem.rule.*}, {@code problem.travelSource*}): a food
     * category ({@code category.*}), a temperature class, an expiry kind or the great-circle travel model
     * ({@code word.*}) in the asked language; anything else (ids, names, numbers) as it is.
     */
    private static String word(String value, MessageSource messages, Locale locale) {
        for (String prefix : WORD_PREFIXES) {
            String found = messages.getMessage(prefix + value, null, null, locale);
            if (found != null) {
                return found;
            }
        }
        return value;
    }

    /** The English patterns, most specific (longest fixed text) first. */
    private static List<Entry> load() {
        ResourceBundle english = ResourceBundle.getBundle("messages", Locale.ROOT);
        List<Entry> entries = new ArrayList<>();
        for (Enumeration<String> keys = english.getKeys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (key.startsWith(PREFIX)) {
                String pattern = english.getString(key);
                entries.add(new Entry(key, regex(pattern), pattern.replaceAll("\\{\\d+}", "").length()));
            }
        }
        entries.sort(Comparator.comparingInt(Entry::literalLength).reversed().thenComparing(Entry::key));
        return List.copyOf(entries);
    }

    /** A MessageFormat pattern ({0}, '' for a quote) as a regex matching the whole text, each {n} a group. */
    static Pattern regex(String messageFormat) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{(\\d+)}").matcher(messageFormat);
        int at = 0;
        List<Integer> order = new ArrayList<>();
        while (m.find()) {
            regex.append(Pattern.quote(literal(messageFormat.substring(at, m.start())))).append("((?:(?!: |; ).)+?)");
            order.add(Integer.parseInt(m.group(1)));
            at = m.end();
        }
        regex.append(Pattern.quote(literal(messageFormat.substring(at))));
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) != i) {
                throw new IllegalStateException("the English pattern must use {0}, {1}, ... in order: " + messageFormat);
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String literal(String messageFormatText) {
        return messageFormatText.replace("''", "'");
    }
}
