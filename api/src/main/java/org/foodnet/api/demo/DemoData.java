package org.foodnet.api.demo;

import org.foodnet.api.config.FoodnetProperties;
import org.foodnet.api.network.NetworkService;
import org.foodnet.api.security.Accounts;
import org.foodnet.api.security.Role;
import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --foodnet.demo=true} (FOODNET_DEMO=true): when the database has no network yet, stores the 麒麟のまち
 * demo network (seed 1, December 2026) and creates the demo logins listed in api/README.md. Never runs
 * otherwise, and never touches a database that already has a network.
 */
@Component
@Order(2)
class DemoData implements ApplicationRunner {

    static final String COORDINATOR = "coordinator";
    static final String COORDINATOR_PASSWORD = "demo-coordinator";
    static final String DRIVER = "driver";
    static final String DRIVER_PASSWORD = "demo-driver";
    static final String ORGANIZER = "organizer";
    static final String ORGANIZER_PASSWORD = "demo-organizer";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final FoodnetProperties properties;
    private final NetworkService network;
    private final Accounts accounts;
    private final org.foodnet.api.travel.Roads roads;

    DemoData(FoodnetProperties properties, NetworkService network, Accounts accounts, org.foodnet.api.travel.Roads roads) {
        this.roads = roads;
        this.properties = properties;
        this.network = network;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo()) {
            return;
        }
        if (network.exists()) {
            LOG.info("Demo: region {} has a network already; nothing loaded", network.region());
            return;
        }
        // with an extract (foodnet.travel.osm) the demo month is placed on its roads, as ./foodnet demo --osm does
        Network demo = roads.placeOnRoads(DemoNetworkGenerator.generate(1, 1));
        network.store(demo);
        LOG.info("Demo: stored the 麒麟のまち demo network for {} ({} sites, {} lots, {} volunteers)",
                demo.settings().month(), demo.sites().size(), demo.lots().size(), demo.drivers().size());
        if (!accounts.any(Role.COORDINATOR)) {
            accounts.create(COORDINATOR, COORDINATOR_PASSWORD, Role.COORDINATOR, null);
        }
        String driverId = demo.drivers().get(0).id();
        if (accounts.find(DRIVER).isEmpty()) {
            accounts.create(DRIVER, DRIVER_PASSWORD, Role.DRIVER, driverId);
        }
        if (accounts.find(ORGANIZER).isEmpty()) {
            accounts.create(ORGANIZER, ORGANIZER_PASSWORD, Role.ORGANIZER, null);
        }
        LOG.info("Demo logins: {}/{} (coordinator), {}/{} (driver {}), {}/{} (organizer)", COORDINATOR, COORDINATOR_PASSWORD,
                DRIVER, DRIVER_PASSWORD, driverId, ORGANIZER, ORGANIZER_PASSWORD);
    }
}
