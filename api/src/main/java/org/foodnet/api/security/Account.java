package org.foodnet.api.security;

/**
 * A user as stored (without the password hash), as seen in one network: {@code role} is the user's role in
 * {@code network} (null: none there), {@code driverId} links a DRIVER to a volunteer of that network.
 */
public record Account(String username, Role role, String driverId, boolean enabled, String network) {
}
