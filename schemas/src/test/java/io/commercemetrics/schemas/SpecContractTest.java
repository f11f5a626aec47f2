package io.commercemetrics.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.commercemetrics.schemas.DocumentedColumns.Column;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Ties the code's schemas to the documentation in the repository: every source of {@link Sources}
 * must appear in {@code docs/inputs.md} with exactly its columns, types, required marks (R) and
 * column order, and every table of {@link MetricTables} in {@code docs/metrics.md} with its columns,
 * types and order. These checks need nothing outside the repository, so they run on a clean clone.
 * The tests that change a copy of a schema show that the checker reports each kind of drift.
 *
 * <p>When the reference definitions ({@code shared/spec/DATA.md} and {@code METRICS.md}, in the
 * folder beside the repository) are present, the documents are also checked against them: the same
 * tables, columns, marks and order. Without them those two tests are skipped.
 */
class SpecContractTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path INPUTS_MD = ROOT.resolve("docs").resolve("inputs.md");
    private static final Path METRICS_MD = ROOT.resolve("docs").resolve("metrics.md");
    /** Tables the project adds beyond the reference, each documented in docs/metrics.md with its Decision. */
    private static final List<String> PROJECT_TABLES = List.of("commission_adjustments");
    private static final Path REFERENCE = ROOT.toAbsolutePath().getParent().resolve("shared").resolve("spec");

    @Test
    void everySourceIsDocumentedInInputsMdWithItsColumnsTypesAndRequiredMarks() throws IOException {
        assertThat(inputsProblems(Sources.ALL)).isEmpty();
        assertThat(documentedInputs().keySet()).as("sources in the order of docs/inputs.md")
                .containsExactlyElementsOf(Sources.ALL.stream().map(TableSchema::name).toList());
    }

    @Test
    void everyMetricTableIsDocumentedInMetricsMdWithItsColumnsInOrder() throws IOException {
        assertThat(metricsProblems(MetricTables.ALL)).isEmpty();
        assertThat(documentedMetrics().keySet()).as("tables in the order of docs/metrics.md")
                .containsExactlyElementsOf(MetricTables.ALL.stream().map(TableSchema::name).toList());
    }

    // ---- the checker catches drift: each test breaks a copy of a schema and expects the report

    @Test
    void aDocumentedInputColumnRemovedFromTheCodeIsReported() throws IOException {
        List<TableSchema> sources = replace(Sources.ALL, withoutColumn(Sources.ORDERS, "coupon_code"));

        assertThat(inputsProblems(sources))
                .containsExactly("orders.coupon_code is in docs/inputs.md but missing from the code");
    }

    @Test
    void aDocumentedMetricColumnRemovedFromTheCodeIsReported() throws IOException {
        List<TableSchema> tables = replace(MetricTables.ALL,
                withoutColumn(MetricTables.COMMISSION_STATEMENT, "clawback"));

        assertThat(metricsProblems(tables)).containsExactly(
                "commission_statement.clawback is in docs/metrics.md but missing from the code");
    }

    @Test
    void aRequiredMarkDroppedOrAddedInTheCodeIsReported() throws IOException {
        TableSchema currencyOptional = withField(Sources.REFUNDS, "currency",
                f -> new Field(f.name(), f.type(), false, null, f.checks(), f.description()));
        List<TableSchema> sources = replace(Sources.ALL, withField(currencyOptional, "reason",
                f -> new Field(f.name(), f.type(), true, null, f.checks(), f.description())));

        assertThat(inputsProblems(sources)).containsExactlyInAnyOrder(
                "refunds.currency is required (R) in docs/inputs.md but optional in the code",
                "refunds.reason is optional in docs/inputs.md but required (R) in the code");
    }

    @Test
    void columnsInAnotherOrderAreReported() throws IOException {
        List<TableSchema> tables = replace(MetricTables.ALL,
                swapped(MetricTables.REPURCHASE_COHORT, "customers", "repurchased"));

        assertThat(metricsProblems(tables)).singleElement().asString()
                .startsWith("repurchase_cohort lists its columns in another order")
                .contains("[cohort_month, acquisition_group, window_days, customers, repurchased, rate, complete]")
                .contains("[cohort_month, acquisition_group, window_days, repurchased, customers, rate, complete]");
    }

    @Test
    void aRenamedColumnOrAChangedTypeIsReported() throws IOException {
        List<TableSchema> sources = replace(Sources.ALL,
                withField(Sources.TRAFFIC, "visits", f -> new Field("sessions", f.type(), f.required(),
                        f.defaultValue(), f.checks(), f.description())),
                withField(Sources.PAYOUTS, "amount", f -> new Field(f.name(), FieldType.STRING, f.required(),
                        f.defaultValue(), List.of(), f.description())));
        List<TableSchema> tables = replace(MetricTables.ALL,
                withField(MetricTables.TRAFFIC_COST, "roas", f -> new Field(f.name(), FieldType.DECIMAL,
                        false, null, List.of(), "")));

        assertThat(inputsProblems(sources)).containsExactlyInAnyOrder(
                "traffic.visits is in docs/inputs.md but missing from the code",
                "traffic.sessions is in the code but missing from docs/inputs.md",
                "payouts.amount has type decimal in docs/inputs.md but string in the code");
        assertThat(metricsProblems(tables)).containsExactly(
                "traffic_cost.roas has type ratio in docs/metrics.md but money in the code");
    }

    @Test
    void aTableMissingOnEitherSideIsReported() throws IOException {
        List<TableSchema> sources = new ArrayList<>(Sources.ALL);
        sources.remove(Sources.FX_RATES);
        sources.add(new TableSchema("vouchers", List.of(Field.required("voucher_id", FieldType.STRING, "")),
                List.of()));

        assertThat(inputsProblems(sources)).containsExactlyInAnyOrder(
                "table fx_rates is in docs/inputs.md but not in the code",
                "table vouchers is in the code but not in docs/inputs.md");
    }

    // ---- optional: the documents against the reference beside the repository

    @Test
    void inputsMdAgreesWithTheReferenceDataMd() throws IOException {
        Path dataMd = REFERENCE.resolve("DATA.md");
        assumeTrue(Files.isRegularFile(dataMd), "the reference " + dataMd + " is not present");
        Map<String, List<Column>> reference = DocumentedColumns.referenceData(Files.readAllLines(dataMd));

        assertThat(reference).as("sources found in " + dataMd).isNotEmpty();
        assertThat(SchemaContract.differences("the reference DATA.md", reference, "docs/inputs.md",
                documentedInputs())).isEmpty();
    }

    @Test
    void metricsMdAgreesWithTheReferenceMetricsMd() throws IOException {
        Path metricsMd = REFERENCE.resolve("METRICS.md");
        assumeTrue(Files.isRegularFile(metricsMd), "the reference " + metricsMd + " is not present");
        Map<String, List<Column>> reference = DocumentedColumns.referenceMetrics(Files.readString(metricsMd));

        assertThat(reference).as("tables found in " + metricsMd).isNotEmpty();
        Map<String, List<Column>> documented = new java.util.LinkedHashMap<>(documentedMetrics());
        PROJECT_TABLES.forEach(documented::remove);
        assertThat(SchemaContract.differences("the reference METRICS.md", reference, "docs/metrics.md",
                documented)).isEmpty();
    }

    // ---- helpers

    private static List<String> inputsProblems(List<TableSchema> sources) throws IOException {
        return SchemaContract.differences("docs/inputs.md", documentedInputs(), "the code",
                SchemaContract.declared(sources, SchemaContract.INPUT_TYPE_WORDS));
    }

    private static List<String> metricsProblems(List<TableSchema> tables) throws IOException {
        return SchemaContract.differences("docs/metrics.md", documentedMetrics(), "the code",
                SchemaContract.declared(tables, SchemaContract.METRIC_TYPE_WORDS));
    }

    private static Map<String, List<Column>> documentedInputs() throws IOException {
        return DocumentedColumns.inputsDoc(Files.readAllLines(INPUTS_MD));
    }

    private static Map<String, List<Column>> documentedMetrics() throws IOException {
        return DocumentedColumns.metricsDoc(Files.readAllLines(METRICS_MD));
    }

    /** {@code all} with each of {@code changed} in place of the table of the same name. */
    private static List<TableSchema> replace(List<TableSchema> all, TableSchema... changed) {
        List<TableSchema> result = new ArrayList<>(all);
        for (TableSchema table : changed) {
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i).name().equals(table.name())) {
                    result.set(i, table);
                }
            }
        }
        return result;
    }

    private static TableSchema withoutColumn(TableSchema table, String column) {
        List<Field> fields = new ArrayList<>(table.fields());
        fields.removeIf(f -> f.name().equals(column));
        List<String> key = table.uniqueKey().stream().filter(k -> !k.equals(column)).toList();
        return new TableSchema(table.name(), fields, key);
    }

    private static TableSchema withField(TableSchema table, String column, UnaryOperator<Field> change) {
        List<Field> fields = new ArrayList<>(table.fields());
        fields.replaceAll(f -> f.name().equals(column) ? change.apply(f) : f);
        return new TableSchema(table.name(), fields, List.of());
    }

    private static TableSchema swapped(TableSchema table, String a, String b) {
        List<Field> fields = new ArrayList<>(table.fields());
        Collections.swap(fields, table.indexOf(a), table.indexOf(b));
        return new TableSchema(table.name(), fields, table.uniqueKey());
    }

    /** The folder holding docs/inputs.md and schemas/: the module folder's parent under Maven. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs").resolve("inputs.md")) && Files.isDirectory(dir.resolve("schemas"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/inputs.md beside a schemas/ folder above "
                + Path.of("").toAbsolutePath());
    }
}
