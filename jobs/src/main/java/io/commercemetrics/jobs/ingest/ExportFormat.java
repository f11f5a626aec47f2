package io.commercemetrics.jobs.ingest;

/** The file formats DATA.md accepts, each optionally gzip-compressed. */
public enum ExportFormat {
    CSV("csv"), JSONL("jsonl"), PARQUET("parquet");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
