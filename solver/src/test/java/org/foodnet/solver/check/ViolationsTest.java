package org.foodnet.solver.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foodnet.solver.check.PlanBuilder.at;
import static org.foodnet.solver.check.PlanBuilder.withDriverAndVehicle;
import static org.foodnet.solver.check.PlanBuilder.withStartAndEnd;
import static org.foodnet.solver.check.PlanBuilder.withStop;
import static org.foodnet.solver.check.PlanBuilder.withTimes;
import static org.foodnet.solver.check.TestNetwork.CAR;
import static org.foodnet.solver.check.TestNetwork.DEPOT;
import static org.foodnet.solver.check.TestNetwork.DONOR;
import static org.foodnet.solver.check.TestNetwork.FISH;
import static org.foodnet.solver.check.TestNetwork.HUB;
import static org.foodnet.solver.check.TestNetwork.ICE_CREAM;
import static org.foodnet.solver.check.TestNetwork.MILK;
import static org.foodnet.solver.check.TestNetwork.R1;
import static org.foodnet.solver.check.TestNetwork.R2;
import static org.foodnet.solver.check.TestNetwork.RICE;
import static org.foodnet.solver.check.TestNetwork.SATO;
import static org.foodnet.solver.check.TestNetwork.SWEETS;
import static org.foodnet.solver.check.TestNetwork.TANAKA;
import static org.foodnet.solver.check.TestNetwork.VEGETABLES;
import static org.foodnet.solver.check.TestNetwork.dec;

import java.time.Duration;
import java.time.YearMonth;

import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One hand-made bad plan per broken rule: exactly that kind is reported, naming what is wrong. */
class ViolationsTest {

    private final Network network = TestNetwork.standard();
    private final PlanBuilder b = new PlanBuilder(network)
            .parcel("p-rice", RICE, R1, dec(3), 20)
            .parcel("p-rice-2", RICE, R1, dec(10), 10)
            .parcel("p-fish", FISH, R1, dec(3), 10)
            .parcel("p-milk", MILK, R1, dec(3), 10)
            .parcel("p-ice", ICE_CREAM, R1, dec(10), 16)
            .parcel("p-ice-r2", ICE_CREAM, R2, dec(5), 5)
            .parcel("p-veg", VEGETABLES, R1, dec(10), 12)
            .parcel("p-sweets", SWEETS, R1, dec(10), 5)
            .parcel("p-sweets-r2", SWEETS, R2, dec(5), 5);

    /** Sato picks the rice up at the supermarket and takes it to the hub: a valid trip to break. */
    private PlannedTrip pickup(String start) {
        return b.trip("t-pickup", SATO, dec(1), start, at(DONOR, b.load("p-rice", 20)), at(HUB, b.unload("p-rice", 20)));
    }

    private CheckReport check(PlannedTrip... trips) {
        return PlanChecker.check(network, b.plan(trips));
    }

    /** Asserts that only {@code kind} is reported and that one of its messages contains all the words. */
    private static void assertOnly(CheckReport report, ViolationKind kind, String... words) {
        assertThat(report.countByKind().keySet()).as("%s", report.violations()).containsExactly(kind);
        assertThat(report.feasible()).isFalse();
        assertThat(report.violations()).anySatisfy(v -> assertThat(v.message()).contains(words));
    }

    @Test
    void acceptsTheUnbrokenPickup() {
        assertThat(check(pickup("08:00")).violations()).isEmpty();
    }

    @Nested
    class References {

        @Test
        void flagsDriverWhoIsNotAVolunteerOfTheNetwork() {
            PlannedTrip trip = withDriverAndVehicle(pickup("08:00"), "ghost", TestNetwork.VAN);

            assertOnly(check(trip), ViolationKind.UNKNOWN_REFERENCE, "driver ghost");
        }

