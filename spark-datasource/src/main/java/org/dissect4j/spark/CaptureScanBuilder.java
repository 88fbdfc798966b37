package org.dissect4j.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Planning of one read: which columns Spark needs (only their fields are recorded in the tree) and which
 * of its predicates become part of the display filter ({@link FilterTranslation}).
 */
final class CaptureScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownFilters {
    private final CaptureOptions options;
    private final CaptureSchema schema;
    private StructType required;
    private Filter[] pushed = new Filter[0];
    private final List<String> pushedExpressions = new ArrayList<>();

    CaptureScanBuilder(CaptureOptions options, CaptureSchema schema) {
        this.options = options;
        this.schema = schema;
        this.required = schema.schema();
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        this.required = requiredSchema;
    }

    @Override
    public Filter[] pushFilters(Filter[] filters) {
        Map<String, FieldColumn> byColumn = new HashMap<>();
        for (FieldColumn c : schema.columns()) {
            byColumn.put(c.column(), c);
        }
        List<Filter> accepted = new ArrayList<>();
        pushedExpressions.clear();
        for (Filter f : filters) {
            String expression = FilterTranslation.translate(f, byColumn);
            if (expression != null) {
                accepted.add(f);
                pushedExpressions.add(expression);
            }
        }
        pushed = accepted.toArray(new Filter[0]);
        // Spark evaluates them all again: a pushed comparison may keep more rows (see FilterTranslation)
        return filters.clone();
    }

    @Override
    public Filter[] pushedFilters() {
        return pushed.clone();
    }

    @Override
    public Scan build() {
        List<FieldColumn> wanted = new ArrayList<>();
        List<String> output = new ArrayList<>();
        for (StructField f : required.fields()) {
            output.add(f.name());
            for (FieldColumn c : schema.columns()) {
                if (c.column().equals(f.name())) {
                    wanted.add(c);
                }
            }
        }
        StringBuilder filter = new StringBuilder();
        if (options.filter() != null) {
            filter.append(pushedExpressions.isEmpty() ? options.filter() : "(" + options.filter() + ")");
        }
        for (String e : pushedExpressions) {
            filter.append(filter.isEmpty() ? "" : " && ").append('(').append(e).append(')');
        }
        ReadSpec spec = new ReadSpec(options, wanted, output, filter.isEmpty() ? null : filter.toString());
        spec.check();
        return new CaptureScan(spec, required, CaptureFileList.list(options.paths(), options.nameGlob()), pushed);
    }
}
