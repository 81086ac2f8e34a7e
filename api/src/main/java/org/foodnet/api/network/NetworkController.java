package org.foodnet.api.network;

import java.time.YearMonth;

import org.foodnet.solver.domain.Network;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole network of a month in the file format of docs/file-formats.md ({@code ./foodnet demo} writes
 * one): read it, or store one (sites, vehicles and volunteers are created or updated by id, the month's needs
 * and slots replaced, new lots logged in the stock ledger).
 */
@RestController
@RequestMapping("/api/network")
class NetworkController {

    private final NetworkService network;

    NetworkController(NetworkService network) {
        this.network = network;
    }

    @GetMapping
    Network get(@RequestParam(required = false) YearMonth month) {
        return network.load(network.monthOrCurrent(month));
    }

    @PutMapping
    Network put(@RequestBody Network body) {
        network.store(body);
        return network.load(body.settings().month());
    }
}
