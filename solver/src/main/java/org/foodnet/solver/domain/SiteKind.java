package org.foodnet.solver.domain;

/** The kind of a site, with the role it plays in the network. */
public enum SiteKind {
    LOGISTICS_HUB(SiteRole.HUB, "ロジ拠点"),
    HUB_DEPOT(SiteRole.DEPOT, "ハブ拠点"),
    COMMUNITY_CAFETERIA(SiteRole.RECIPIENT, "地域食堂"),
    MOTHER_CHILD_FACILITY(SiteRole.RECIPIENT, "母子支援施設"),
    REHABILITATION_FACILITY(SiteRole.RECIPIENT, "更生支援施設"),
    SHELTER(SiteRole.RECIPIENT, "シェルター"),
    OTHER_RECIPIENT(SiteRole.RECIPIENT, "その他"),
    SUPERMARKET(SiteRole.DONOR, "スーパー"),
    FARM(SiteRole.DONOR, "農家"),
    COMPANY(SiteRole.DONOR, "企業"),
    FOOD_DRIVE_POINT(SiteRole.DONOR, "フードドライブ拠点"),
    INDIVIDUAL(SiteRole.DONOR, "個人");

    private final SiteRole role;
    private final String japanese;

    SiteKind(SiteRole role, String japanese) {
        this.role = role;
        this.japanese = japanese;
    }

    public SiteRole role() {
        return role;
    }

    public String japanese() {
        return japanese;
    }
}
