package io.commercemetrics.reports.restatement;

import io.commercemetrics.reports.restatement.Figure.Setting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a figure may have moved: of the changes between two runs, those that can move it (its
 * {@link Figure}'s sources and settings). When none can, the run records do not explain it, and the
 * restatement says so rather than guess.
 */
final class Causes {

    static final String UNEXPLAINED = "no input file or recorded setting changed that feeds this figure: a file "
            + "re-exported with the same row counts, a setting the run record does not keep (e.g. the rates of an "
            + "existing rule version), or a new version of Commerce Metrics";

    private final List<InputChange> inputs;
    private final List<SettingChange> settings;
    private final LocalDate earlierDataEnd;

    Causes(List<InputChange> inputs, List<SettingChange> settings, LocalDate earlierDataEnd) {
        this.inputs = inputs;
        this.settings = settings;
        this.earlierDataEnd = earlierDataEnd;
    }

    List<String> of(FigureKey key) {
        List<String> causes = new ArrayList<>();
        for (InputChange input : inputs) {
            if (key.figure().dependsOn(input.source())) {
                causes.add(input.description());
            }
        }
        for (SettingChange setting : settings) {
            boolean moves = setting.setting() == Setting.DATA_END ? key.isMovedByDataEnd(earlierDataEnd)
                    : key.figure().dependsOn(setting.setting());
            if (moves) {
                causes.add(setting.description());
            }
        }
        return causes.isEmpty() ? List.of(UNEXPLAINED) : causes;
    }
}
