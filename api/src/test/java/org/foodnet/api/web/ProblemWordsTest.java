package org.foodnet.api.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Error words without class or constraint names; the input windows. No Spring, no database. */
class ProblemWordsTest {

    @Test
    void classAndConstraintNamesAreRemoved() {
        String s = Sanitize.words("Cannot deserialize value of type `java.time.YearMonth`: java.lang.IllegalStateException: "
                + "duplicate key value violates unique constraint \"donation_lot_external_id_unique\"");
        assertThat(s).doesNotContain("java.", "YearMonth`", "IllegalStateException", "donation_lot_external_id_unique");
        assertThat(Sanitize.words("expiryDate: must be a date")).isEqualTo("expiryDate: must be a date");
    }

    @Test
    void databaseRulesAreWords() {
        DatabaseRules.Words w = DatabaseRules.explain("stock_not_below_zero", "23514");
        assertThat(w.field()).isEqualTo("grams");
        assertThat(DatabaseRules.explain("some_new_rule_check", "23514").reason()).doesNotContain("_");
    }

    @Test
    void windows() {
        assertThat(InputRules.date("2000-01-01")).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(InputRules.date("2100-12-31")).isEqualTo(LocalDate.of(2100, 12, 31));
        for (String bad : new String[] {"1999-12-31", "2101-01-01", "+9999999-01-01", "0001-01-01", "10000-01-01",
                "2026-02-30", "2026-2-01", " 2026-02-01", "2026-02-01T00:00"}) {
            assertThatThrownBy(() -> InputRules.date(bad)).as(bad).isInstanceOf(InputRules.Refused.class);
        }
        assertThat(InputRules.month("2026-12").getMonthValue()).isEqualTo(12);
        assertThatThrownBy(() -> InputRules.month("+9999999-01")).isInstanceOf(InputRules.Refused.class);
        assertThatThrownBy(() -> InputRules.month("2026-13")).isInstanceOf(InputRules.Refused.class);
        assertThat(InputRules.textProblem("tab\tnew\nline\r ok 😀")).isNull();
        assertThat(InputRules.textProblem("a\u0000b")).contains("NUL");
        assertThat(InputRules.textProblem("a\u0085b")).contains("control");
        assertThat(InputRules.textProblem("a\ud800b")).contains("surrogate");
    }
}
