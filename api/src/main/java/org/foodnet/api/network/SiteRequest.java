package org.foodnet.api.network;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.foodnet.solver.domain.ClassAmounts;
import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.OpeningHours;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteKind;
import org.foodnet.solver.domain.TimeWindow;

/** A site to create or update; {@code id} is required on create and taken from the path on update. */
record SiteRequest(@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                   @NotBlank @Size(max = 200) String name,
                   @NotNull SiteKind kind,
                   @Size(max = 100) String municipality,
                   @Size(max = 300) String address,
                   @Size(max = 100) String contact,
                   @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                   @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
                   @Size(max = 7) Map<DayOfWeek, @Valid @NotNull Window> openingHours,
                   @Size(max = 366) Set<@NotNull LocalDate> closedDates,
                   @NotNull @Min(0) @Max(14400) Integer serviceSeconds,
                   @Valid Amounts storageCapacity,
                   @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String servingDepotId) {

    record Window(@NotNull LocalTime from, @NotNull LocalTime to) {
    }

    Site toDomain(String siteId) {
        Map<DayOfWeek, TimeWindow> hours = new java.util.EnumMap<>(DayOfWeek.class);
        if (openingHours != null) {
            openingHours.forEach((day, w) -> hours.put(day, new TimeWindow(w.from(), w.to())));
        }
        return new Site(siteId, name, kind, municipality, address, contact, new GeoPoint(lat, lon), new OpeningHours(hours),
                closedDates, serviceSeconds, storageCapacity == null ? ClassAmounts.ZERO : storageCapacity.toDomain(),
                servingDepotId);
    }
}
