package org.foodnet.api.security;

/** A user as stored (without the password hash). {@code driverId} links a DRIVER to a volunteer of the network. */
public record Account(String username, Role role, String driverId, boolean enabled) {
}
