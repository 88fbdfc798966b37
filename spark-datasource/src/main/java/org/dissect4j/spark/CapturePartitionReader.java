package org.dissect4j.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.unsafe.types.UTF8String;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Tree;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.dissect4j.filter.DisplayFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one capture file in one task: its own engine (engines are single-threaded and TCP/TLS state
 * belongs to the file), the fields of the needed columns primed in the tree, the display filter, one row
 * per frame that passes. A fault in the file ends the frames; {@link CaptureOptions.CorruptMode} says what
 * follows them.
 */
final class CapturePartitionReader implements PartitionReader<InternalRow> {
    private static final Logger LOG = LoggerFactory.getLogger(CapturePartitionReader.class);
    /** Output slots that are not field columns. */
    private static final int FILE_SLOT = -1;
    private static final int ERROR_SLOT = -2;

    private final ReadSpec spec;
    private final String file;
    private final UTF8String fileText;
    private final Engine engine;
    private final DisplayFilter filter;
    private final FieldColumn[] columns;
    private final Field[][] fields;
    /** Per output position: the index into {@link #columns}, or {@link #FILE_SLOT}, {@link #ERROR_SLOT}. */
    private final int[] slots;
    private final StringBuilder scratch = new StringBuilder(128);
    private final NodeList nodes = new NodeList();
    private CaptureReader reader;
    private InternalRow row;
    private boolean done;

    CapturePartitionReader(ReadSpec spec, String file) {
        this.spec = spec;
        this.file = file;
        this.fileText = UTF8String.fromString(file);
        this.engine = spec.options().newEngine();
        Tree tree = engine.tree();
        this.columns = spec.fields().toArray(new FieldColumn[0]);
        this.fields = new Field[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            List<Field> same = engine.fields(columns[i].field());
            fields[i] = same.toArray(new Field[0]);
            for (Field f : same) {
                tree.want(f);
                if (f.type() == FieldType.PROTOCOL) {
                    tree.wantAll(true);  // a protocol's text is its label, made from all its fields (as -T fields)
                }
            }
        }
        this.slots = new int[spec.output().size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = slot(spec.output().get(i));
        }
        this.filter = spec.displayFilter() == null ? null : spec.compile(engine);
        if (filter != null) {
            filter.prime(tree);
        }
    }

    private int slot(String name) {
        if (name.equals(CaptureSchema.FILE_COLUMN)) {
            return FILE_SLOT;
        }
        if (name.equals(CaptureSchema.ERROR_COLUMN)) {
            return ERROR_SLOT;
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].column().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("dissect4j: Spark asked for column " + name + ", which the scan did not plan");
    }

    @Override
    public boolean next() throws IOException {
        if (done) {
            return false;
        }
        try {
            if (reader == null) {
                reader = CaptureFiles.open(Path.of(file));
            }
            Frame frame;
            while ((frame = reader.next()) != null) {
                Tree tree = engine.dissect(frame).tree();
                if (filter == null || filter.matches(tree)) {
                    row = frameRow(tree);
                    return true;
                }
            }
        } catch (IOException e) {
            done = true;
            return fault(e);
        }
        done = true;
        return false;
    }

    /** A capture fault after the frames before it: a row, a warning, or the task's failure, as the mode says. */
    private boolean fault(IOException e) throws IOException {
        String message = e.getMessage() != null && e.getMessage().contains(file) ? e.getMessage() : file + ": " + e.getMessage();
        switch (spec.options().mode()) {
            case FAILFAST -> throw new IOException("dissect4j: " + message, e);
            case DROPMALFORMED -> {
                LOG.warn("dissect4j: {} (the frames before the fault were read)", message);
                return false;
            }
            case PERMISSIVE -> {
                LOG.warn("dissect4j: {} (the frames before the fault were read; see the capture_error column)", message);
                Object[] values = new Object[slots.length];
                for (int i = 0; i < slots.length; i++) {
                    values[i] = slots[i] == FILE_SLOT ? fileText : slots[i] == ERROR_SLOT ? UTF8String.fromString(message) : null;
                }
                row = new GenericInternalRow(values);
                return true;
            }
            default -> throw new IllegalStateException(spec.options().mode().name());
        }
    }

    private InternalRow frameRow(Tree tree) {
        Object[] values = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            int s = slots[i];
            values[i] = s == FILE_SLOT ? fileText : s == ERROR_SLOT ? null : value(tree, s);
        }
        return new GenericInternalRow(values);
    }

    private Object value(Tree tree, int column) {
        FieldColumn c = columns[column];
        nodes.collect(tree, fields[column], c.repeated());
        if (nodes.size == 0) {
            return null;
        }
        if (!c.repeated()) {
            return c.kind().convert(tree, nodes.at(0), scratch);
        }
        Object[] array = new Object[nodes.size];
        for (int i = 0; i < array.length; i++) {
            array[i] = c.kind().convert(tree, nodes.at(i), scratch);
        }
        return new GenericArrayData(array);
    }

    @Override
    public InternalRow get() {
        return row;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
