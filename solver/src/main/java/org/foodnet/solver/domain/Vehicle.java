package org.foodnet.solver.domain;

import java.util.Objects;

/**
 * A car or van: load space for ambient food, a cooler box for chilled food and a freezer box for frozen
 * food, each a capacity in grams (zero: the vehicle cannot carry that class).
 */
public record Vehicle(String id, String name, ClassAmounts capacity) {

    public Vehicle {
        Site.requireText(id, "id");
        name = name == null || name.isBlank() ? id : name;
        Objects.requireNonNull(capacity, "vehicle " + id + ": capacity");
    }
}
