package org.foodnet.api.network;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.foodnet.api.web.Problem;
import org.foodnet.solver.domain.Site;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sites: the hub, depots, recipient facilities and donors (coordinators write; organizers read). */
@RestController
@RequestMapping("/api/sites")
class SiteController {

    private final NetworkService network;

    SiteController(NetworkService network) {
        this.network = network;
    }

    @GetMapping
    List<Site> list() {
        return network.load(network.monthOrCurrent(null)).sites();
    }

    @GetMapping("/{id}")
    Site get(@PathVariable String id) {
        return network.load(network.monthOrCurrent(null)).site(id).orElseThrow(() -> Problem.notFound("no site " + id));
    }

    @PostMapping
    ResponseEntity<Site> create(@Valid @RequestBody SiteRequest request) {
        if (request.id() == null) {
            throw Problem.badField("id", "must not be blank");
        }
        Site site = request.toDomain(request.id());
        network.change(network.monthOrCurrent(null), n -> {
            if (n.site(site.id()).isPresent()) {
                throw Problem.conflict("site " + site.id() + " exists already; use PUT /api/sites/" + site.id());
            }
            return NetworkService.withSites(n, NetworkService.upsert(n.sites(), site, Site::id));
        });
        return ResponseEntity.created(URI.create("/api/sites/" + site.id())).body(site);
    }

    @PutMapping("/{id}")
    Site update(@PathVariable String id, @Valid @RequestBody SiteRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw Problem.badField("id", "must be " + id + " (the id in the path) or left out");
        }
        Site site = request.toDomain(id);
        network.change(network.monthOrCurrent(null), n -> {
            Site old = n.site(id).orElseThrow(() -> Problem.notFound("no site " + id));
            if (old.role() != site.role()) {
                throw Problem.badField("kind", "cannot change a " + old.role() + " site into a " + site.role());
            }
            return NetworkService.withSites(n, NetworkService.upsert(n.sites(), site, Site::id));
        });
        return site;
    }
}
