package org.foodnet.api.network;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.foodnet.api.web.Problem;
import org.foodnet.solver.domain.Vehicle;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Vehicles with their load space, cooler box and freezer box. */
@RestController
@RequestMapping("/api/vehicles")
class VehicleController {

    record VehicleRequest(@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id, @Size(max = 200) String name,
                          @NotNull @Valid Amounts capacity) {
    }

    private final NetworkService network;

    VehicleController(NetworkService network) {
        this.network = network;
    }

    @GetMapping
    List<Vehicle> list() {
        return network.load(network.monthOrCurrent(null)).vehicles();
    }

    @GetMapping("/{id}")
    Vehicle get(@PathVariable String id) {
        Vehicle v = network.load(network.monthOrCurrent(null)).vehiclesById().get(id);
        if (v == null) {
            throw Problem.notFound("no vehicle " + id);
        }
        return v;
    }

    @PostMapping
    ResponseEntity<Vehicle> create(@Valid @RequestBody VehicleRequest request) {
        if (request.id() == null) {
            throw Problem.badField("id", "must not be blank");
        }
        Vehicle vehicle = new Vehicle(request.id(), request.name(), request.capacity().toDomain());
        network.change(network.monthOrCurrent(null), n -> {
            if (n.vehiclesById().containsKey(vehicle.id())) {
                throw Problem.conflict("vehicle " + vehicle.id() + " exists already; use PUT /api/vehicles/" + vehicle.id());
            }
            return NetworkService.withVehicles(n, NetworkService.upsert(n.vehicles(), vehicle, Vehicle::id));
        });
        return ResponseEntity.created(URI.create("/api/vehicles/" + vehicle.id())).body(vehicle);
    }

    @PutMapping("/{id}")
    Vehicle update(@PathVariable String id, @Valid @RequestBody VehicleRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw Problem.badField("id", "must be " + id + " (the id in the path) or left out");
        }
        Vehicle vehicle = new Vehicle(id, request.name(), request.capacity().toDomain());
        network.change(network.monthOrCurrent(null), n -> {
            if (!n.vehiclesById().containsKey(id)) {
                throw Problem.notFound("no vehicle " + id);
            }
            return NetworkService.withVehicles(n, NetworkService.upsert(n.vehicles(), vehicle, Vehicle::id));
        });
        return vehicle;
    }
}
