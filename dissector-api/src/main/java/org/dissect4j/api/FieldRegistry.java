package org.dissect4j.api;

import java.util.Arrays;

/**
 * The fields one engine knows, indexed by {@link Field#id()}: which field an id is, which
 * protocol owns it; likewise its expert definitions by {@link Expert#id()}, and the header fields
 * each protocol declared for the header-only shortcut ({@link Packet#wantsOnlyHeader()}). Filled
 * while the engine registers its plugins, then only read. There is no
 * process-wide registry: an engine sees exactly the fields its plugins declared, and a field of
 * another engine's plugin resolves to nothing here.
 *
 * <p>The owner of a field is decided once, by one rule: the protocol it was declared with
 * ({@code r.protocol(P, fields...)}); for fields declared on their own ({@code r.fields},
 * expert items), the registered protocol with the longest filter name that prefixes the field's
 * abbreviation at a dot ({@code tcp.options.mss_val} → {@code tcp}). A protocol owns itself.
 */
final class FieldRegistry {
    private Field[] fields = new Field[0];
    private Protocol[] owners = new Protocol[0];
    private Expert[] experts = new Expert[0];

    void add(Expert x) {
        int id = x.id();
        if (id >= experts.length) {
            experts = Arrays.copyOf(experts, Math.max(id + 1, experts.length * 2));
        }
        experts[id] = x;
    }

    /** The expert definition with id {@code id}, or {@code null} when this engine did not register it. */
    Expert expert(int id) {
        Expert[] a = experts;
        return id >= 0 && id < a.length ? a[id] : null;
    }

    void add(Field f, Protocol owner) {
        int id = f.id();
        if (id >= fields.length) {
            int n = Math.max(id + 1, fields.length * 2);
            fields = Arrays.copyOf(fields, n);
            owners = Arrays.copyOf(owners, n);
        }
        fields[id] = f;
        owners[id] = owner;
    }

    /** The field with id {@code id}, or {@code null} when this engine did not register it. */
    Field field(int id) {
        Field[] a = fields;
        return id >= 0 && id < a.length ? a[id] : null;
    }

    /** The protocol owning the field with id {@code id} (itself for a protocol field), or {@code null}. */
    Protocol owner(int id) {
        Protocol[] a = owners;
        return id >= 0 && id < a.length ? a[id] : null;
    }

    /** The protocol whose protocol field is {@code f}, or {@code null} when {@code f} is not one. */
    Protocol protocolOf(Field f) {
        Protocol p = owner(f.id());
        return p != null && p.field() == f ? p : null;
    }

    private HeaderOnly[] headerOnly = new HeaderOnly[0];

    /** Declares the fields {@code protocol} records from its header alone. */
    void headerFields(Protocol protocol, Field... fields) {
        int id = protocol.field().id();
        if (id >= headerOnly.length) {
            headerOnly = Arrays.copyOf(headerOnly, Math.max(id + 1, headerOnly.length * 2));
        }
        HeaderOnly h = headerOnly[id];
        if (h == null) {
            h = new HeaderOnly(id);
            headerOnly[id] = h;
        }
        h.declare(protocol.field());
        for (Field f : fields) {
            h.declare(f);
        }
    }

    /** The header-only declaration of the protocol with protocol field id {@code id}, or {@code null}. */
    HeaderOnly headerOnly(int id) {
        HeaderOnly[] a = headerOnly;
        return id >= 0 && id < a.length ? a[id] : null;
    }

    /** One more than the highest id registered: arrays indexed by field id need this many slots. */
    int limit() {
        return fields.length;
    }
}
