package org.foodnet.api.planning;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A solver score "0hard/-12500medium/-2650soft" (hard, then medium, then soft count). */
record Score(long hard, long medium, long soft) implements Comparable<Score> {

    private static final Pattern FORMAT = Pattern.compile("(-?\\d+)hard/(-?\\d+)medium/(-?\\d+)soft");

    static Score parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        return new Score(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    }

    static boolean feasible(String text) {
        Score s = parse(text);
        return s != null && s.hard == 0;
    }

    @Override
    public int compareTo(Score o) {
        int c = Long.compare(hard, o.hard);
        if (c == 0) {
            c = Long.compare(medium, o.medium);
        }
        return c != 0 ? c : Long.compare(soft, o.soft);
    }

    @Override
    public String toString() {
        return hard + "hard/" + medium + "medium/" + soft + "soft";
    }
}