        @Test
        void flagsLotThatIsNotInTheNetwork() {
            b.parcel("p-ghost", "L-ghost", R1, dec(3), 1);
            PlannedTrip trip = b.trip("t-ghost", SATO, dec(1), "08:00",
                    at(DONOR, b.load("p-ghost", 1)), at(HUB, b.unload("p-ghost", 1)));

            assertOnly(check(trip), ViolationKind.UNKNOWN_REFERENCE, "lot L-ghost", "スーパー 鳥取駅前 (donor-ekimae)");
        }

        @Test
        void flagsMovementForParcelThatIsNotInThePlan() {
            Movement stray = new Movement(MovementKind.LOAD, RICE, TemperatureClass.AMBIENT, 1000, "p-stray", R1);
            PlannedTrip trip = b.trip("t-stray", SATO, dec(1), "08:00",
                    at(DONOR, stray), at(HUB, new Movement(MovementKind.UNLOAD, RICE, TemperatureClass.AMBIENT, 1000, "p-stray", R1)));

            assertOnly(check(trip), ViolationKind.UNKNOWN_REFERENCE, "parcel p-stray");
        }

        @Test
        void flagsPlanForAnotherMonth() {
            Plan plan = b.month(YearMonth.of(2027, 1)).plan();

            assertOnly(PlanChecker.check(network, plan), ViolationKind.UNKNOWN_REFERENCE, "2027-01", "2026-12");
        }

        @Test
        void flagsStopWithoutDepartureAndChecksTheTripNoFurther() {
            PlannedTrip trip = withStop(pickup("08:00"), 1,
                    s -> new PlannedStop(s.siteId(), s.arrival(), s.serviceStart(), null, s.movements()));

            assertOnly(check(trip), ViolationKind.INCOMPLETE, "t-pickup", "佐藤 花子", "departure from stop 2");
        }
    }

    @Nested
    class TripAndDriver {

        @Test
        void flagsTripStartingBeforeTheDriverIsAvailable() {
            // Sato is free 08:00-18:00; the supermarket opens at 07:00, the hub waits until 08:00.
            assertOnly(check(pickup("07:30")), ViolationKind.DRIVER_AVAILABILITY, "佐藤 花子", "07:30", "08:00-18:00");
        }

        @Test
        void flagsTripOnADayTheDriverIsNotAvailable() {
            // Tanaka drives Monday to Friday; 5 December is a Saturday.
            PlannedTrip trip = b.trip("t-saturday", TANAKA, dec(5), "09:00",
                    at(DONOR, b.load("p-rice", 20)), at(HUB, b.unload("p-rice", 20)));

            assertOnly(check(trip), ViolationKind.DRIVER_AVAILABILITY, "田中 一郎", "2026-12-05", "not available that day");
        }

        @Test
        void flagsDriverInAnotherVolunteersVehicle() {
            PlannedTrip trip = withDriverAndVehicle(pickup("08:00"), SATO, CAR);

            assertOnly(check(trip), ViolationKind.DRIVER_AVAILABILITY, "佐藤 花子", "乗用車 2号 (car-2)", "軽バン 1号 (van-1)");
        }

        @Test
        void flagsTripOneMinuteLongerThanTheDriversDailyMaximum() {
            PlannedTrip trip = pickup("08:00");
            PlannedTrip tooLong = withStartAndEnd(trip, trip.start(), trip.start().plusMinutes(8 * 60 + 1));

            assertOnly(check(tooLong), ViolationKind.DRIVER_MAX_MINUTES, "佐藤 花子", "8 h 1 min", "at most 8 h");
        }

        @Test
        void acceptsTripOfExactlyTheDriversDailyMaximum() {
            PlannedTrip trip = pickup("08:00");

            assertThat(check(withStartAndEnd(trip, trip.start(), trip.start().plusMinutes(8 * 60))).violations()).isEmpty();
        }

