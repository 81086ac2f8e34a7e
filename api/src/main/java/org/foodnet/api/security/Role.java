package org.foodnet.api.security;

/** The three kinds of user. */
public enum Role {
    /** Plans the month: everything. */
    COORDINATOR,
    /** A volunteer driver: their own route sheets and availability only. */
    DRIVER,
    /** Logs and corrects their own donations; reads sites. */
    ORGANIZER
}
