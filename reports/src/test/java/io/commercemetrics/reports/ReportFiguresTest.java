package io.commercemetrics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.reports.format.Figures;
import io.commercemetrics.reports.format.Shades;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReportFiguresTest {

    @Test
    void moneyIsRoundedOnceToTheCurrencysMinorUnitWithSeparators() {
        assertThat(Figures.money(new BigDecimal("1234567.005"), "CNY")).isEqualTo("1,234,567.01");
        assertThat(Figures.money(new BigDecimal("1234.5"), "JPY")).isEqualTo("1,235");
        assertThat(Figures.money(new BigDecimal("-0.001"), "CNY")).isEqualTo("0.00");
        assertThat(Figures.money(new BigDecimal("1.0005"), "KWD")).isEqualTo("1.001");
        assertThat(Figures.moneyWithCurrency(new BigDecimal("-12.3"), "EUR")).isEqualTo("EUR -12.30");
    }

    @Test
    void ratiosReadAsPercentagesAndMissingOnesAsADash() {
        assertThat(Figures.percent(new BigDecimal("0.062500"), 1)).isEqualTo("6.3%");
        assertThat(Figures.percent(new BigDecimal("1.000000"), 1)).isEqualTo("100.0%");
        assertThat(Figures.percent(null, 1)).isEqualTo("–");
        assertThat(Figures.decimal(new BigDecimal("23.167989"), 2)).isEqualTo("23.17");
        assertThat(Figures.count(1234567L)).isEqualTo("1,234,567");
    }

    @Test
    void changesAreSignedAndNeedSomethingToCompareWith() {
        assertThat(Figures.change(new BigDecimal("110"), new BigDecimal("100"))).isEqualTo("+10.0%");
        assertThat(Figures.change(new BigDecimal("90"), new BigDecimal("100"))).isEqualTo("-10.0%");
        assertThat(Figures.change(new BigDecimal("100"), new BigDecimal("100"))).isEqualTo("0.0%");
        assertThat(Figures.change(new BigDecimal("5"), BigDecimal.ZERO)).isEqualTo("–");
        assertThat(Figures.pointsChange(new BigDecimal("0.22"), new BigDecimal("0.20"))).isEqualTo("+2.0 pp");
        assertThat(Figures.pointsChange(new BigDecimal("0.18"), new BigDecimal("0.20"))).isEqualTo("-2.0 pp");
        assertThat(Figures.pointsChange(new BigDecimal("0.2000004"), new BigDecimal("0.20"))).isEqualTo("0.0 pp");
        assertThat(Figures.change(new BigDecimal("100.001"), new BigDecimal("100"))).isEqualTo("0.0%");
        assertThat(Figures.decimalChange(new BigDecimal("2.5"), new BigDecimal("2.25"), 2)).isEqualTo("+0.25");
    }

    @Test
    void shadesDarkenWithTheRate() {
        assertThat(Shades.of(null, 0.5)).isEqualTo("#FFFFFF");
        assertThat(Shades.of(BigDecimal.ZERO, 0.5)).isEqualTo("#FFFFFF");
        assertThat(Shades.of(new BigDecimal("0.9"), 0.5)).isEqualTo("#5B9BD5");
    }
}
