package org.foodnet.solver.domain;

/** What a site does in the network; food moves DONOR -> HUB -> DEPOT -> RECIPIENT. */
public enum SiteRole {
    /** ロジ拠点: collects donations, stores them (fridge/freezer) and sends them on to the depots. */
    HUB,
    /** ハブ拠点: a depot with large fridges/freezers close to the recipients of one municipality. */
    DEPOT,
    /** Where food is served: community cafeterias and other facilities. */
    RECIPIENT,
    /** Where donated food waits to be picked up. */
    DONOR;

    public boolean stores() {
        return this == HUB || this == DEPOT;
    }
}
