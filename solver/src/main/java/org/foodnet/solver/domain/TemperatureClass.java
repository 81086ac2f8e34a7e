package org.foodnet.solver.domain;

/** How food must be kept: 常温 (ambient), 冷蔵 (chilled, cooler box), 冷凍 (frozen, freezer box). */
public enum TemperatureClass {
    AMBIENT("常温"),
    CHILLED("冷蔵"),
    FROZEN("冷凍");

    private final String japanese;

    TemperatureClass(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }

    /** Plain English word for messages: "ambient", "chilled", "frozen". */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
