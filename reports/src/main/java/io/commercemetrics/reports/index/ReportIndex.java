package io.commercemetrics.reports.index;

import io.commercemetrics.reports.jasper.ReportFiles;
import io.commercemetrics.reports.period.ReportPeriod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code <out>/index.html}: every report found in the out folder (not only this run's), newest
 * period first, with relative links so the folder can be served or copied as it is; after each
 * report, the earlier versions a restatement replaced ({@link ReportVersions}).
 */
public final class ReportIndex {

    public static final String FILE = "index.html";
    /** The report files in the order a reader looks for them, with their link text. */
    private static final List<String[]> REPORT_FILES = List.of(
            new String[] {"management.html", "Management (web)"}, new String[] {"management.pdf", "Management (PDF)"},
            new String[] {"finance.html", "Finance (web)"}, new String[] {"finance.pdf", "Finance (PDF)"},
            new String[] {"finance.xlsx", "Finance (XLSX)"},
            new String[] {"finance.csv", "Statement (CSV)"});

    private ReportIndex() {
    }

    public static Path write(Path outFolder) {
        List<ReportPeriod> periods = periods(outFolder);
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Commerce Metrics reports</title>
                <style>body{font-family:'WenQuanYi Micro Hei','Microsoft YaHei',sans-serif;margin:2em;color:#222}
                h1{color:#1F3A5F}table{border-collapse:collapse}th,td{padding:4px 12px;border-bottom:1px solid #ccd;text-align:left;white-space:nowrap}
                th{background:#DDE4EE}a{margin-right:1em}a.earlier{font-size:smaller;color:#555}</style></head><body>
                <h1>Commerce Metrics reports</h1>
                <div style="overflow-x:auto"><table><thead><tr><th>Period</th><th>Kind</th><th>Days</th><th>Reports</th></tr></thead><tbody>
                """);
        for (ReportPeriod period : periods) {
            html.append("<tr><td>").append(period.label()).append("</td><td>")
                    .append(period.isMonth() ? "month" : "week").append("</td><td>")
                    .append(period.start()).append(" to ").append(period.end()).append("</td><td>");
            for (String[] file : REPORT_FILES) {
                if (Files.isRegularFile(outFolder.resolve(period.label()).resolve(file[0]))) {
                    html.append("<a href=\"").append(period.label()).append('/').append(file[0]).append("\">")
                            .append(file[1]).append("</a>");
                }
                html.append(ReportVersions.earlierLinks(outFolder.resolve(period.label()), file[0]));
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table></div></body></html>\n");
        Path target = outFolder.resolve(FILE);
        ReportFiles.writeAtomically(target, out -> out.write(html.toString().getBytes(StandardCharsets.UTF_8)));
        return target;
    }

    /** Folders named like a period that hold at least one report, newest end first, a month before its last week. */
    static List<ReportPeriod> periods(Path outFolder) {
        List<ReportPeriod> periods = new ArrayList<>();
        if (!Files.isDirectory(outFolder)) {
            return periods;
        }
        try (Stream<Path> children = Files.list(outFolder)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                try {
                    ReportPeriod period = ReportPeriod.parse(child.getFileName().toString());
                    if (REPORT_FILES.stream().anyMatch(f -> Files.isRegularFile(child.resolve(f[0])))) {
                        periods.add(period);
                    }
                } catch (IllegalArgumentException notAPeriod) {
                    // another folder a user keeps beside the reports: not listed
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + outFolder, e);
        }
        periods.sort(Comparator.comparing(ReportPeriod::end).reversed()
                .thenComparing(p -> p.isMonth() ? 0 : 1));
        return periods;
    }
}
