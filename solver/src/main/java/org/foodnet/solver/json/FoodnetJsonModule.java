package org.foodnet.solver.json;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.foodnet.solver.domain.AvailabilitySlot;
import org.foodnet.solver.domain.ClassAmounts;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.PlanningSettings;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteKind;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.domain.TimeWindow;
import org.foodnet.solver.domain.Vehicle;
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.foodnet.solver.travel.TravelMatrix;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.util.StdConverter;

/**
 * How the domain and plan records map to JSON, kept out of the domain classes: mix-ins that mark the fields a
 * file must give (the others may be left out: the record constructors fill in defaults), sorted output of
 * sets, and times of day written as "09:00" rather than "09:00:00". Register it on any Jackson 3 mapper that
 * should read or write Foodnet files the way {@link NetworkJson} and {@link PlanJson} do.
 */
public final class FoodnetJsonModule extends SimpleModule {

    public FoodnetJsonModule() {
        super("foodnet");
        addSerializer(LocalTime.class, new ShortTimeSerializer());
        setMixInAnnotation(Network.class, NetworkMixin.class);
        setMixInAnnotation(PlanningSettings.class, PlanningSettingsMixin.class);
        setMixInAnnotation(Site.class, SiteMixin.class);
        setMixInAnnotation(GeoPoint.class, GeoPointMixin.class);
        setMixInAnnotation(ClassAmounts.class, ClassAmountsMixin.class);
        setMixInAnnotation(TimeWindow.class, TimeWindowMixin.class);
        setMixInAnnotation(RecipientNeed.class, RecipientNeedMixin.class);
        setMixInAnnotation(DonationLot.class, DonationLotMixin.class);
        setMixInAnnotation(Vehicle.class, VehicleMixin.class);
        setMixInAnnotation(Driver.class, DriverMixin.class);
        setMixInAnnotation(AvailabilitySlot.class, AvailabilitySlotMixin.class);
        setMixInAnnotation(TravelMatrix.class, TravelMatrixMixin.class);
        setMixInAnnotation(org.foodnet.solver.travel.TravelSource.class, TravelSourceMixin.class);
        setMixInAnnotation(Plan.class, PlanMixin.class);
        setMixInAnnotation(PlannedTrip.class, PlannedTripMixin.class);
        setMixInAnnotation(PlannedStop.class, PlannedStopMixin.class);
        setMixInAnnotation(Movement.class, MovementMixin.class);
        setMixInAnnotation(Allocation.class, AllocationMixin.class);
    }

    /** ISO-8601 local time, seconds only when there are any: "09:00", "09:00:30". */
    static final class ShortTimeSerializer extends StdSerializer<LocalTime> {
        ShortTimeSerializer() {
            super(LocalTime.class);
        }

