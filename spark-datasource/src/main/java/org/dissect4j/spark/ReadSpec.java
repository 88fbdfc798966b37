package org.dissect4j.spark;

import java.io.Serializable;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.filter.DisplayFilter;
import org.dissect4j.filter.FilterException;

/**
 * What every task of one scan reads: the options, the field columns Spark needs, the output columns in
 * Spark's order (field columns by name, {@code capture_file}, {@code capture_error}) and the display filter
 * (the {@code filter} option and the pushed predicates, joined with {@code &&}).
 */
record ReadSpec(CaptureOptions options, List<FieldColumn> fields, List<String> output, String displayFilter)
        implements Serializable {

    /** Compiles the display filter once on the driver, so a bad filter fails the query before any task runs. */
    void check() {
        if (displayFilter == null) {
            return;
        }
        compile(options.newEngine());
    }

    DisplayFilter compile(Engine engine) {
        try {
            return DisplayFilter.compile(displayFilter, engine);
        } catch (FilterException e) {
            throw new IllegalArgumentException("dissect4j: bad display filter: " + e.getMessage(), e);
        }
    }
}
