package org.foodnet.solver.model;

/** Grams of one pickup's food that sit in one storing site on one day (see {@link StorageDay#key}). */
public record StorageShare(long key, long grams) {
}
