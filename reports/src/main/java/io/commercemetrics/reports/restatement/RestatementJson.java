package io.commercemetrics.reports.restatement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.commercemetrics.warehouse.MetricsRunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A restatement as JSON, stored beside the metrics run's manifest. Values are strings holding the
 * exact decimal as stored ({@code "144444.33"}, {@code "0.220000"}): a JSON number would be read as
 * a binary float by most readers. Each figure's causes are the descriptions of the changes listed
 * under {@code input_changes} and {@code setting_changes}, word for word.
 */
final class RestatementJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RestatementJson() {
    }

    static String write(Restatement restatement) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run", run(restatement.current()));
        root.put("previous_run", run(restatement.previous()));
        root.put("no_figure_changed", restatement.noFigureChanged());
        root.put("restated_periods", restatement.restatedPeriods().stream().map(p -> p.label()).toList());
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (InputChange input : restatement.inputs()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("change", input.kind().words());
            entry.put("source", input.source());
            entry.put("file", input.file());
            entry.put("previous", input.previous());
            entry.put("current", input.current());
            entry.put("description", input.description());
            inputs.add(entry);
        }
        root.put("input_changes", inputs);
        List<Map<String, Object>> settings = new ArrayList<>();
        for (SettingChange setting : restatement.settings()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("setting", setting.setting().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("previous", setting.previous());
            entry.put("current", setting.current());
            entry.put("description", setting.description());
            settings.add(entry);
        }
        root.put("setting_changes", settings);
        root.put("figures", restatement.figures().stream().map(RestatementJson::figure).toList());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the restatement of run " + restatement.current().runId(), e);
        }
    }

    private static Map<String, Object> run(MetricsRunRecord run) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("run_id", run.runId());
        entry.put("computed_at", run.computedAt());
        entry.put("data_end", run.dataEnd());
        return entry;
    }

    private static Map<String, Object> figure(FigureChange change) {
        FigureKey key = change.key();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("report", key.figure().report().name());
        entry.put("period_type", key.periodType());
        entry.put("period", key.period());
        entry.put("figure", key.figure().jsonName());
        entry.put("label", key.figure().label());
        entry.put("sharer_id", key.sharerId());
        entry.put("currency", key.currency());
        entry.put("status", change.status().words());
        entry.put("previous", StoredValue.text(key, change.previous()));
        entry.put("current", StoredValue.text(key, change.current()));
        entry.put("difference", StoredValue.text(key, change.difference()));
        entry.put("period_was_open", change.periodWasOpen());
        entry.put("restated", change.isRestated());
        entry.put("causes", change.causes());
        return entry;
    }
}
