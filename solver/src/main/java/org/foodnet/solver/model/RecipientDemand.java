package org.foodnet.solver.model;

import org.foodnet.solver.domain.Site;

/**
 * A recipient's monthly need (all classes) and the part of it no parcel covers: the fair-share constraint
 * weighs undelivered parcels by how short the recipient already is.
 */
public record RecipientDemand(int recipientIndex, Site recipient, long needGrams, long uncoveredGrams) {
}
