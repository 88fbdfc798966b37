package org.dissect4j.spark;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Whether a DataFrame value equals a cell of a tshark 4.0.17 {@code -T fields} golden ({@code -E occurrence=a
 * -E aggregator=,}): the cell is parsed as the column's type (hex integers, 1/0 booleans, epoch seconds), an
 * array is the cell's comma-separated occurrences, and a timestamp is compared at Spark's microsecond precision.
 */
final class GoldenCells {
    private GoldenCells() {
    }

    static boolean matches(Object value, DataType type, String cell) {
        if (value == null) {
            return cell.isEmpty();
        }
        if (type instanceof ArrayType a) {
            List<?> values = value instanceof scala.collection.Seq<?> seq
                    ? scala.jdk.javaapi.CollectionConverters.asJava(seq) : List.of((Object[]) value);
            if (a.elementType() instanceof StringType) {
                StringBuilder joined = new StringBuilder();
                for (Object v : values) {
                    joined.append(joined.isEmpty() ? "" : ",").append(v);
                }
                return joined.toString().equals(cell);
            }
            String[] parts = cell.split(",", -1);
            if (parts.length != values.size()) {
                return false;
            }
            for (int i = 0; i < parts.length; i++) {
                if (!matches(values.get(i), a.elementType(), parts[i])) {
                    return false;
                }
            }
            return true;
        }
        if (cell.isEmpty()) {
            return false;
        }
        return switch (type) {
            case IntegerType t -> integer(cell).equals(BigInteger.valueOf((Integer) value));
            case LongType t -> integer(cell).equals(BigInteger.valueOf((Long) value));
            case DecimalType t when t.scale() == 0 -> integer(cell).equals(((BigDecimal) value).toBigIntegerExact());
            case DecimalType t -> new BigDecimal(cell).compareTo((BigDecimal) value) == 0;
            case BooleanType t -> (cell.equals("1") || cell.equalsIgnoreCase("true")) == (Boolean) value;
            case DoubleType t -> Math.abs(Double.parseDouble(cell) - (Double) value) <= 1e-6 * Math.max(1, Math.abs((Double) value));
            case TimestampType t -> epochMicros(cell) == micros((Timestamp) value);
            case BinaryType t -> HexFormat.of().formatHex((byte[]) value).equals(cell.replace(":", "").toLowerCase());
            default -> value.toString().equals(cell);
        };
    }

    private static BigInteger integer(String cell) {
        return cell.startsWith("0x") ? new BigInteger(cell.substring(2), 16) : new BigInteger(cell);
    }

    /** tshark's epoch seconds with nine decimals, cut to microseconds toward the past, as the column is. */
    static long epochMicros(String cell) {
        return new BigDecimal(cell).movePointRight(6).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    static long micros(Timestamp ts) {
        return Math.floorDiv(ts.getTime(), 1000) * 1_000_000 + ts.getNanos() / 1000;
    }
}
