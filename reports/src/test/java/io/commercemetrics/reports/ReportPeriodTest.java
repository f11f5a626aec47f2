package io.commercemetrics.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercemetrics.reports.period.ReportPeriod;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    @Test
    void weeksAreIsoWeeksAcrossTheYearEnd() {
        ReportPeriod week = ReportPeriod.parse("2026-W01");
        assertThat(week.start()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(week.end()).isEqualTo(LocalDate.of(2026, 1, 4));
        assertThat(week.previous().label()).isEqualTo("2025-W52");
        assertThat(ReportPeriod.weekOf(LocalDate.of(2027, 1, 1)).label()).isEqualTo("2026-W53");
    }

    @Test
    void latestCompletePeriodsEndOnOrBeforeTheDataEnd() {
        LocalDate tuesday = LocalDate.of(2026, 11, 3);
        assertThat(ReportPeriod.latestComplete(ReportPeriod.Type.WEEK, tuesday).label()).isEqualTo("2026-W44");
        assertThat(ReportPeriod.latestComplete(ReportPeriod.Type.MONTH, tuesday).label()).isEqualTo("2026-10");
        // the data end day counts: a Sunday completes its week, the last of a month its month
        assertThat(ReportPeriod.latestComplete(ReportPeriod.Type.WEEK, LocalDate.of(2026, 11, 1)).label())
                .isEqualTo("2026-W44");
        assertThat(ReportPeriod.latestComplete(ReportPeriod.Type.MONTH, LocalDate.of(2026, 10, 31)).label())
                .isEqualTo("2026-10");
    }

    @Test
    void trailingPeriodsEndWithThePeriodOldestFirst() {
        assertThat(ReportPeriod.parse("2026-02").trailing(3)).extracting(ReportPeriod::label)
                .containsExactly("2025-12", "2026-01", "2026-02");
    }

    @Test
    void anythingElseIsRefusedWithTheFormsThatWork() {
        assertThatThrownBy(() -> ReportPeriod.parse("October")).hasMessageContaining("2026-W40");
        assertThatThrownBy(() -> ReportPeriod.parse("2027-W53")).hasMessageContaining("no ISO week");
    }
}
