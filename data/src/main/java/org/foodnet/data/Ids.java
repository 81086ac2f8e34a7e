package org.foodnet.data;

import static org.foodnet.data.jooq.Tables.DONATION_LOT;
import static org.foodnet.data.jooq.Tables.REGION;
import static org.foodnet.data.jooq.Tables.SITE;
import static org.foodnet.data.jooq.Tables.VEHICLE;
import static org.foodnet.data.jooq.Tables.VOLUNTEER;

import java.time.ZoneId;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.jooq.DSLContext;

/**
 * Translation between the planning core's ids (region code, "hub", "lot-0001") and the database's surrogate
 * keys. For the repositories of this module; the surrogate keys never leave it.
 */
public final class Ids {

    private Ids() {
    }

    /** A region's key and time zone. */
    public record RegionKey(long id, String code, ZoneId zone) {
    }

    public static Optional<RegionKey> findRegion(DSLContext dsl, String code) {
        return dsl.select(REGION.ID, REGION.TIME_ZONE).from(REGION).where(REGION.CODE.eq(code))
                .fetchOptional(r -> new RegionKey(r.value1(), code, ZoneId.of(r.value2())));
    }

    public static RegionKey region(DSLContext dsl, String code) {
        return findRegion(dsl, code).orElseThrow(() -> new NoSuchElementException("no region " + code));
    }

    public static long site(DSLContext dsl, RegionKey region, String externalId) {
        return dsl.select(SITE.ID).from(SITE).where(SITE.REGION_ID.eq(region.id()), SITE.EXTERNAL_ID.eq(externalId))
                .fetchOptional(SITE.ID)
                .orElseThrow(() -> new NoSuchElementException("no site " + externalId + " in region " + region.code()));
    }

    public static long lot(DSLContext dsl, RegionKey region, String externalId) {
        return dsl.select(DONATION_LOT.ID).from(DONATION_LOT)
                .where(DONATION_LOT.REGION_ID.eq(region.id()), DONATION_LOT.EXTERNAL_ID.eq(externalId))
                .fetchOptional(DONATION_LOT.ID)
                .orElseThrow(() -> new NoSuchElementException("no donation lot " + externalId + " in region " + region.code()));
    }

    public static long volunteer(DSLContext dsl, RegionKey region, String externalId) {
        return dsl.select(VOLUNTEER.ID).from(VOLUNTEER)
                .where(VOLUNTEER.REGION_ID.eq(region.id()), VOLUNTEER.EXTERNAL_ID.eq(externalId))
                .fetchOptional(VOLUNTEER.ID)
                .orElseThrow(() -> new NoSuchElementException("no volunteer " + externalId + " in region " + region.code()));
    }

    /** External id -> key of every site of the region. */
    public static Map<String, Long> sites(DSLContext dsl, long regionId) {
        return dsl.select(SITE.EXTERNAL_ID, SITE.ID).from(SITE).where(SITE.REGION_ID.eq(regionId)).fetchMap(SITE.EXTERNAL_ID, SITE.ID);
    }

    /** Key -> external id of every site of the region. */
    public static Map<Long, String> siteExternalIds(DSLContext dsl, long regionId) {
        return dsl.select(SITE.ID, SITE.EXTERNAL_ID).from(SITE).where(SITE.REGION_ID.eq(regionId)).fetchMap(SITE.ID, SITE.EXTERNAL_ID);
    }

    public static Map<String, Long> lots(DSLContext dsl, long regionId) {
        return dsl.select(DONATION_LOT.EXTERNAL_ID, DONATION_LOT.ID).from(DONATION_LOT)
                .where(DONATION_LOT.REGION_ID.eq(regionId)).fetchMap(DONATION_LOT.EXTERNAL_ID, DONATION_LOT.ID);
    }

    public static Map<String, Long> vehicles(DSLContext dsl, long regionId) {
        return dsl.select(VEHICLE.EXTERNAL_ID, VEHICLE.ID).from(VEHICLE).where(VEHICLE.REGION_ID.eq(regionId))
                .fetchMap(VEHICLE.EXTERNAL_ID, VEHICLE.ID);
    }

    public static Map<String, Long> volunteers(DSLContext dsl, long regionId) {
        return dsl.select(VOLUNTEER.EXTERNAL_ID, VOLUNTEER.ID).from(VOLUNTEER).where(VOLUNTEER.REGION_ID.eq(regionId))
                .fetchMap(VOLUNTEER.EXTERNAL_ID, VOLUNTEER.ID);
    }

    public static <T> T required(Map<String, T> map, String key, String what) {
        T value = map.get(key);
        if (value == null) {
            throw new NoSuchElementException("no " + what + " " + key);
        }
        return value;
    }
}
