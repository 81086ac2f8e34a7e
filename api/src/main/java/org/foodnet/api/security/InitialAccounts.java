package org.foodnet.api.security;

import org.foodnet.api.config.FoodnetProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start: creates the coordinator (of the configured network, foodnet.region) named by FOODNET_ADMIN_USER /
 * FOODNET_ADMIN_PASSWORD if that user does not exist yet; that user is also the federation administrator (creates
 * further networks). There is no built-in password; without the settings (and outside the demo) no one can sign in
 * until they are given.
 */
@Component
@Order(1)
class InitialAccounts implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(InitialAccounts.class);

    private final Accounts accounts;
    private final FoodnetProperties properties;

    InitialAccounts(Accounts accounts, FoodnetProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        FoodnetProperties.Admin admin = properties.admin();
        if (admin.user() != null && !admin.user().isBlank() && admin.password() != null && !admin.password().isBlank()) {
            if (accounts.find(admin.user()).isEmpty()) {
                if (admin.password().length() < 8) {
                    throw new IllegalStateException("FOODNET_ADMIN_PASSWORD must have at least 8 characters");
                }
                accounts.create(admin.user(), admin.password(), Role.COORDINATOR, null);
                accounts.setFederationAdmin(admin.user(), true);
                LOG.info("Created the initial coordinator account {} (also federation administrator)", admin.user());
            } else if (!accounts.federationAdmin(admin.user())) {
                // a database of an older Foodnet: the configured account becomes the federation administrator
                accounts.setFederationAdmin(admin.user(), true);
                LOG.info("Account {} is now the federation administrator", admin.user());
            }
        } else if (!accounts.any(Role.COORDINATOR)) {
            LOG.warn("No coordinator account exists: set FOODNET_ADMIN_USER and FOODNET_ADMIN_PASSWORD and restart");
        }
    }
}