        @Test
        void flagsTwoTripsOfOneDriverThatOverlap() {
            PlannedTrip first = b.trip("t-first", SATO, dec(1), "08:00",
                    at(DONOR, b.load("p-rice", 10)), at(HUB, b.unload("p-rice", 10)));
            String secondStart = first.end().minusMinutes(5).toLocalTime().toString();
            PlannedTrip second = b.trip("t-second", SATO, dec(1), secondStart,
                    at(DONOR, b.load("p-rice-2", 10)), at(HUB, b.unload("p-rice-2", 10)));

            assertOnly(check(first, second), ViolationKind.OVERLAPPING_TRIPS, "t-first", "t-second", "佐藤 花子");
        }

        @Test
        void acceptsTripStartingTheMomentThePreviousOneEnds() {
            PlannedTrip first = b.trip("t-first", SATO, dec(1), "08:00",
                    at(DONOR, b.load("p-rice", 10)), at(HUB, b.unload("p-rice", 10)));
            PlannedTrip second = b.trip("t-second", SATO, dec(1), first.end().toLocalTime().toString(),
                    at(DONOR, b.load("p-rice-2", 10)), at(HUB, b.unload("p-rice-2", 10)));

            assertThat(check(first, second).violations()).isEmpty();
        }
    }

    @Nested
    class Driving {

        @Test
        void flagsArrivalOneMillisecondEarlierThanTravelAllows() {
            PlannedTrip trip = pickup("08:00");
            PlannedStop donor = trip.stops().get(0);
            long drive = b.travelMillis(DONOR, HUB);
            PlannedTrip early = withStop(trip, 1, s -> withTimes(s,
                    donor.departure().plus(Duration.ofMillis(drive - 1)), s.serviceStart(), s.departure()));

            assertOnly(check(early), ViolationKind.TRAVEL_TIME, "ロジ拠点 鳥取 (hub-tottori)", "cannot be there before");
        }

        @Test
        void flagsReturnHomeEarlierThanTravelAllows() {
            PlannedTrip trip = pickup("08:00");

            assertOnly(check(withStartAndEnd(trip, trip.start(), trip.end().minusMinutes(1))), ViolationKind.TRAVEL_TIME,
                    "佐藤 花子", "is back home");
        }

        @Test
        void flagsServiceStartingBeforeArrival() {
            PlannedTrip trip = withStop(pickup("08:00"), 0,
                    s -> withTimes(s, s.arrival(), s.arrival().minusMinutes(1), s.departure()));

            assertOnly(check(trip), ViolationKind.TRAVEL_TIME, "スーパー 鳥取駅前", "before the arrival");
        }

        @Test
        void flagsDepartureBeforeHandlingIsDone() {
            // Handling at the hub takes 10 minutes.
            PlannedTrip trip = withStop(pickup("08:00"), 1,
                    s -> withTimes(s, s.arrival(), s.serviceStart(), s.serviceStart().plusMinutes(9)));

            assertOnly(check(trip), ViolationKind.TRAVEL_TIME, "ロジ拠点 鳥取", "takes 10 min");
        }
    }

    @Nested
    class OpeningHours {

        @Test
        void flagsDeliveryToTheDepotOnSunday() {
            PlannedTrip trip = b.trip("t-sunday", SATO, dec(6), "08:00",
                    at(HUB, b.load("p-ice", 16)), at(DEPOT, b.unload("p-ice", 16)));

            assertOnly(check(trip), ViolationKind.OPENING_HOURS, "ハブ拠点 若桜 (depot-wakasa)", "2026-12-06 (Sunday)");
        }

        @Test
        void flagsDeliveryToTheDepotOnItsClosedDate() {
            PlannedTrip trip = b.trip("t-christmas-eve", SATO, dec(24), "08:00",
                    at(HUB, b.load("p-ice", 16)), at(DEPOT, b.unload("p-ice", 16)));

            assertOnly(check(trip), ViolationKind.OPENING_HOURS, "ハブ拠点 若桜", "2026-12-24", "a closed date");
        }

