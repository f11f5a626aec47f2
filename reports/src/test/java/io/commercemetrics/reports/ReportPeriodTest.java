package io.commercemetrics.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercemetrics.reports.period.DataSpan;
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

    /** The command line's --week and --month take one form each, and say which when given another. */
    @Test
    void aWeekAndAMonthAreEachWrittenOneWay() {
        assertThat(ReportPeriod.parseWeek("2026-W40").start()).isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(ReportPeriod.parseMonth("2026-10").end()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThatThrownBy(() -> ReportPeriod.parseWeek("2026-40")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2026-40 is not an ISO week: write a week like 2026-W40 (the year, W, then the week's "
                        + "number from 01 to 52 or 53)");
        assertThatThrownBy(() -> ReportPeriod.parseWeek("2026-10")).hasMessageStartingWith("2026-10 is not an ISO week");
        assertThatThrownBy(() -> ReportPeriod.parseWeek("2027-W53")).hasMessageContaining("no ISO week");
        assertThatThrownBy(() -> ReportPeriod.parseMonth("2026-W40")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2026-W40 is not a month: write a month like 2026-10 (the year, then the month's number "
                        + "from 01 to 12)");
        assertThatThrownBy(() -> ReportPeriod.parseMonth("2026-13")).hasMessageStartingWith("2026-13 is not a month");
    }

    /** A period with none of the data's days is refused; one that shares a day with it is not. */
    @Test
    void theDataSpanRefusesPeriodsWhollyOutsideIt() {
        DataSpan data = new DataSpan(LocalDate.of(2025, 11, 3), LocalDate.of(2026, 11, 3), "r1");
        assertThat(data.covers(ReportPeriod.parse("2026-11"))).isTrue();
        assertThat(data.covers(ReportPeriod.parse("2025-11"))).isTrue();
        assertThat(data.covers(ReportPeriod.parse("2025-W45"))).isTrue();
        assertThat(data.covers(ReportPeriod.parse("2025-10"))).isFalse();
        assertThat(data.covers(ReportPeriod.parse("2026-W46"))).isFalse();
        assertThatThrownBy(() -> data.check(ReportPeriod.parse("2031-01"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no data for month 2031-01 (2031-01-01 to 2031-01-31): the data of metrics run r1 runs from "
                        + "2025-11-03 to 2026-11-03; ask for a period within it, or for the latest");
        DataSpan noStart = new DataSpan(null, LocalDate.of(2026, 11, 3), "r2");
        assertThat(noStart.covers(ReportPeriod.parse("2020-01"))).isTrue();
        assertThatThrownBy(() -> noStart.check(ReportPeriod.parse("2026-12")))
                .hasMessageContaining("runs through 2026-11-03");
    }
}
