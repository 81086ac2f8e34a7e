package org.foodnet.api.travel;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Road travel for the service ({@code foodnet.travel.*}; also FOODNET_TRAVEL_OSM, or FOODNET_OSM for the extract).
 *
 * @param osm           an OpenStreetMap extract ({@code .osm.pbf}); unset: great circle (or a network's own matrix)
 * @param maxSnapMeters a site or volunteer home farther than this from a connected road is refused (422)
 * @param graphFolder   where the extract's road graph is imported to; unset: {@code graphs} beside the data dir
 */
@ConfigurationProperties("foodnet.travel")
public record TravelProperties(Path osm, @DefaultValue("300") double maxSnapMeters, Path graphFolder) {
}