        @Test
        void flagsDriverLeavingAfterClosingTime() {
            // The cafeteria in Yazu closes at 16:00; service there takes 5 minutes.
            PlannedTrip trip = b.trip("t-late", SATO, dec(4), "13:00",
                    at(HUB, b.load("p-sweets-r2", 5)), at(R2, b.unload("p-sweets-r2", 5)).notBefore("15:56"));

            assertOnly(check(trip), ViolationKind.OPENING_HOURS, "地域食堂 やず (r-yazu)", "16:01", "closes at 16:00");
        }

        @Test
        void acceptsDriverLeavingExactlyAtClosingTime() {
            PlannedTrip trip = b.trip("t-late", SATO, dec(4), "13:00",
                    at(HUB, b.load("p-sweets-r2", 5)), at(R2, b.unload("p-sweets-r2", 5)).notBefore("15:55"));

            assertThat(check(trip).violations()).isEmpty();
        }

        @Test
        void flagsServiceStartingBeforeOpening() {
            PlannedTrip trip = withStop(
                    b.trip("t-early", SATO, dec(4), "08:00",
                            at(HUB, b.load("p-sweets-r2", 5)), at(R2, b.unload("p-sweets-r2", 5))),
                    1, s -> withTimes(s, s.arrival(), s.serviceStart().minusMinutes(5), s.departure()));

            assertOnly(check(trip), ViolationKind.OPENING_HOURS, "地域食堂 やず", "09:55", "opens at 10:00");
        }

        @Test
        void flagsTwoConsecutiveStopsAtTheSameSite() {
            PlannedTrip trip = b.trip("t-twice", SATO, dec(1), "08:00",
                    at(DONOR, b.load("p-rice", 10)), at(DONOR, b.load("p-rice-2", 10)),
                    at(HUB, b.unload("p-rice", 10), b.unload("p-rice-2", 10)));

            assertOnly(check(trip), ViolationKind.SAME_SITE_TWICE, "stops 1 and 2", "スーパー 鳥取駅前 (donor-ekimae)");
        }
    }

    @Nested
    class OnBoard {

        @Test
        void flagsFrozenFoodInVehicleWithoutFreezer() {
            PlannedTrip trip = b.trip("t-fish", TANAKA, dec(1), "09:00",
                    at(DONOR, b.load("p-fish", 10)), at(HUB, b.unload("p-fish", 10)));

            assertOnly(check(trip), ViolationKind.VEHICLE_CAPACITY, "田中 一郎", "10 kg frozen", "has no freezer box");
        }

        @Test
        void flagsChilledFoodAboveTheCoolerBox() {
            // Tanaka's cooler box holds 5 kg.
            PlannedTrip trip = b.trip("t-milk", TANAKA, dec(2), "09:00",
                    at(HUB, b.load("p-milk", 10)), at(R1, b.unload("p-milk", 10)));

            assertOnly(check(trip), ViolationKind.VEHICLE_CAPACITY, "after stop 1 at ロジ拠点 鳥取", "10 kg chilled",
                    "cooler box of 乗用車 2号 (car-2) holds 5 kg");
        }

        @Test
        void flagsUnloadingMoreThanIsOnBoard() {
            PlannedTrip trip = b.trip("t-more", SATO, dec(1), "08:00",
                    at(DONOR, b.load("p-rice", 10)), at(HUB, b.unload("p-rice", 12)));

            assertOnly(check(trip), ViolationKind.UNLOAD_NOT_ON_BOARD, "12 kg of lot L-rice (rice, ambient)", "only 10 kg");
        }

        @Test
        void flagsFoodLeftOnBoardWhenTheTripEnds() {
            PlannedTrip trip = b.trip("t-left", SATO, dec(1), "08:00",
                    at(DONOR, b.load("p-rice", 20)), at(HUB, b.unload("p-rice", 15)));

            assertOnly(check(trip), ViolationKind.NOT_EMPTY_AT_END, "5 kg of lot L-rice (rice, ambient)");
        }
    }

