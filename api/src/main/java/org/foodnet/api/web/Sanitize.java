package org.foodnet.api.web;

import java.util.regex.Pattern;

/** Keeps Java class names, exception names and backticked types out of what a client reads. */
final class Sanitize {

    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(?:java|javax|jakarta|tools|com|org|net|io|sun|jdk)\\.(?:[a-z0-9_]+\\.)*([A-Z][A-Za-z0-9_$]*)");
    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    /** A quoted snake_case name (a constraint, table or column PostgreSQL names in its messages). */
    private static final Pattern SQL_NAME = Pattern.compile("\"[a-z][a-z0-9]*(?:_[a-z0-9]+)+\"");
    private static final Pattern EXCEPTION = Pattern.compile("\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b:?\\s*");

    private Sanitize() {
    }

    static String words(String text) {
        if (text == null) {
            return null;
        }
        String s = QUALIFIED.matcher(text).replaceAll("value");
        s = BACKTICKED.matcher(s).replaceAll("value");
        s = EXCEPTION.matcher(s).replaceAll("");
        s = SQL_NAME.matcher(s).replaceAll("a rule");
        s = s.replace('\u0000', ' ');
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
