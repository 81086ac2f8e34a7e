package org.foodnet.solver.domain;

/** 消費期限 (use-by: unsafe after) or 賞味期限 (best-before: quality date). */
public enum ExpiryKind {
    USE_BY("消費期限"),
    BEST_BEFORE("賞味期限");

    private final String japanese;

    ExpiryKind(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }
}