    @Nested
    class Stock {

        @Test
        void flagsTrunkRunWithoutAnyPickup() {
            PlannedTrip trip = b.trip("t-trunk", SATO, dec(2), "08:00",
                    at(HUB, b.load("p-rice", 20)), at(DEPOT, b.unload("p-rice", 20)));

            assertOnly(check(trip), ViolationKind.STOCK, "ロジ拠点 鳥取 (hub-tottori)", "lot L-rice (rice, ambient)",
                    "only 0 kg");
        }

        @Test
        void flagsLoadingAtTheHubBeforeThePickupHasArrivedThatDay() {
            PlannedTrip trunk = b.trip("t-trunk", TANAKA, dec(1), "09:00",
                    at(HUB, b.load("p-rice", 20)), at(DEPOT, b.unload("p-rice", 20)));

            assertOnly(check(pickup("10:00"), trunk), ViolationKind.STOCK, "田中 一郎", "lot L-rice");
        }

        @Test
        void acceptsLoadingAtTheHubAfterThePickupHasArrivedThatDay() {
            PlannedTrip trunk = b.trip("t-trunk", TANAKA, dec(1), "09:00",
                    at(HUB, b.load("p-rice", 20)), at(DEPOT, b.unload("p-rice", 20)));

            assertThat(check(pickup("08:00"), trunk).violations()).isEmpty();
        }

        @Test
        void flagsPickupBeforeTheLotIsAvailable() {
            PlannedTrip trip = b.trip("t-veg", SATO, dec(9), "08:00",
                    at(DONOR, b.load("p-veg", 12)), at(HUB, b.unload("p-veg", 12)));

            assertOnly(check(trip), ViolationKind.STOCK, "lot L-veg (vegetables, ambient)", "available there from 2026-12-10");
        }
    }

    @Nested
    class Deliveries {

        @Test
        void flagsDeliveryAfterTheUseByDate() {
            // Milk is use-by 5 December; a parcel for the 10th delivered on the 7th breaks the use-by rule, and with
            // it the parcel's serving day is after the lot's last day and the milk was discarded at the hub on the 5th
            b.parcel("p-milk-late", MILK, R1, dec(10), 10);
            PlannedTrip trip = b.trip("t-milk", SATO, dec(7), "08:00",
                    at(HUB, b.load("p-milk-late", 10)), at(R1, b.unload("p-milk-late", 10)));

            CheckReport report = check(trip);
            assertThat(report.countByKind().keySet()).containsExactlyInAnyOrder(ViolationKind.USE_BY, ViolationKind.PARCEL,
                    ViolationKind.STOCK);
            assertThat(report.violations(ViolationKind.USE_BY)).singleElement().satisfies(v -> assertThat(v.message())
                    .contains("lot L-milk (milk, chilled)", "2026-12-07", "last delivery day 2026-12-05", "消費期限"));
            assertThat(report.violations(ViolationKind.STOCK)).singleElement().satisfies(v -> assertThat(v.message())
                    .contains("discarded at the end of its last delivery day 2026-12-05"));
        }

        @Test
        void flagsDeliveryAfterTheServingDay() {
            b.parcel("p-milk-3rd", MILK, R1, dec(3), 10);
            PlannedTrip trip = b.trip("t-milk", SATO, dec(4), "08:00",
                    at(HUB, b.load("p-milk-3rd", 10)), at(R1, b.unload("p-milk-3rd", 10)));

            assertOnly(check(trip), ViolationKind.SERVING_DAY, "parcel p-milk-3rd", "serving day 2026-12-03",
                    "こども食堂 わかさ");
        }

