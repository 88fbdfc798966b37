package org.dissect4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;

/**
 * A planned read: one partition per capture file, because TCP and TLS state needs whole connections
 * (see the README's "Large files"). Its {@link #description()} is what {@code explain()} prints.
 */
final class CaptureScan implements Scan, Batch {
    private final ReadSpec spec;
    private final StructType readSchema;
    private final List<String> files;
    private final Filter[] pushed;

    CaptureScan(ReadSpec spec, StructType readSchema, List<String> files, Filter[] pushed) {
        this.spec = spec;
        this.readSchema = readSchema;
        this.files = files;
        this.pushed = pushed;
    }

    @Override
    public StructType readSchema() {
        return readSchema;
    }

    @Override
    public String description() {
        List<String> fields = new ArrayList<>();
        for (FieldColumn c : spec.fields()) {
            fields.add(c.field());
        }
        return "dissect4j files=" + files.size() + " fields=" + fields + " displayFilter=["
                + (spec.displayFilter() == null ? "" : spec.displayFilter()) + "] pushedFilters=" + Arrays.toString(pushed)
                + " mode=" + spec.options().mode();
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        InputPartition[] partitions = new InputPartition[files.size()];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new CaptureFilePartition(files.get(i));
        }
        return partitions;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new CaptureReaderFactory(spec);
    }

    /** One capture file, read whole by one task. */
    record CaptureFilePartition(String file) implements InputPartition {
    }
}
