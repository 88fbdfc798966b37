package org.dissect4j.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code spark.read.format("dissect4j")}: pcap and pcapng files (gzip too) as a DataFrame with one column
 * per Wireshark field, a display filter, column pruning and predicate pushdown. Found by Spark through
 * {@code META-INF/services/org.apache.spark.sql.sources.DataSourceRegister}; the options are in the module's README.
 */
public final class Dissect4jDataSource implements TableProvider, DataSourceRegister {
    /** Spark makes one per query with the no-argument constructor. */
    public Dissect4jDataSource() {
    }

    @Override
    public String shortName() {
        return "dissect4j";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return CaptureTable.create(CaptureOptions.parse(options)).schema();
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        CaptureTable table = CaptureTable.create(CaptureOptions.parse(new CaseInsensitiveStringMap(new HashMap<>(properties))));
        if (!table.schema().equals(schema)) {
            throw new IllegalArgumentException("dissect4j: the schema comes from the fields option; do not give one with .schema()");
        }
        return table;
    }
}
