package org.foodnet.solver.constraint;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/** Why a rule matched, in one plain sentence naming the sites, lots, trips and volunteers involved. */
public record Reason(String text) implements ConstraintJustification, Comparable<Reason> {

    @Override
    public int compareTo(Reason other) {
        return text.compareTo(other.text);
    }

    @Override
    public String toString() {
        return text;
    }
}
