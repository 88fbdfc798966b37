package org.dissect4j.spark;

import java.io.Serializable;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.dissect4j.api.FieldType;

/**
 * One DataFrame column made from a Wireshark field: the field's abbreviation, the column's SQL name,
 * its kind, the field type when all fields of that name share one (else {@code null}), and whether the
 * column holds every occurrence in the packet (an array) or the first one.
 */
record FieldColumn(String field, String column, ColumnKind kind, FieldType fieldType, boolean repeated)
        implements Serializable {

    /** The column's Spark type. */
    DataType sparkType() {
        return repeated ? DataTypes.createArrayType(kind.sparkType(), false) : kind.sparkType();
    }

    /**
     * The SQL-friendly column name of a field: every character other than a letter, digit or {@code _}
     * becomes {@code _} ({@code tls.handshake.extensions_server_name} is {@code tls_handshake_extensions_server_name}).
     */
    static String sqlName(String field) {
        StringBuilder sb = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            boolean plain = c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            sb.append(plain ? c : '_');
        }
        return sb.toString();
    }
}
