package org.dissect4j.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;

/** The columns of a capture DataFrame: one per requested field, then {@code capture_file} and {@code capture_error}. */
final class CaptureSchema {
    /** The file a row comes from, as the executor opened it (an absolute path). */
    static final String FILE_COLUMN = "capture_file";
    /** Null on frames; on the one row a corrupt capture adds in PERMISSIVE mode, the fault with file and offset. */
    static final String ERROR_COLUMN = "capture_error";

    private final List<FieldColumn> columns;
    private final StructType schema;

    private CaptureSchema(List<FieldColumn> columns) {
        this.columns = List.copyOf(columns);
        StructType s = new StructType();
        for (FieldColumn c : columns) {
            s = s.add(new StructField(c.column(), c.sparkType(), true, fieldMetadata(c)));
        }
        this.schema = s.add(FILE_COLUMN, DataTypes.StringType, false).add(ERROR_COLUMN, DataTypes.StringType, true);
    }

    /** Resolves the fields option against the engine's fields (an unknown name fails here, naming it). */
    static CaptureSchema resolve(CaptureOptions options, Engine engine) {
        List<FieldColumn> columns = new ArrayList<>();
        Map<String, String> taken = new HashMap<>();
        taken.put(FILE_COLUMN, FILE_COLUMN);
        taken.put(ERROR_COLUMN, ERROR_COLUMN);
        for (String name : options.fields()) {
            if (name.startsWith("_ws.col.")) {
                throw new IllegalArgumentException("dissect4j: " + name + " is a column the dissect4j command computes, not a field;"
                        + " the Spark data source reads fields only");
            }
            List<Field> same = engine.fields(name);
            if (same.isEmpty()) {
                engine.field(name);  // throws IllegalArgumentException naming the field and the loaded plugins
            }
            FieldType type = same.get(0).type();
            for (Field f : same) {
                if (f.type() != type) {
                    type = null;  // several fields of one name with different types: their text
                    break;
                }
            }
            ColumnKind kind = type == null ? ColumnKind.TEXT : ColumnKind.of(type);
            String column = FieldColumn.sqlName(name);
            String before = taken.putIfAbsent(column.toLowerCase(Locale.ROOT), name);
            if (before != null) {
                throw new IllegalArgumentException("dissect4j: " + name + " and " + before + " would both be column " + column);
            }
            columns.add(new FieldColumn(name, column, kind, type, options.repeated(name)));
        }
        return new CaptureSchema(columns);
    }

    List<FieldColumn> columns() {
        return columns;
    }

    StructType schema() {
        return schema;
    }

    /** The Wireshark field name rides along in the column's metadata ({@code df.schema()}). */
    private static Metadata fieldMetadata(FieldColumn c) {
        return new MetadataBuilder().putString("wireshark_field", c.field()).build();
    }
}
