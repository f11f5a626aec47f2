package io.commercemetrics.reports;

import io.commercemetrics.reports.finance.FinanceReport;
import io.commercemetrics.reports.index.ReportIndex;
import io.commercemetrics.reports.index.ReportVersions;
import io.commercemetrics.reports.jasper.ReportTemplates;
import io.commercemetrics.reports.management.ManagementReport;
import io.commercemetrics.reports.period.DataSpan;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the management and finance reports of a period from the metric tables of a warehouse
 * (no Spark: Iceberg's generic readers, Parquet through parquet-hadoop), then regenerates the index of every report in
 * the out folder. A re-rendered report whose figures changed keeps its earlier version beside it
 * ({@link ReportVersions}). Templates are compiled once per renderer, so keep one for a run.
 */
public final class ReportRenderer {

    private final ReportTemplates templates = new ReportTemplates();

    /** @throws IllegalArgumentException before anything is written, for a period the data does not cover */
    public ReportSet render(ReportRequest request) {
        WarehouseTables tables = request.tables();
        List<ReportPeriod> periods = periods(request);
        List<Path> written = new ArrayList<>();
        for (ReportPeriod period : periods) {
            Path folder = request.outFolder().resolve(period.label());
            if (request.kind().includesManagement()) {
                request.progress().accept("management report " + period.label());
                written.addAll(ReportVersions.render(folder, tables, period, ReportKind.management,
                        () -> new ManagementReport(templates).render(tables, period, folder)));
            }
            if (request.kind().includesFinance() && period.isMonth()) {
                request.progress().accept("finance report " + period.label());
                written.addAll(ReportVersions.render(folder, tables, period, ReportKind.finance,
                        () -> new FinanceReport(templates).render(tables, period, request.payday(), folder)));
            }
        }
        tables.missing().forEach(table -> request.progress().accept("warning: no metric table " + table + " in run "
                + tables.run().runId() + ": its section is empty (run the metrics job)"));
        written.forEach(file -> request.progress().accept("wrote " + file));
        Path index = ReportIndex.write(request.outFolder());
        request.progress().accept("wrote " + index);
        return new ReportSet(written, index);
    }

    /**
     * The periods a request renders, each with some of the run's data: {@code latest} is the latest
     * complete week and month (finance alone needs only the month); a named period must be one the
     * data covers, and a finance report a month. Asked before anything is written, so the command
     * line can refuse a request as a usage error before its job starts.
     *
     * @throws IllegalArgumentException naming what is wrong with the request
     */
    public static List<ReportPeriod> periods(ReportRequest request) {
        DataSpan data = request.tables().dataSpan();
        if (!ReportRequest.LATEST.equals(request.period())) {
            ReportPeriod period = ReportPeriod.parse(request.period());
            if (!period.isMonth() && request.kind() == ReportKind.finance) {
                throw new IllegalArgumentException("the finance report is monthly: ask for a month, not "
                        + period.label());
            }
            data.check(period);
            return List.of(period);
        }
        ReportPeriod month = ReportPeriod.latestComplete(ReportPeriod.Type.MONTH, data.end());
        if (request.kind() == ReportKind.finance) {
            return List.of(month);
        }
        return List.of(ReportPeriod.latestComplete(ReportPeriod.Type.WEEK, data.end()), month);
    }
}