        @Test
        void flagsFoodUnloadedAtAnotherRecipient() {
            PlannedTrip trip = b.trip("t-milk", SATO, dec(4), "08:00",
                    at(HUB, b.load("p-milk", 10)), at(R2, b.unload("p-milk", 10)));

            assertOnly(check(trip), ViolationKind.WRONG_RECIPIENT, "地域食堂 やず (r-yazu)", "for こども食堂 わかさ (r-wakasa)");
        }

        @Test
        void flagsFoodUnloadedAtADonor() {
            PlannedTrip trip = b.trip("t-back", SATO, dec(4), "08:00",
                    at(HUB, b.load("p-milk", 10)), at(DONOR, b.unload("p-milk", 10)));

            assertOnly(check(trip), ViolationKind.WRONG_RECIPIENT, "スーパー 鳥取駅前", "at a donor");
        }

        @Test
        void flagsEarmarkedLotDeliveredToAnotherRecipient() {
            // The sweets were given for the cafeteria in Yazu.
            PlannedTrip trip = b.trip("t-sweets", SATO, dec(4), "08:00",
                    at(HUB, b.load("p-sweets", 5)), at(R1, b.unload("p-sweets", 5)));

            assertOnly(check(trip), ViolationKind.WRONG_RECIPIENT, "lot L-sweets", "earmarked for 地域食堂 やず (r-yazu)");
        }

        @Test
        void flagsMovementWhoseTemperatureIsNotItsLots() {
            Movement load = new Movement(MovementKind.LOAD, RICE, TemperatureClass.CHILLED, 20_000, "p-rice", R1);
            Movement unload = new Movement(MovementKind.UNLOAD, RICE, TemperatureClass.CHILLED, 20_000, "p-rice", R1);
            PlannedTrip trip = b.trip("t-rice", SATO, dec(1), "08:00", at(DONOR, load), at(HUB, unload));

            assertOnly(check(trip), ViolationKind.INCONSISTENT_MOVEMENT, "lot L-rice", "as chilled food", "the lot is ambient");
        }

        @Test
        void flagsFrozenDeliveryToRecipientWithoutFreezer() {
            PlannedTrip trip = b.trip("t-ice", SATO, dec(4), "08:00",
                    at(HUB, b.load("p-ice-r2", 5)), at(R2, b.unload("p-ice-r2", 5)));

            CheckReport report = check(trip);
            assertThat(report.countByKind().keySet()).as("%s", report.violations())
                    .containsExactlyInAnyOrder(ViolationKind.RECIPIENT_STORAGE, ViolationKind.RECIPIENT_HOLDING);
            assertThat(report.violations(ViolationKind.RECIPIENT_STORAGE)).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("地域食堂 やず (r-yazu)", "5 kg frozen", "no freezer"));
        }

        @Test
        void flagsDeliveryAboveTheRecipientsFreezer() {
            // The cafeteria in Wakasa has a 20 kg freezer.
            b.parcel("p-ice-big", ICE_CREAM, R1, dec(10), 16).parcel("p-fish-big", FISH, R1, dec(10), 5);
            PlannedTrip pickup = b.trip("t-fish", SATO, dec(1), "08:00",
                    at(DONOR, b.load("p-fish-big", 5)), at(HUB, b.unload("p-fish-big", 5)));
            PlannedTrip trip = b.trip("t-ice", SATO, dec(4), "08:00",
                    at(HUB, b.load("p-ice-big", 16), b.load("p-fish-big", 5)),
                    at(R1, b.unload("p-ice-big", 16), b.unload("p-fish-big", 5)));

            CheckReport report = check(pickup, trip);
            assertThat(report.countByKind().keySet()).as("%s", report.violations())
                    .containsExactlyInAnyOrder(ViolationKind.RECIPIENT_STORAGE, ViolationKind.RECIPIENT_HOLDING);
            assertThat(report.violations(ViolationKind.RECIPIENT_STORAGE)).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("こども食堂 わかさ", "21 kg frozen", "freezer holds 20 kg"));
        }
    }
}
