/**
 * The insertion engine's shared parts, used by construction ({@code construct/GreedyConstruction}) and the
 * insertion moves ({@code move/BestInsertion}) alike: a leg's day window ({@link org.foodnet.solver.insert.DayWindow}),
 * the day costs an insertion pays ({@link org.foodnet.solver.insert.InsertionCosts}) and which candidate trips
 * are examined in what order ({@link org.foodnet.solver.insert.CandidateTrips}). The timing rule of a trip is in
 * {@code model/Schedule}; the feasibility check of a whole trip is {@code construct/Inserter#simulate}.
 */
package org.foodnet.solver.insert;
