package io.commercemetrics.reports;

/** Which reports to render: management (weeks and months), finance (months only), or both. */
public enum ReportKind {
    management, finance, all;

    public boolean includesManagement() {
        return this != finance;
    }

    public boolean includesFinance() {
        return this != management;
    }
}
