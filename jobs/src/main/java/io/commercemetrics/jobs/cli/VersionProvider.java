package io.commercemetrics.jobs.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (Maven writes it), or "development" when run from classes. */
class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"commerce-metrics " + (version == null ? "development" : version)};
    }
}
