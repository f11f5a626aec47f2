package io.commercemetrics.reports.jasper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The report templates ({@code .jrxml} under {@code /templates} on the class path), each compiled
 * the first time a render asks for it and then reused for every period and page of the run:
 * compiling costs far more than filling.
 */
public final class ReportTemplates {

    private final Map<String, JasperReport> compiled = new HashMap<>();

    public synchronized JasperReport get(String name) {
        JasperReport report = compiled.get(name);
        if (report == null) {
            report = compile(name);
            compiled.put(name, report);
        }
        return report;
    }

    private static JasperReport compile(String name) {
        String resource = "/templates/" + name + ".jrxml";
        try (InputStream jrxml = ReportTemplates.class.getResourceAsStream(resource)) {
            if (jrxml == null) {
                throw new IllegalStateException("missing report template " + resource);
            }
            return JasperCompileManager.compileReport(jrxml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (JRException e) {
            throw new IllegalStateException("cannot compile report template " + resource + ": " + e.getMessage(), e);
        }
    }
}
