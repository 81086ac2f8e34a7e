package org.foodnet.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's own sentences that had no Japanese yet (issue 16 item 3): the plan explanation's rule summaries and
 * details (with the words inside them: food categories, temperature classes, expiry kinds) and the filters' refusals,
 * through {@link Translations} with the real bundles. No Spring context, no database.
 */
class ServerWordsTest {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static String ja(String english) {
        return Translations.translate(english, MESSAGES, Locale.JAPANESE);
    }

    private static String en(String english) {
        return Translations.translate(english, MESSAGES, Locale.ENGLISH);
    }

    @Test
    void ruleSummariesAndDetailsOfThePlanExplanation_areJapanese_withTheirWords() {
        assertThat(ja("12.5 kg of lot lot-0036 (rice, ambient, best-before 2027-01-31) meant for 若桜こども食堂 (caf-001) for 2026-12-11"
                + " is not delivered")).isEqualTo("若桜こども食堂 (caf-001) の 2026-12-11 の分として寄付 lot-0036（米、常温、賞味期限 2027-01-31）の 12.5 kg が届きません");
        assertThat(ja("3.0 kg of lot lot-0100 (frozen vegetables, frozen, use-by 2026-12-20) meant for 智頭 (caf-002) for 2026-12-14"
                + " is not delivered")).contains("冷凍野菜", "冷凍", "消費期限 2026-12-20").doesNotContain("frozen", "use-by");
        assertThat(ja("Every parcel the plan meant to move is delivered.")).isEqualTo("計画で運ぶはずの食品はすべて届きます。");
        assertThat(ja("12.5 kg in 3 parcel(s) do not reach people (short-lived food counts more)."))
                .isEqualTo("3 個の小分け（計 12.5 kg）が届きません（日持ちしない食品ほど重く数えます）。");
        assertThat(ja("Fulfilment ranges from 62 % to 100 %; the least served recipients count most."))
                .isEqualTo("充足率は 62 %〜100 % です。いちばん少ない受け取り先ほど重く数えます。");
        assertThat(ja("若桜こども食堂 (caf-001) gets 62 % of its need (31.0 kg of 50.0 kg)"))
                .isEqualTo("若桜こども食堂 (caf-001) は必要量の 62 %（50.0 kg のうち 31.0 kg）");
        assertThat(ja("Trip drv-002@2026-12-11T09:00 of 山田 太郎 (drv-002) on 2026-12-11, 09:00-12:10 (190 min door to door): "
                + "ハブ (hub) → 智頭 (caf-002)"))
                .isEqualTo("山田 太郎 (drv-002) の便 drv-002@2026-12-11T09:00（2026-12-11 09:00〜12:10、出発から帰着まで 190 分）: "
                        + "ハブ (hub) → 智頭 (caf-002)");
        assertThat(ja("1514 min of driving, 1203.4 km in 23 trip(s).")).isEqualTo("23 便で運転 1514 分、1203.4 km。");
        assertThat(ja("23 trip(s), each a volunteer's day (counted as 60 min of driving)."))
                .isEqualTo("23 便（1 便ごとにボランティアの 1 日、運転 60 分として数えます）。");
        assertThat(ja("山田 太郎 (drv-002): 3 trip(s), 412 min")).isEqualTo("山田 太郎 (drv-002): 3 便、412 分");
        assertThat(ja("山田 太郎 (drv-002): 3 trip(s)")).isEqualTo("山田 太郎 (drv-002): 3 便");
        assertThat(ja("9 volunteer(s) drive; the busiest count most.")).isEqualTo("9 人のボランティアが運転します。いちばん忙しい人ほど重く数えます。");
        assertThat(ja("2.0 kg of lot lot-0007 (parcel p-12) is moved but not delivered")).isEqualTo("寄付 lot-0007 の 2.0 kg（小分け p-12）は運ばれますが届きません");
        assertThat(ja("No food is moved part of the way and left.")).isEqualTo("途中まで運ばれて置き去りになる食品はありません。");
        assertThat(ja("Only for re-plans and resumed jobs: while solving, food carried on another trip than in the plan they start"
                + " from costs like 30 minutes of driving, so volunteers keep the trips they were told.")).startsWith("組み直しと再開のときだけ");
        // English stays exactly as written (the words inside too)
        String english = "12.5 kg of lot lot-0036 (rice, ambient, best-before 2027-01-31) meant for X (caf-001) for 2026-12-11 is not delivered";
        assertThat(en(english)).isEqualTo(english);
        assertThat(en("9 volunteer(s) drive; the busiest count most.")).isEqualTo("9 volunteer(s) drive; the busiest count most.");
    }

    @Test
    void theFiltersRefusals_areJapanese() {
        assertThat(ja("sign in with HTTP Basic (user name and password)")).isEqualTo("HTTP Basic（ユーザー名とパスワード）でログインしてください");
        assertThat(ja("your role may not GET /api/network")).isEqualTo("あなたの役割では GET /api/network はできません");
        assertThat(ja("X-XSRF-TOKEN: this request did not come from Foodnet's own pages (CSRF token missing or wrong); reload the page"))
                .isEqualTo("X-XSRF-TOKEN: この依頼は Foodnet の画面から来ていません（CSRF トークンがないか違います）。ページを再読み込みしてください");
        assertThat(ja("username: too many failed sign-ins for this account; try again in 60 seconds"))
                .isEqualTo("username: このアカウントのログイン失敗が多すぎます; 60 秒後にもう一度お試しください");
        assertThat(ja("you belong to several networks (kirin, hakusan): call /api/networks/{networkId}/sites with one of them"))
                .isEqualTo("複数のネットワーク（kirin, hakusan）に属しています: そのどれかを指定して /api/networks/{networkId}/sites を呼んでください");
        assertThat(ja("the request body is larger than 1048576 bytes")).isEqualTo("リクエスト本文が 1048576 バイトを超えています");
        assertThat(ja("no calendar feed with this address (renewed, ended or never made)")).startsWith("このアドレスのカレンダーはありません");
    }

    /** Every English problem.* / word.* entry has a Japanese one, and no Japanese entry is left over. */
    @Test
    void bothBundlesHaveTheSameProblemAndWordKeys() throws IOException {
        Properties en = load("/messages.properties");
        Properties ja = load("/messages_ja.properties");
        java.util.Set<String> enKeys = new java.util.TreeSet<>(en.stringPropertyNames());
        java.util.Set<String> jaKeys = new java.util.TreeSet<>(ja.stringPropertyNames());
        enKeys.removeIf(k -> !k.startsWith("problem.") && !k.startsWith("word."));
        jaKeys.removeIf(k -> !k.startsWith("problem.") && !k.startsWith("word."));
        assertThat(jaKeys).isEqualTo(enKeys);
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ServerWordsTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
