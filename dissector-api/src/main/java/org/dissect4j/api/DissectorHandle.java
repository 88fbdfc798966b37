package org.dissect4j.api;

/**
 * A registered dissector: its name (used by Decode As, e.g. {@code tls}), the protocol it decodes
 * and the code. Tables and heuristic lists hold handles; calling one through
 * {@link Packet#call(DissectorHandle, int, int)} adds the protocol to {@code frame.protocols}
 * and sets the Protocol column. Make handles with {@link Registrar#dissector(String, Protocol, Dissector)}
 * or {@link Registrar#heuristic}.
 *
 * @param name the name it is registered under ({@link Registrar#dissector(String)}), or a heuristic's short name
 * @param protocol the protocol it decodes, or {@code null} for a dissector that adds no protocol
 *     layer (the caller's Protocol column and protocol chain stay as they are)
 * @param dissector the code
 */
public record DissectorHandle(String name, Protocol protocol, Dissector dissector) {
}
