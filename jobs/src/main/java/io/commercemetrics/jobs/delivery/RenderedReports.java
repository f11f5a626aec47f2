package io.commercemetrics.jobs.delivery;

import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.finance.FinanceReport;
import io.commercemetrics.reports.management.ManagementReport;
import io.commercemetrics.reports.period.ReportPeriod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Mails what a render wrote, report by report, for a caller that has only the reports folder and the
 * periods ({@code report --mail}): the renderer ran inside a job, so its list of files is not at hand,
 * but each report's files have fixed names in {@code <reports>/<period>/}.
 */
public final class RenderedReports {

    private RenderedReports() {
    }

    /**
     * @param requested management, finance or all; a week has no finance report
     * @return one outcome per report, in the order rendered
     */
    public static List<DeliveryOutcome> deliver(ReportDelivery delivery, Path reports, List<ReportPeriod> periods,
                                                ReportKind requested, Consumer<String> progress) {
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (ReportPeriod period : periods) {
            Path folder = reports.resolve(period.label());
            if (requested.includesManagement()) {
                outcomes.add(delivery.deliver(ReportKind.management, period.label(),
                        existing(folder, ManagementReport.PDF, ManagementReport.HTML)));
            }
            if (requested.includesFinance() && period.isMonth()) {
                outcomes.add(delivery.deliver(ReportKind.finance, period.label(),
                        existing(folder, FinanceReport.PDF, FinanceReport.XLSX)));
            }
        }
        outcomes.forEach(outcome -> progress.accept(outcome.summary()));
        return outcomes;
    }

    private static List<Path> existing(Path folder, String... names) {
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path file = folder.resolve(name);
            // a missing PDF is still named, so the outcome says which file was not there
            if (Files.exists(file) || name.endsWith(".pdf")) {
                files.add(file);
            }
        }
        return files;
    }
}