        @Override
        public void serialize(LocalTime value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.toString());
        }
    }

    /** Sets are unordered; files list their dates in order so that the same network always reads the same. */
    static final class SortedDates extends StdConverter<Set<LocalDate>, List<LocalDate>> {
        @Override
        public List<LocalDate> convert(Set<LocalDate> value) {
            return value.stream().sorted().toList();
        }
    }

    // Mix-ins: required fields (missing -> "missing required field"), everything else optional.
    // Primitive fields (numbers, booleans) are always required: Jackson 3 rejects a missing primitive.

    abstract static class NetworkMixin {
        @JsonProperty(required = true) abstract String name();
        @JsonProperty(required = true) abstract PlanningSettings settings();
    }

    abstract static class PlanningSettingsMixin {
        @JsonProperty(required = true) abstract java.time.YearMonth month();
        @JsonProperty(required = true) abstract double roadFactor();
        @JsonProperty(required = true) abstract double averageSpeedKmh();
        @JsonProperty(required = true) abstract boolean allowDonorToDepot();
        @JsonProperty(required = true) abstract boolean allowHubToRecipient();
        @JsonProperty(required = true) abstract boolean allowDonorToRecipient();
        @JsonProperty(required = true) abstract int bestBeforeGraceDays();
    }

    abstract static class SiteMixin {
        @JsonProperty(required = true) abstract String id();
        @JsonProperty(required = true) abstract String name();
        @JsonProperty(required = true) abstract SiteKind kind();
        @JsonProperty(required = true) abstract GeoPoint location();
        @JsonProperty(required = true) abstract int serviceSeconds();
        @JsonSerialize(converter = SortedDates.class) abstract Set<LocalDate> closedDates();
    }

    abstract static class GeoPointMixin {
        @JsonProperty(required = true) abstract double lat();
        @JsonProperty(required = true) abstract double lon();
    }

    abstract static class ClassAmountsMixin {
        @JsonProperty(required = true) abstract long ambientGrams();
        @JsonProperty(required = true) abstract long chilledGrams();
        @JsonProperty(required = true) abstract long frozenGrams();
    }

    abstract static class TimeWindowMixin {
        @JsonProperty(required = true) abstract LocalTime from();
        @JsonProperty(required = true) abstract LocalTime to();
    }

    abstract static class RecipientNeedMixin {
        @JsonProperty(required = true) abstract String recipientId();
        @JsonProperty(required = true) abstract ClassAmounts monthlyNeed();
    }

    abstract static class DonationLotMixin {
        @JsonProperty(required = true) abstract String id();
        @JsonProperty(required = true) abstract String donorId();
        @JsonProperty(required = true) abstract String siteId();
        @JsonProperty(required = true) abstract TemperatureClass temperature();
        @JsonProperty(required = true) abstract long grams();
        @JsonProperty(required = true) abstract LocalDate expiryDate();
        @JsonProperty(required = true) abstract LocalDate availableFrom();
    }

    abstract static class VehicleMixin {
        @JsonProperty(required = true) abstract String id();
        @JsonProperty(required = true) abstract ClassAmounts capacity();
    }

    abstract static class DriverMixin {
        @JsonProperty(required = true) abstract String id();
        @JsonProperty(required = true) abstract String name();
        @JsonProperty(required = true) abstract GeoPoint home();
        @JsonProperty(required = true) abstract int maxMinutesPerDay();
        @JsonProperty(required = true) abstract String vehicleId();
    }

    abstract static class AvailabilitySlotMixin {
        @JsonProperty(required = true) abstract LocalDate date();
        @JsonProperty(required = true) abstract LocalTime from();
        @JsonProperty(required = true) abstract LocalTime to();
    }

    abstract static class TravelMatrixMixin {
        @JsonProperty(required = true) abstract List<String> placeIds();
        @JsonProperty(required = true) abstract double[][] km();
        @JsonProperty(required = true) abstract double[][] minutes();
        @com.fasterxml.jackson.annotation.JsonIgnore abstract org.foodnet.solver.travel.PairTravel pairs();
        @com.fasterxml.jackson.annotation.JsonIgnore abstract boolean isSparse();
    }

    abstract static class TravelSourceMixin {
        @JsonProperty(required = true) abstract String extract();
        @JsonProperty(required = true) abstract String sha256();
    }

    abstract static class PlanMixin {
        @JsonProperty(required = true) abstract java.time.YearMonth month();
        @JsonSetter(nulls = Nulls.AS_EMPTY) abstract List<PlannedTrip> trips();
        @JsonSetter(nulls = Nulls.AS_EMPTY) abstract List<Allocation> allocations();
    }

    abstract static class PlannedTripMixin {
        @JsonProperty(required = true) abstract String id();
        @JsonProperty(required = true) abstract String driverId();
        @JsonProperty(required = true) abstract String vehicleId();
        @JsonProperty(required = true) abstract LocalDate date();
        @JsonProperty(required = true) abstract java.time.LocalDateTime start();
        @JsonProperty(required = true) abstract java.time.LocalDateTime end();
        @JsonSetter(nulls = Nulls.AS_EMPTY) abstract List<PlannedStop> stops();
    }

    abstract static class PlannedStopMixin {
        @JsonProperty(required = true) abstract String siteId();
        @JsonProperty(required = true) abstract java.time.LocalDateTime arrival();
        @JsonProperty(required = true) abstract java.time.LocalDateTime serviceStart();
        @JsonProperty(required = true) abstract java.time.LocalDateTime departure();
        @JsonSetter(nulls = Nulls.AS_EMPTY) abstract List<Movement> movements();
    }

    abstract static class MovementMixin {
        @JsonProperty(required = true) abstract MovementKind kind();
        @JsonProperty(required = true) abstract String lotId();
        @JsonProperty(required = true) abstract TemperatureClass temperature();
        @JsonProperty(required = true) abstract long grams();
        @JsonProperty(required = true) abstract String parcelId();
        @JsonProperty(required = true) abstract String recipientId();
    }

    abstract static class AllocationMixin {
        @JsonProperty(required = true) abstract String parcelId();
        @JsonProperty(required = true) abstract String lotId();
        @JsonProperty(required = true) abstract String recipientId();
        @JsonProperty(required = true) abstract LocalDate servingDay();
        @JsonProperty(required = true) abstract long grams();
        @JsonProperty(required = true) abstract boolean planned();
    }
}
