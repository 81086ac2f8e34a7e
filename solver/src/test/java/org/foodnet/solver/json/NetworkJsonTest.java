package org.foodnet.solver.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.AvailabilitySlot;
import org.foodnet.solver.domain.ClassAmounts;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.OpeningHours;
import org.foodnet.solver.domain.PlanningSettings;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteKind;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.domain.TimeWindow;
import org.foodnet.solver.domain.Vehicle;
import org.foodnet.solver.travel.TravelMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkJsonTest {

    private static final Network DEMO = DemoNetworkGenerator.generate(1, 1);
    private static final String DEMO_JSON = NetworkJson.toJson(DEMO);

    @TempDir
    Path dir;

    @Test
    void demoNetworkRoundTripsThroughAFile() {
        Path file = dir.resolve("out/network.json");
        NetworkJson.write(DEMO, file);
        Network back = NetworkJson.read(file);
        assertThat(back).isEqualTo(DEMO);
        assertThat(NetworkJson.toJson(back)).isEqualTo(DEMO_JSON); // stable output
    }

    @Test
    void readsFromStreamsReadersAndWriters() {
        assertThat(NetworkJson.read(new ByteArrayInputStream(DEMO_JSON.getBytes(StandardCharsets.UTF_8)), "in")).isEqualTo(DEMO);
        assertThat(NetworkJson.read(new StringReader("\uFEFF" + DEMO_JSON), "in")).isEqualTo(DEMO);
        StringWriter out = new StringWriter();
        NetworkJson.write(DEMO, out);
        assertThat(out.toString()).isEqualTo(DEMO_JSON);
    }

    @Test
    void writesThePlainFormat() {
        assertThat(DEMO_JSON)
                .startsWith("{\n  \"name\": \"麒麟のまち")
                .contains("\"month\": \"2026-12\"")
                .contains("\"zone\": \"Asia/Tokyo\"")
                .contains("\"MONDAY\": {")
                .contains("\"from\": \"09:00\"")
                .contains("\"closedDates\": [ \"2026-12-29\", \"2026-12-30\", \"2026-12-31\" ]")
                .contains("\"ambientGrams\": 2000000")
                .contains("\"expiryKind\": \"BEST_BEFORE\"")
                .doesNotContain("null")
                .doesNotContain("travelMatrix")
                .doesNotContain("\"role\"");
        Matcher grams = Pattern.compile("\"grams\": ([^,\\n]+)").matcher(DEMO_JSON);
        while (grams.find()) {
            assertThat(grams.group(1)).matches("\\d+");
        }
        // weekdays in week order, whatever the map's own order
        String hub = DEMO_JSON.substring(0, DEMO_JSON.indexOf("depot-tottori"));
        assertThat(hub.indexOf("MONDAY")).isLessThan(hub.indexOf("TUESDAY"));
        assertThat(hub.indexOf("FRIDAY")).isLessThan(hub.indexOf("SATURDAY"));
    }

    @Test
    void networkWithATravelMatrixRoundTrips() {
        Network small = smallNetwork(true);
        Network back = NetworkJson.fromJson(NetworkJson.toJson(small));
        TravelMatrix m = back.travelMatrix();
        assertThat(m.placeIds()).isEqualTo(small.travelMatrix().placeIds());
        assertThat(m.km()).isDeepEqualTo(small.travelMatrix().km());
        assertThat(m.minutes()).isDeepEqualTo(small.travelMatrix().minutes());
        assertThat(back.sites()).isEqualTo(small.sites());
        assertThat(back.needs()).isEqualTo(small.needs());
        assertThat(back.lots()).isEqualTo(small.lots());
        assertThat(back.vehicles()).isEqualTo(small.vehicles());
        assertThat(back.drivers()).isEqualTo(small.drivers());
        assertThat(back.settings()).isEqualTo(small.settings());
        assertThat(NetworkJson.toJson(small)).contains("\"placeIds\": [ \"hub\", \"depot-a\", \"caf-001\", \"donor-001\", \"home:drv-001\" ]");
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        String json = """
                {"name": "mini",
                 "settings": {"month": "2026-12", "roadFactor": 1.4, "averageSpeedKmh": 35, "allowDonorToDepot": false,
                              "allowHubToRecipient": false, "allowDonorToRecipient": false, "bestBeforeGraceDays": 0},
                 "sites": [{"id": "hub", "name": "ロジ拠点", "kind": "LOGISTICS_HUB",
                            "location": {"lat": 35.5, "lon": 134.2}, "serviceSeconds": 600}],
                 "lots": [{"id": "lot-1", "donorId": "hub", "siteId": "hub", "temperature": "AMBIENT", "grams": 5000,
                           "expiryDate": "2027-03-01", "availableFrom": "2026-12-01"}]}
                """;
        Network n = NetworkJson.fromJson(json);
        assertThat(n.sites().get(0).storageCapacity()).isEqualTo(ClassAmounts.ZERO);
        assertThat(n.sites().get(0).closedDates()).isEmpty();
        assertThat(n.lots().get(0).category()).isEqualTo("other");
        assertThat(n.lots().get(0).expiryKind()).isEqualTo(ExpiryKind.USE_BY);
        assertThat(n.drivers()).isEmpty();
        assertThat(n.settings().zone().getId()).isEqualTo("Asia/Tokyo");
    }

    // ---------------------------------------------------------------------------------------------------
    // Bad input: one line naming the file, the place and the problem

    @Test
    void negativeGramsNameTheLot() {
        InputFormatException e = fail(replaceInLot(DEMO_JSON, 12, "\"grams\": \\d+", "\"grams\": -5"));
        assertThat(e.getMessage()).startsWith("network.json: lots[12].grams: lot lot-0013: grams must be > 0, got -5");
        assertThat(e.path()).isEqualTo("lots[12].grams");
        assertThat(e.source()).isEqualTo("network.json");
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        InputFormatException e = fail(DEMO_JSON.replaceFirst("\"kind\": \"HUB_DEPOT\"", "\"kind\": \"DEPOTX\""));
        assertThat(e.getMessage()).startsWith("network.json: sites[1].kind: unknown value \"DEPOTX\" (expected one of "
                + "LOGISTICS_HUB, HUB_DEPOT, COMMUNITY_CAFETERIA");
        assertThat(e.getMessage()).contains("(line ");
    }

    @Test
    void unknownWeekdayKey() {
        InputFormatException e = fail(DEMO_JSON.replaceFirst("\"MONDAY\"", "\"MON\""));
        assertThat(e.getMessage()).startsWith("network.json: sites[0].openingHours.byWeekday: unknown key \"MON\" (expected one of MONDAY, ");
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        InputFormatException e = fail(DEMO_JSON.replaceFirst("\"kind\": \"LOGISTICS_HUB\",", "\"kind\": \"LOGISTICS_HUB\" x"));
        assertThat(e.getMessage()).matches("network\\.json: line 16, column \\d+: unexpected character \\('x'.*");
        assertThat(fail("{\"name\": ").getMessage()).startsWith("network.json: line 1, column ").contains("end-of-input");
        assertThat(fail("").getMessage()).isEqualTo("network.json: empty input, expected a JSON object");
        assertThat(fail("[]").getMessage()).startsWith("network.json: $: expected an object, got an array");
        assertThat(fail("null").getMessage()).isEqualTo("network.json: $: expected an object, got null");
        assertThat(fail(DEMO_JSON + "{}").getMessage()).contains("unexpected content after the end");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        InputFormatException e = fail(DEMO_JSON.replaceFirst("\"kind\": \"HUB_DEPOT\",", ""));
        assertThat(e.getMessage()).startsWith("network.json: sites[1].kind: missing required field");
        assertThat(fail(DEMO_JSON.replaceFirst("\"lat\": [0-9.]+,", "")).getMessage())
                .startsWith("network.json: sites[0].location.lat: missing required field");
        assertThat(fail(replaceInLot(DEMO_JSON, 3, "\"grams\": \\d+,", "")).getMessage())
                .startsWith("network.json: lots[3].grams: missing required field");
        assertThat(fail(replaceInLot(DEMO_JSON, 3, "\"temperature\": \"\\w+\"", "\"temperature\": null")).getMessage())
                .startsWith("network.json: lots[3].temperature: lot lot-0004: temperature must not be null");
    }

    @Test
    void misspelledFieldIsReportedAsUnknown() {
        InputFormatException e = fail(DEMO_JSON.replaceFirst("\"serviceSeconds\"", "\"serviceSecs\""));
        assertThat(e.getMessage()).startsWith("network.json: sites[0].serviceSecs: unknown field (expected one of id, name, kind")
                .contains("serviceSeconds is missing");
        assertThat(fail(DEMO_JSON.replaceFirst("\"address\"", "\"adress\"")).getMessage())
                .startsWith("network.json: sites[0].adress: unknown field");
    }

    @Test
    void unknownSiteReferencesPointAtTheField() {
        String json = replaceInLot(DEMO_JSON, 0, "\"siteId\": \"[^\"]+\"", "\"siteId\": \"depot-nowhere\"");
        assertThat(fail(json).getMessage()).isEqualTo(
                "network.json: lots[0].siteId: lot lot-0001: siteId depot-nowhere is not a donor, hub or depot of this network");
        assertThat(fail(DEMO_JSON.replaceFirst("\"servingDepotId\": \"depot-tottori\"", "\"servingDepotId\": \"caf-002\"")).getMessage())
                .isEqualTo("network.json: sites[8].servingDepotId: site caf-001: servingDepotId caf-002 is not a hub or depot of this network");
        assertThat(fail(DEMO_JSON.replaceFirst("\"vehicleId\": \"veh-002\"", "\"vehicleId\": \"veh-999\"")).getMessage())
                .isEqualTo("network.json: drivers[1].vehicleId: driver drv-002: vehicleId veh-999 is not a vehicle of this network");
        assertThat(fail(DEMO_JSON.replaceFirst("\"recipientId\": \"caf-002\"", "\"recipientId\": \"donor-001\"")).getMessage())
                .isEqualTo("network.json: needs[1].recipientId: need: recipientId donor-001 is not a recipient site");
        assertThat(fail(DEMO_JSON.replaceFirst("\"id\": \"caf-002\"", "\"id\": \"caf-001\"")).getMessage())
                .startsWith("network.json: sites[9].id: site id caf-001 appears twice");
    }

    @Test
    void travelMatrixMustCoverEveryPlace() {
        Network small = smallNetwork(true);
        String json = NetworkJson.toJson(small).replace("\"home:drv-001\"", "\"home:drv-999\"");
        assertThat(fail(json).getMessage()).startsWith("network.json: travelMatrix.placeIds: no entry for place home:drv-001");
        String ragged = NetworkJson.toJson(small).replaceFirst("\"km\": \\[ \\[ 0\\.0, ", "\"km\": [ [ ");
        assertThat(fail(ragged).getMessage()).startsWith("network.json: travelMatrix: row 0 must have 5 columns");
    }

    @Test
    void valueProblemsNameTheField() {
        assertThat(fail(DEMO_JSON.replaceFirst("\"roadFactor\": 1.4", "\"roadFactor\": 0.4")).getMessage())
                .startsWith("network.json: settings.roadFactor: roadFactor must be in [1, 3], got 0.4");
        assertThat(fail(DEMO_JSON.replaceFirst("\"month\": \"2026-12\"", "\"month\": \"2026-13\"")).getMessage())
                .startsWith("network.json: settings.month: invalid \"2026-13\", expected an ISO month like \"2026-12\"");
        assertThat(fail(DEMO_JSON.replaceFirst("\"serviceSeconds\": 900", "\"serviceSeconds\": \"abc\"")).getMessage())
                .startsWith("network.json: sites[0].serviceSeconds: invalid \"abc\", expected a whole number");
        assertThat(fail(DEMO_JSON.replaceFirst("\"to\": \"17:00\"", "\"to\": \"08:00\"")).getMessage())
                .startsWith("network.json: sites[0].openingHours.byWeekday.MONDAY: time window must end after it starts");
        assertThat(fail(DEMO_JSON.replaceFirst("\"sites\": \\[", "\"sites\": {")).getMessage())
                .startsWith("network.json: sites: expected an array, got an object");
        assertThat(fail(DEMO_JSON.replaceFirst("\"lat\": [0-9.]+,", "\"lat\": 95.0,")).getMessage())
                .startsWith("network.json: sites[0].location: lat must be in [-90, 90]");
    }

    @Test
    void everyMessageIsOneLine() {
        List<String> bad = List.of("", "{", "[1,", "{\"name\": 3}", DEMO_JSON.replace("\"hub\"", "\"\""),
                DEMO_JSON.replaceFirst("\"name\": \"ロジ拠点 鳥取\"", "\"name\": \"\""),
                DEMO_JSON.replaceFirst("\"category\": \"\\w+\"", "\"category\": [1, 2]"));
        for (String json : bad) {
            InputFormatException e = fail(json);
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").startsWith("network.json: ")
                    .doesNotContain("Source:").doesNotContain("tools.jackson");
        }
    }

    @Test
    void missingFileSaysSo() {
        Path missing = dir.resolve("nope/network.json");
        assertThatThrownBy(() -> NetworkJson.read(missing))
                .isInstanceOf(InputFormatException.class)
                .hasMessage(missing + ": no such file (looked for " + missing.toAbsolutePath() + ")");
        assertThatThrownBy(() -> NetworkJson.read(dir)).hasMessage(dir + ": is a directory, not a JSON file");
    }

    @Test
    void fileNameIsUsedInMessages() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"name\": \"x\",\n  \"settings\": 7\n}\n");
        assertThatThrownBy(() -> NetworkJson.read(file)).hasMessageStartingWith(file + ": settings: expected an object, got a number");
    }

    // ---------------------------------------------------------------------------------------------------

    private static InputFormatException fail(String json) {
        try {
            NetworkJson.fromJson(json);
        } catch (InputFormatException e) {
            return e;
        }
        throw new AssertionError("no InputFormatException for input");
    }

    /** Replaces the first match of a regex inside the n-th lot (0-based) of the demo network's JSON. */
    private static String replaceInLot(String json, int index, String regex, String replacement) {
        String id = String.format("\"id\": \"lot-%04d\"", index + 1);
        int start = json.indexOf(id);
        int end = json.indexOf("}", start);
        return json.substring(0, start) + json.substring(start, end).replaceFirst(regex, replacement) + json.substring(end);
    }

    static Network smallNetwork(boolean withMatrix) {
        YearMonth month = YearMonth.of(2026, 12);
        OpeningHours weekdays = OpeningHours.weekdays(TimeWindow.of("09:00", "17:00"), DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        List<Site> sites = List.of(
                new Site("hub", "ロジ拠点", SiteKind.LOGISTICS_HUB, "鳥取市", null, null, new GeoPoint(35.49, 134.21), weekdays,
                        Set.of(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 29)), 900, ClassAmounts.ofKg(2000, 400, 300), null),
                new Site("depot-a", "ハブ拠点 A", SiteKind.HUB_DEPOT, "若桜町", "鳥取県八頭郡若桜町若桜1", "0858-00-0000",
                        new GeoPoint(35.3389, 134.4015), weekdays, null, 600, ClassAmounts.ofKg(300, 80, 60), null),
                new Site("caf-001", "こども食堂", SiteKind.COMMUNITY_CAFETERIA, "若桜町", null, null, new GeoPoint(35.34, 134.40),
                        OpeningHours.everyDay(TimeWindow.of("10:00", "18:00")), null, 300, ClassAmounts.ofKg(50, 20, 10), "depot-a"),
                new Site("donor-001", "農園", SiteKind.FARM, "若桜町", null, null, new GeoPoint(35.35, 134.41), weekdays, null,
                        600, null, null));
        List<RecipientNeed> needs = List.of(new RecipientNeed("caf-001", ClassAmounts.ofKg(20, 5.5, 0),
                List.of(LocalDate.of(2026, 12, 12))));
        List<DonationLot> lots = List.of(new DonationLot("lot-1", "donor-001", "donor-001", "rice", TemperatureClass.AMBIENT,
                30_000, LocalDate.of(2027, 6, 1), ExpiryKind.BEST_BEFORE, LocalDate.of(2026, 12, 3), "caf-001"));
        List<Vehicle> vehicles = List.of(new Vehicle("veh-1", "軽バン", ClassAmounts.ofKg(300, 40, 0)));
        List<Driver> drivers = List.of(new Driver("drv-001", "佐藤 花子", "090-0000-0000", new GeoPoint(35.345, 134.405), 240,
                "veh-1", List.of(new AvailabilitySlot(LocalDate.of(2026, 12, 4), LocalTime.of(9, 0), LocalTime.of(13, 0)))));
        TravelMatrix matrix = null;
        if (withMatrix) {
            List<String> ids = List.of("hub", "depot-a", "caf-001", "donor-001", "home:drv-001");
            double[][] km = new double[5][5];
            double[][] minutes = new double[5][5];
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    km[i][j] = i == j ? 0 : 1.5 * Math.abs(i - j) + 0.25;
                    minutes[i][j] = km[i][j] * 60 / 35.0;
                }
            }
            matrix = new TravelMatrix(ids, km, minutes);
        }
        PlanningSettings settings = new PlanningSettings(month, null, 1.3, 30, true, false, true, 14);
        return new Network("small", settings, sites, needs, lots, vehicles, drivers, matrix);
    }
}
