package io.commercemetrics.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.warehouse.TypedRowWriteSupport;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written readers of timestamps, dates, decimals and CSV records, against java.time and RFC 4180. */
class TextValueParsingTest {

    private final TimestampText utc = new TimestampText(ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({
            "2026-10-03T21:15:00+08:00, 2026-10-03T13:15:00Z",
            "2026-10-03 21:15:00+08:00, 2026-10-03T13:15:00Z",
            "2026-10-03T21:15+08:00,    2026-10-03T13:15:00Z",
            "2026-10-03T21:15:00Z,      2026-10-03T21:15:00Z",
            "2026-10-03T21:15:00.5-05:30, 2026-10-04T02:45:00.5Z",
            "2024-02-29T00:00:00Z,      2024-02-29T00:00:00Z",
            "1969-12-31T23:59:59.999999Z, 1969-12-31T23:59:59.999999Z"})
    void acceptedTimestampsAreTheSameInstantAsJavaTimeGives(String text, String expected) {
        Instant i = Instant.parse(expected);
        long micros = Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
        assertThat(utc.parseMicros(text)).isEqualTo(micros);
        assertThat(utc.lastLackedOffset()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2025-02-29T10:00:00Z", "2026-10-03T24:00:00Z",
            "2026-10-03T10:60:00Z", "2026-10-03T10:00:00+0800", "2026-10-03T10:00:00 +08:00", "2026-10-03",
            "2026-10-03T10:00:00.Z", "2026/10/03T10:00:00Z", "2026-10-03T10:00:00+19:00", " 2026-10-03T10:00:00Z"})
    void impossibleOrMalformedTimestampsAreRejected(String text) {
        assertThat(utc.parseMicros(text)).isEqualTo(TimestampText.INVALID);
    }

    @Test
    void aTimestampWithoutOffsetIsPlacedInTheSourceZoneIncludingSummerTime() {
        TimestampText berlin = new TimestampText(ZoneId.of("Europe/Berlin"));
        // July: Berlin is +02:00, so 12:00 local is 10:00 UTC; January: +01:00, 11:00 UTC
        assertThat(berlin.parseMicros("2026-07-01T12:00:00"))
                .isEqualTo(Instant.parse("2026-07-01T10:00:00Z").getEpochSecond() * 1_000_000L);
        assertThat(berlin.lastLackedOffset()).isTrue();
        assertThat(berlin.parseMicros("2026-01-01 12:00"))
                .isEqualTo(Instant.parse("2026-01-01T11:00:00Z").getEpochSecond() * 1_000_000L);
    }

    @Test
    void datesAreStrict() {
        assertThat(DateText.parseEpochDay("2026-10-03")).isEqualTo((int) java.time.LocalDate.of(2026, 10, 3).toEpochDay());
        assertThat(DateText.parseEpochDay("2000-02-29")).isEqualTo((int) java.time.LocalDate.of(2000, 2, 29).toEpochDay());
        assertThat(DateText.parseEpochDay("1900-02-29")).isEqualTo(DateText.INVALID);
        assertThat(DateText.parseEpochDay("2026-10-3")).isEqualTo(DateText.INVALID);
        assertThat(DateText.parseEpochDay("2026-13-01")).isEqualTo(DateText.INVALID);
    }

    @Test
    void decimalsAreExactAndBounded() {
        DecimalText d = new DecimalText();
        assertThat(d.parse("1234.50")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(d.parse("-0.000000000000000001")).isEqualTo(new BigDecimal("-0.000000000000000001"));
        // 20 integer digits and 18 places: the largest DECIMAL(38,18) shape
        assertThat(d.parse("99999999999999999999.999999999999999999"))
                .isEqualTo(new BigDecimal("99999999999999999999.999999999999999999"));
        assertThat(d.parse("00000000000000000000001.5")).isEqualTo(new BigDecimal("1.5"));
        assertThat(d.parse("100000000000000000000")).isNull();
        assertThat(d.lastProblem()).isEqualTo(DecimalText.Problem.TOO_LARGE);
        assertThat(d.parse("0.0000000000000000001")).isNull();
        assertThat(d.lastProblem()).isEqualTo(DecimalText.Problem.TOO_MANY_PLACES);
        for (String bad : List.of("", "-", ".5", "5.", "+5", "1e3", "1,000", "NaN", "Infinity", " 1", "1 ", "--1", "0x10")) {
            assertThat(d.parse(bad)).as(bad).isNull();
            assertThat(d.lastProblem()).as(bad).isEqualTo(DecimalText.Problem.NOT_DECIMAL);
        }
    }

    @Test
    void decimalBytesMatchBigIntegerTwosComplement() {
        for (String v : List.of("0", "1", "-1", "1234.5", "-0.000000000000000001", "9.223372036854775807",
                "-99999999999999999999.999999999999999999", "123456789012345678")) {
            BigDecimal value = new BigDecimal(v);
            byte[] expected = new byte[16];
            byte[] big = value.setScale(18).unscaledValue().toByteArray();
            java.util.Arrays.fill(expected, (byte) (value.signum() < 0 ? -1 : 0));
            System.arraycopy(big, 0, expected, 16 - big.length, big.length);
            assertThat(TypedRowWriteSupport.decimalBytes(value, 18, 16)).as(v).isEqualTo(expected);
        }
    }

    @Test
    void csvRecordsKeepLinesRawTextAndRecoverAfterQuoteErrors() throws Exception {
        String text = "a,b\r\n"              // line 1
                + "1,\"x\ny\"\r\n"           // lines 2-3
                + "2,x\"y\r"                 // line 4, old Mac line end; quote inside a plain field
                + "3,\"\"\"\"\n"             // line 5: a field holding one quote
                + "4,\"open\n"               // line 6: never closed, runs to the end
                + "5,z";
        List<String> seen = new ArrayList<>();
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(text))) {
            while (r.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < r.fieldCount(); i++) {
                    fields.add(r.field(i));
                }
                seen.add(r.line() + "|" + r.raw().replace("\n", "\\n") + "|" + fields + "|" + r.problem());
            }
        }
        assertThat(seen).containsExactly(
                "1|a,b|[a, b]|null",
                "2|1,\"x\\ny\"|[1, x\ny]|null",
                "4|2,x\"y|[2, x\"y]|quote error: a quote inside an unquoted field",
                "5|3,\"\"\"\"|[3, \"]|null",
                "6|4,\"open\\n5,z|[4, open\n5,z]|quote error: quoted field not closed before the end of the file");
    }
}
