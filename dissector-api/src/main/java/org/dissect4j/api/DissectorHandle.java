package org.dissect4j.api;

/**
 * A registered dissector: its name (used by Decode As, e.g. {@code tls}), the protocol it decodes
 * and the code. Tables and heuristic lists hold handles; calling one through
 * {@link Packet#call(DissectorHandle, int, int)} adds the protocol to {@code frame.protocols}
 * and sets the Protocol column.
 */
public record DissectorHandle(String name, Protocol protocol, Dissector dissector) {
}
