package org.foodnet.api.travel;

import org.foodnet.api.network.NetworkContext;
import org.foodnet.api.network.NetworkService;
import org.foodnet.api.web.Problem;
import org.foodnet.data.network.NetworkRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, with an extract configured: every stored network whose road matrix is missing or was made from another
 * extract (another sha256) gets a new one, computed once and stored. A network with a site too far from the new
 * extract's roads keeps its old travel data and is named in the log.
 */
@Component
@Order(3)
class RoadMatricesAtStart implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RoadMatricesAtStart.class);

    private final Roads roads;
    private final NetworkService network;
    private final NetworkRepository networks;

    RoadMatricesAtStart(Roads roads, NetworkService network, NetworkRepository networks) {
        this.roads = roads;
        this.network = network;
        this.networks = networks;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!roads.enabled()) {
            return;
        }
        for (String region : networks.regions()) {
            try {
                long t0 = System.nanoTime();
                boolean built = NetworkContext.in(region, network::refreshRoadMatrix);
                if (built) {
                    LOG.info("Road matrix of network {} built from {} in {} ms", region, roads.source().describe(),
                            (System.nanoTime() - t0) / 1_000_000);
                }
            } catch (Problem e) {
                LOG.error("Network {} keeps its old travel data: {}", region, e.getMessage());
            }
        }
    }
}
