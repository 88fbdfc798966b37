package org.dissect4j.spark;

import java.util.EnumSet;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The captures one {@code load(...)} names, read in batch. */
final class CaptureTable implements SupportsRead {
    private final CaptureOptions options;
    private final CaptureSchema schema;

    private CaptureTable(CaptureOptions options, CaptureSchema schema) {
        this.options = options;
        this.schema = schema;
    }

    /** Resolves the fields with an engine built as the executors will build theirs (same plugins). */
    static CaptureTable create(CaptureOptions options) {
        return new CaptureTable(options, CaptureSchema.resolve(options, options.newEngine()));
    }

    @Override
    public String name() {
        return "dissect4j " + options.paths();
    }

    @Override
    @SuppressWarnings("deprecation")
    public StructType schema() {
        return schema.schema();
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
        return new CaptureScanBuilder(options, schema);
    }
}
