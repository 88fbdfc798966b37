package org.dissect4j.spark;

import java.math.BigDecimal;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.TreeView;

/**
 * The Spark type a Wireshark field type becomes, and how one tree node is converted to it. The mapping is
 * documented in the module's README ("Types").
 */
enum ColumnKind {
    /** UINT8, UINT16, UINT24, INT8..INT32: an {@code int}. */
    INT(DataTypes.IntegerType),
    /** UINT32..UINT56, INT64, FRAMENUM: a {@code bigint}. */
    LONG(DataTypes.LongType),
    /** UINT64: {@code decimal(20,0)}, so that values of 2^63 and above stay positive. */
    UNSIGNED64(DataTypes.createDecimalType(20, 0)),
    /** BOOLEAN. */
    BOOLEAN(DataTypes.BooleanType),
    /** FLOAT, DOUBLE. */
    DOUBLE(DataTypes.DoubleType),
    /** ABSOLUTE_TIME: a {@code timestamp}, Spark's microsecond precision (nanoseconds are cut toward the past). */
    TIMESTAMP(DataTypes.TimestampType),
    /** RELATIVE_TIME: seconds as {@code decimal(38,9)}, exact to the nanosecond. */
    DURATION(DataTypes.createDecimalType(38, 9)),
    /** BYTES: the bytes the node covers, {@code binary}. */
    BINARY(DataTypes.BinaryType),
    /** Everything else (strings, addresses, MACs, OIDs, GUIDs, chars, protocols): the text tshark -T fields prints. */
    TEXT(DataTypes.StringType);

    private static final int NANOS_PER_MICRO = 1000;
    private static final int NANO_SCALE = 9;

    private final DataType sparkType;

    ColumnKind(DataType sparkType) {
        this.sparkType = sparkType;
    }

    DataType sparkType() {
        return sparkType;
    }

    /** The kind of a field type. */
    static ColumnKind of(FieldType type) {
        return switch (type) {
            case UINT8, UINT16, UINT24, INT8, INT16, INT24, INT32 -> INT;
            case UINT32, UINT40, UINT48, UINT56, INT64, FRAMENUM -> LONG;
            case UINT64 -> UNSIGNED64;
            case BOOLEAN -> BOOLEAN;
            case FLOAT, DOUBLE -> DOUBLE;
            case ABSOLUTE_TIME -> TIMESTAMP;
            case RELATIVE_TIME -> DURATION;
            case BYTES -> BINARY;
            default -> TEXT;
        };
    }

    /** Whether Spark's ordering of the column's values is the display filter's (numbers, times as seconds). */
    boolean orderedAsInFilters() {
        return this == INT || this == LONG || this == UNSIGNED64 || this == DURATION;
    }

    /** The value of {@code node} in Spark's internal representation of this kind. */
    Object convert(TreeView t, int node, StringBuilder scratch) {
        return switch (this) {
            case INT -> (int) t.value(node);
            case LONG -> t.value(node);
            case UNSIGNED64 -> Decimal.apply(new BigDecimal(Long.toUnsignedString(t.value(node))), 20, 0);
            case BOOLEAN -> t.bool(node);
            case DOUBLE -> t.doubleValue(node);
            case TIMESTAMP -> Math.floorDiv(t.value(node), NANOS_PER_MICRO);
            case DURATION -> Decimal.apply(BigDecimal.valueOf(t.value(node), NANO_SCALE), 38, NANO_SCALE);
            case BINARY -> t.bytes(node);
            case TEXT -> {
                scratch.setLength(0);
                FieldFormat.value(t, node, scratch);
                yield UTF8String.fromString(scratch.toString());
            }
        };
    }
}
