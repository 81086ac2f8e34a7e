package org.foodnet.api;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.foodnet.api.Http.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint refuses bad input — missing or invalid fields, wrong types, unknown ids, oversized bodies, the
 * wrong role — with a 4xx application/problem+json that names the field and the reason. None answers 5xx.
 */
class BadInputTest extends ApiTestBase {

    /** One bad request: who sends it, what, and the status and field name the answer must carry. */
    record Case(String name, String user, String method, String path, String contentType, String body, String[] headers,
                int status, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void add(String name, String user, String method, String path, String body, int status, String field,
                            String... headers) {
        CASES.add(new Case(name, user, method, path, body == null ? null : "application/json", body, headers, status, field));
    }

    private static void csv(String name, String path, String body, int status, String field) {
        CASES.add(new Case(name, "coordinator", "POST", path, "text/csv", body, new String[0], status, field));
    }

    private static final String SITE = """
            {"id":"new-site-%s","name":"テスト","kind":"%s","lat":%s,"lon":134.2,"serviceSeconds":300%s}""";
    private static final String DONATION = """
            {"siteId":"%s","category":"rice","temperature":"%s","grams":%s,"expiryDate":"2027-01-31"%s}""";
    private static final String KEY = "Idempotency-Key";

    static {
        // --- authentication and roles
        add("no credentials", null, "GET", "/api/sites", null, 401, null);
        add("wrong password", "wrong", "GET", "/api/sites", null, 401, null);
        add("organizer cannot plan", "organizer", "GET", "/api/plans?month=2026-12", null, 403, null);
        add("organizer cannot create sites", "organizer", "POST", "/api/sites", SITE.formatted("a", "FARM", "35.1", ""), 403, null);
        add("driver cannot read sites", "driver", "GET", "/api/sites", null, 403, null);
        add("driver cannot log donations", "driver", "POST", "/api/donations", DONATION.formatted("hub", "AMBIENT", "1000", ""), 403, null, KEY, "k1");
        add("organizer cannot read route sheets", "organizer", "GET", "/api/drivers/drv-001/route-sheet?month=2026-12", null, 403, null);
        add("driver sees only their own route sheet", "driver", "GET", "/api/drivers/drv-002/route-sheet?month=2026-12", null, 403, null);
        add("driver sees only their own calendar", "driver", "GET", "/api/drivers/drv-002/calendar.ics?month=2026-12", null, 403, null);
        add("driver changes only their own availability", "driver", "DELETE", "/api/volunteers/drv-002/slots/2026-12-05", null, 403, null);
        add("driver cannot confirm others' trips", "driver", "POST", "/api/drivers/drv-002/trips/1/x/done", null, 403, null);
        add("driver cannot tick others' stops", "driver", "POST", "/api/drivers/drv-002/trips/1/x/stops/1/done", null, 403, null);
        add("organizer cannot tick stops", "organizer", "POST", "/api/drivers/drv-001/trips/1/x/stops/1/done", null, 403, null);
        add("organizer cannot read the report", "organizer", "GET", "/api/reports/2026-12", null, 403, null);
        add("driver cannot create users", "driver", "POST", "/api/users", "{}", 403, null);
        add("organizer cannot read jobs", "organizer", "GET", "/api/jobs/1", null, 403, null);

        // --- sites
        add("site without fields", "coordinator", "POST", "/api/sites", "{}", 400, "name");
        add("site without id", "coordinator", "POST", "/api/sites", "{\"name\":\"x\",\"kind\":\"FARM\",\"lat\":35,\"lon\":134,\"serviceSeconds\":0}", 400, "id");
        add("site with unknown kind", "coordinator", "POST", "/api/sites", SITE.formatted("b", "DEPOTX", "35.1", ""), 400, "kind");
        add("site with latitude as text", "coordinator", "POST", "/api/sites", SITE.formatted("c", "FARM", "\"north\"", ""), 400, "lat");
        add("site with latitude out of range", "coordinator", "POST", "/api/sites", SITE.formatted("d", "FARM", "95", ""), 400, "lat");
        add("site with a bad id", "coordinator", "POST", "/api/sites", SITE.formatted("e f", "FARM", "35", ""), 400, "id");
        add("site with service time too long", "coordinator", "POST", "/api/sites", SITE.formatted("g", "FARM", "35", "").replace("300", "99999"), 400, "serviceSeconds");
        add("site with an unknown field", "coordinator", "POST", "/api/sites", SITE.formatted("h", "FARM", "35", ",\"colour\":\"red\""), 400, "colour");
        add("site with unknown weekday", "coordinator", "POST", "/api/sites", SITE.formatted("i", "FARM", "35", ",\"openingHours\":{\"FUNDAY\":{\"from\":\"09:00\",\"to\":\"17:00\"}}"), 400, "openingHours");
        add("site with hours ending before they start", "coordinator", "POST", "/api/sites", SITE.formatted("j", "FARM", "35", ",\"openingHours\":{\"MONDAY\":{\"from\":\"17:00\",\"to\":\"09:00\"}}"), 400, "time window");
        add("site served by a non-depot", "coordinator", "POST", "/api/sites", SITE.formatted("k", "COMMUNITY_CAFETERIA", "35", ",\"servingDepotId\":\"caf-001\""), 400, "servingDepotId");
        add("site that exists", "coordinator", "POST", "/api/sites", SITE.formatted("x", "FARM", "35", "").replace("new-site-x", "hub"), 409, null);
        add("unknown site", "coordinator", "GET", "/api/sites/nowhere", null, 404, null);
        add("update of an unknown site", "coordinator", "PUT", "/api/sites/nowhere", SITE.formatted("l", "FARM", "35", "").replace("\"id\":\"new-site-l\",", ""), 404, null);
        add("site changing its role", "coordinator", "PUT", "/api/sites/hub", SITE.formatted("m", "FARM", "35", "").replace("\"id\":\"new-site-m\",", ""), 400, "kind");
        add("site body that is not JSON", "coordinator", "POST", "/api/sites", "{\"id\":", 400, null);
        add("site body as a list", "coordinator", "POST", "/api/sites", "[1,2]", 400, null);
        add("site body missing", "coordinator", "POST", "/api/sites", "", 400, null);
        CASES.add(new Case("site as plain text", "coordinator", "POST", "/api/sites", "text/plain", "hello", new String[0], 415, null));
        add("sites cannot be deleted", "coordinator", "DELETE", "/api/sites/hub", null, 405, null);
        add("oversized site", "coordinator", "POST", "/api/sites", SITE.formatted("n", "FARM", "35", ",\"address\":\"" + "x".repeat(250_000) + "\""), 413, null);

        // --- vehicles, volunteers, availability
        add("vehicle without capacity", "coordinator", "POST", "/api/vehicles", "{\"id\":\"veh-new\"}", 400, "capacity");
        add("vehicle with negative capacity", "coordinator", "POST", "/api/vehicles", "{\"id\":\"veh-new\",\"capacity\":{\"ambientGrams\":-1,\"chilledGrams\":0,\"frozenGrams\":0}}", 400, "ambientGrams");
        add("vehicle capacity as text", "coordinator", "POST", "/api/vehicles", "{\"id\":\"veh-new\",\"capacity\":{\"ambientGrams\":\"big\",\"chilledGrams\":0,\"frozenGrams\":0}}", 400, "ambientGrams");
        add("unknown vehicle", "coordinator", "GET", "/api/vehicles/veh-none", null, 404, null);
        add("volunteer without limit", "coordinator", "POST", "/api/volunteers", "{\"id\":\"drv-new\",\"name\":\"x\",\"homeLat\":35,\"homeLon\":134,\"vehicleId\":\"veh-001\"}", 400, "maxMinutesPerDay");
        add("volunteer with too long a day", "coordinator", "POST", "/api/volunteers", "{\"id\":\"drv-new\",\"name\":\"x\",\"homeLat\":35,\"homeLon\":134,\"maxMinutesPerDay\":2000,\"vehicleId\":\"veh-001\"}", 400, "maxMinutesPerDay");
        add("volunteer with unknown vehicle", "coordinator", "POST", "/api/volunteers", "{\"id\":\"drv-new\",\"name\":\"x\",\"homeLat\":35,\"homeLon\":134,\"maxMinutesPerDay\":200,\"vehicleId\":\"veh-none\"}", 400, "vehicleId");
        add("unknown volunteer", "coordinator", "GET", "/api/volunteers/drv-none", null, 404, null);
        add("slot ending before it starts", "coordinator", "POST", "/api/volunteers/drv-001/slots", "{\"date\":\"2026-12-20\",\"from\":\"13:00\",\"to\":\"09:00\"}", 400, "availability");
        add("slot with an impossible date", "coordinator", "POST", "/api/volunteers/drv-001/slots", "{\"date\":\"2026-13-01\",\"from\":\"09:00\",\"to\":\"13:00\"}", 400, "date");
        add("slot without times", "driver", "POST", "/api/volunteers/me/slots", "{\"date\":\"2026-12-20\"}", 400, "from");
        add("cancel a day that is not a date", "driver", "DELETE", "/api/volunteers/me/slots/someday", null, 400, "date");
        add("cancel a day of an unknown volunteer", "coordinator", "DELETE", "/api/volunteers/drv-none/slots/2026-12-05", null, 404, null);
        add("slots for a month that is not one", "driver", "GET", "/api/volunteers/me/slots?month=december", null, 400, "month");

        // --- needs and the whole network
        add("need with a serving day outside the month", "coordinator", "PUT", "/api/needs/caf-001?month=2026-12", "{\"monthlyNeed\":{\"ambientGrams\":1000,\"chilledGrams\":0,\"frozenGrams\":0},\"servingDays\":[\"2027-01-05\"]}", 400, "servingDays[0]");
        add("need of a site that is not a recipient", "coordinator", "PUT", "/api/needs/hub?month=2026-12", "{\"monthlyNeed\":{\"ambientGrams\":1000,\"chilledGrams\":0,\"frozenGrams\":0},\"servingDays\":[\"2026-12-05\"]}", 400, "recipientId");
        add("need without month", "coordinator", "PUT", "/api/needs/caf-001", "{\"monthlyNeed\":{\"ambientGrams\":1000,\"chilledGrams\":0,\"frozenGrams\":0},\"servingDays\":[\"2026-12-05\"]}", 400, "month");
        add("need without serving days", "coordinator", "PUT", "/api/needs/caf-001?month=2026-12", "{\"monthlyNeed\":{\"ambientGrams\":1000,\"chilledGrams\":0,\"frozenGrams\":0}}", 400, "servingDays");
        add("need of an unknown recipient", "coordinator", "PUT", "/api/needs/caf-none?month=2026-12", "{\"monthlyNeed\":{\"ambientGrams\":0,\"chilledGrams\":0,\"frozenGrams\":0}}", 404, null);
        add("needs of a bad month", "coordinator", "GET", "/api/needs?month=2026-13", null, 400, "month");
        add("network without settings", "coordinator", "PUT", "/api/network", "{\"name\":\"x\"}", 400, "settings");

        // --- donations
        add("donation without Idempotency-Key", "organizer", "POST", "/api/donations", DONATION.formatted("hub", "AMBIENT", "1000", ""), 400, "Idempotency-Key");
        add("donation with a bad Idempotency-Key", "organizer", "POST", "/api/donations", DONATION.formatted("hub", "AMBIENT", "1000", ""), 400, "Idempotency-Key", KEY, "k".repeat(201));
        add("donation of negative grams", "organizer", "POST", "/api/donations", DONATION.formatted("hub", "AMBIENT", "-5", ""), 400, "grams", KEY, "bad-1");
        add("donation grams as text", "organizer", "POST", "/api/donations", DONATION.formatted("hub", "AMBIENT", "\"lots\"", ""), 400, "grams", KEY, "bad-2");
        add("donation of unknown temperature class", "organizer", "POST", "/api/donations", DONATION.formatted("hub", "WARM", "1000", ""), 400, "temperature", KEY, "bad-3");
        add("donation at a recipient", "organizer", "POST", "/api/donations", DONATION.formatted("caf-001", "AMBIENT", "1000", ""), 400, "siteId", KEY, "bad-4");
        add("donation at an unknown site", "organizer", "POST", "/api/donations", DONATION.formatted("nowhere", "AMBIENT", "1000", ""), 400, "siteId", KEY, "bad-5");
        add("donation earmarked for a non-recipient", "organizer", "POST", "/api/donations", DONATION.formatted("hub", "AMBIENT", "1000", ",\"earmarkedFor\":\"hub\""), 400, "earmarkedFor", KEY, "bad-6");
        add("donation without expiry date", "organizer", "POST", "/api/donations", "{\"siteId\":\"hub\",\"category\":\"rice\",\"temperature\":\"AMBIENT\",\"grams\":1000}", 400, "expiryDate", KEY, "bad-7");
        add("donation expiring before it is available", "organizer", "POST", "/api/donations", DONATION.formatted("hub", "AMBIENT", "1000", ",\"availableFrom\":\"2027-02-01\""), 400, "expiryDate", KEY, "bad-8");
        add("unknown donation", "organizer", "GET", "/api/donations/don-none", null, 404, null);
        add("correction of an unknown donation", "organizer", "POST", "/api/donations/don-none/corrections", "{\"deltaGrams\":-100,\"reason\":\"x\"}", 404, null, KEY, "c-1");
        add("correction by zero", "organizer", "POST", "/api/donations/don-none/corrections", "{\"deltaGrams\":0,\"reason\":\"x\"}", 400, "deltaGrams", KEY, "c-2");
        add("correction without reason", "organizer", "POST", "/api/donations/don-none/corrections", "{\"deltaGrams\":5}", 400, "reason", KEY, "c-3");
        add("donations with a limit of zero", "organizer", "GET", "/api/donations?limit=0", null, 400, "limit");

        // --- plans and jobs
        add("plan without month", "coordinator", "POST", "/api/plans", "{}", 400, "month");
        add("plan of month 13", "coordinator", "POST", "/api/plans", "{\"month\":\"2026-13\"}", 400, "month");
        add("plan with an unknown rule", "coordinator", "POST", "/api/plans", "{\"month\":\"2026-12\",\"weights\":{\"Nope\":2}}", 400, "weights.Nope");
        add("plan with a negative weight", "coordinator", "POST", "/api/plans", "{\"month\":\"2026-12\",\"weights\":{\"Trips\":-1}}", 400, "weights.Trips");
        add("plan with a fractional weight", "coordinator", "POST", "/api/plans", "{\"month\":\"2026-12\",\"weights\":{\"Trips\":1.5}}", 400, "weights");
        add("plan with no time", "coordinator", "POST", "/api/plans", "{\"month\":\"2026-12\",\"timeLimitSeconds\":0}", 400, "timeLimitSeconds");
        add("plans without month", "coordinator", "GET", "/api/plans", null, 400, "month");
        add("unknown plan", "coordinator", "GET", "/api/plans/999999", null, 404, null);
        add("plan id that is not a number", "coordinator", "GET", "/api/plans/abc", null, 400, "id");
        add("explanation of an unknown plan", "coordinator", "GET", "/api/plans/999999/explanation", null, 404, null);
        add("publishing an unknown plan", "coordinator", "POST", "/api/plans/999999/publish", null, 404, null);
        add("re-planning an unknown plan", "coordinator", "POST", "/api/plans/999999/replan", null, 404, null);
        add("solving an unknown plan", "coordinator", "POST", "/api/plans/999999/solve", null, 404, null);
        add("weights of an unknown plan", "coordinator", "PUT", "/api/plans/999999/weights", "{\"weights\":{\"Trips\":2}}", 404, null);
        add("weights left out", "coordinator", "PUT", "/api/plans/999999/weights", "{}", 400, "weights");
        add("unknown job", "coordinator", "GET", "/api/jobs/999999", null, 404, null);
        add("events of an unknown job", "coordinator", "GET", "/api/jobs/999999/events", null, 404, null);
        add("stopping an unknown job", "coordinator", "POST", "/api/jobs/999999/stop", null, 404, null);
        add("resuming an unknown job", "coordinator", "POST", "/api/jobs/999999/resume", null, 404, null);

        // --- drivers, reports, users
        add("route sheet of an unknown volunteer", "coordinator", "GET", "/api/drivers/drv-none/route-sheet?month=2026-12", null, 404, null);
        add("route sheet of 'me' for a coordinator", "coordinator", "GET", "/api/drivers/me/route-sheet?month=2026-12", null, 404, null);
        add("route sheet of a bad date", "driver", "GET", "/api/drivers/me/route-sheet?date=2026-02-30", null, 400, "date");
        add("route sheet of a day and a month", "driver", "GET", "/api/drivers/me/route-sheet?date=2026-12-05&month=2026-12", null, 400, "date");
        add("calendar of a bad month", "driver", "GET", "/api/drivers/me/calendar.ics?month=12-2026", null, 400, "month");
        add("unknown trip done", "driver", "POST", "/api/drivers/me/trips/999999/trip-x/done", null, 404, null);
        add("unknown trip's stop done", "driver", "POST", "/api/drivers/me/trips/999999/trip-x/stops/1/done", null, 404, null);
        add("stop number not a number", "driver", "POST", "/api/drivers/me/trips/1/trip-x/stops/first/done", null, 400, "stop");
        add("report of a bad month", "coordinator", "GET", "/api/reports/2026-13", null, 400, "month");
        add("driver account without volunteer", "coordinator", "POST", "/api/users", "{\"username\":\"d-x\",\"password\":\"long-enough\",\"role\":\"DRIVER\"}", 400, "driverId");
        add("driver account of an unknown volunteer", "coordinator", "POST", "/api/users", "{\"username\":\"d-y\",\"password\":\"long-enough\",\"role\":\"DRIVER\",\"driverId\":\"drv-none\"}", 400, "driverId");
        add("account with a short password", "coordinator", "POST", "/api/users", "{\"username\":\"o-x\",\"password\":\"short\",\"role\":\"ORGANIZER\"}", 400, "password");
        add("account of unknown role", "coordinator", "POST", "/api/users", "{\"username\":\"o-y\",\"password\":\"long-enough\",\"role\":\"ADMIN\"}", 400, "role");
        add("account that exists", "coordinator", "POST", "/api/users", "{\"username\":\"coordinator\",\"password\":\"long-enough\",\"role\":\"COORDINATOR\"}", 409, null);
        add("password of an unknown user", "coordinator", "PUT", "/api/users/nobody/password", "{\"password\":\"long-enough\"}", 404, null);
        add("unknown path", "coordinator", "GET", "/api/nothing-here", null, 404, null);

        // --- CSV imports (all or nothing, one error per bad row)
        csv("empty sites CSV", "/api/sites.csv", "", 422, "line 1: header");
        csv("sites CSV without columns", "/api/sites.csv", "id,name\r\nx,y\r\n", 422, "line 1: kind");
        csv("sites CSV with bad rows", "/api/sites.csv", "id,name,kind,lat,lon,service_seconds\r\nok-1,良い,FARM,35.1,134.1,300\r\nbad-1,悪い,CASTLE,35.1,134.1,300\r\nbad-2,悪い,FARM,north,134.1,300\r\n", 422, "line 3: kind");
        csv("sites CSV with an unclosed quote", "/api/sites.csv", "id,name,kind,lat,lon,service_seconds\r\n\"x,y", 422, "quoted");
        csv("volunteers CSV with an unknown vehicle", "/api/volunteers.csv", "id,name,contact,home_lat,home_lon,max_minutes_per_day,vehicle_id\r\ndrv-c1,x,,35,134,200,veh-none\r\n", 422, "vehicle_id");
        csv("volunteers CSV with too long a day", "/api/volunteers.csv", "id,name,contact,home_lat,home_lon,max_minutes_per_day,vehicle_id\r\ndrv-c2,x,,35,134,5000,veh-001\r\n", 422, "max_minutes_per_day");
        csv("donations CSV with bad rows", "/api/donations.csv", "key,site_id,category,temperature,grams,expiry_date\r\nk-1,hub,rice,WARM,1000,2027-01-01\r\nk-2,hub,rice,AMBIENT,-3,2027-01-01\r\n", 422, "line 2: temperature");
        csv("donations CSV with a key twice", "/api/donations.csv", "key,site_id,category,temperature,grams,expiry_date\r\nk-3,hub,rice,AMBIENT,1000,2027-01-01\r\nk-3,hub,rice,AMBIENT,1000,2027-01-01\r\n", 422, "appears twice");
        csv("oversized CSV", "/api/sites.csv", "id,name,kind,lat,lon,service_seconds\r\n" + "x,y,FARM,35,134,0\r\n".repeat(20_000), 413, null);
    }

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAProblemNamingTheField(Case c) {
        Http as = switch (c.user() == null ? "" : c.user()) {
            case "coordinator" -> coordinator;
            case "organizer" -> organizer;
            case "driver" -> driver;
            case "wrong" -> coordinator.as("coordinator", "not-the-password");
            default -> coordinator.anonymous();
        };
        Response r = as.send(c.method(), c.path(), c.contentType(), c.body(), c.headers());
        assertProblem(r, c.status(), c.field());
    }
}
