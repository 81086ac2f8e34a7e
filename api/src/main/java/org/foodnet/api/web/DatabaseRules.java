package org.foodnet.api.web;

import java.util.Map;

/** A rule PostgreSQL enforced, in the words of the API: the field it is about and why (never the rule's name). */
public final class DatabaseRules {

    public record Words(String field, String reason, org.springframework.http.HttpStatus status) {
        Words(String field, String reason) {
            this(field, reason, org.springframework.http.HttpStatus.CONFLICT);
        }
    }

    private static final Map<String, Words> KNOWN = Map.ofEntries(
            Map.entry("stock_movement_operation_id_format", new Words("Idempotency-Key",
                    "is too long for this account: the key and the user name together must fit in 185 characters",
                    org.springframework.http.HttpStatus.BAD_REQUEST)),
            Map.entry("stock_not_below_zero", new Words("grams", "more food than is left of the lot at that site")),
            Map.entry("donation_lot_external_id_unique", new Words("Idempotency-Key", "was used at the same moment by another request; send it again")),
            Map.entry("donation_lot_grams_positive", new Words("grams", "must be more than 0")),
            Map.entry("donation_lot_category_not_blank", new Words("category", "must not be blank")),
            Map.entry("donation_lot_donor_fk", new Words("donorId", "no such site")),
            Map.entry("donation_lot_earmarked_for_a_recipient", new Words("earmarkedFor", "is not a recipient")),
            Map.entry("availability_slot_unique_start", new Words("from", "the volunteer already has a slot starting then")),
            Map.entry("availability_slot_window", new Words("to", "must be after from")),
            Map.entry("plan_status_transition", new Words("status", "the plan's status does not allow this now")),
            Map.entry("solve_job_status_transition", new Words("status", "the job's status does not allow this now")),
            Map.entry("stock_movement_site_roles", new Words("siteId", "food cannot move between these kinds of site")),
            Map.entry("stock_movement_earmark", new Words("recipientId", "the food is earmarked for another recipient")),
            Map.entry("stock_movement_correction_site", new Words("siteId", "a correction must be at the lot's site")),
            Map.entry("stock_movement_append_only", new Words("ledger", "ledger rows are never changed")),
            Map.entry("recipient_need_is_of_a_recipient", new Words("recipientId", "is not a recipient")),
            Map.entry("api_user_username_format", new Words("username", "must be 3-64 letters, digits or . _ @ -")),
            Map.entry("api_user_driver_only_for_drivers", new Words("driverId", "only a DRIVER account names a volunteer")));

    private DatabaseRules() {
    }

    public static Words explain(String constraint, String sqlState) {
        Words known = KNOWN.get(constraint);
        if (known != null) {
            return known;
        }
        return switch (sqlState == null ? "" : sqlState) {
            case "23505" -> new Words("id", "exists already");
            case "23503" -> new Words("id", "refers to something that does not exist, or is still referred to");
            case "23502" -> new Words("body", "a required value is missing");
            default -> new Words("body", "conflicts with data already stored");
        };
    }
}
