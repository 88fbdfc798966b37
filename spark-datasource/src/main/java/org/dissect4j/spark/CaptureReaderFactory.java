package org.dissect4j.spark;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/** Shipped to the executors: makes one {@link CapturePartitionReader}, with its own engine, per file. */
record CaptureReaderFactory(ReadSpec spec) implements PartitionReaderFactory {
    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        return new CapturePartitionReader(spec, ((CaptureScan.CaptureFilePartition) partition).file());
    }
}
