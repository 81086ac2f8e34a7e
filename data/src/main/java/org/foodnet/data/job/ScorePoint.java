package org.foodnet.data.job;

import java.time.Instant;

/** The best score a solve job had found at a moment. */
public record ScorePoint(Instant at, String score) {
}
