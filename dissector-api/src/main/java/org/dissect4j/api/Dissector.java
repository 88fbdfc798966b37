package org.dissect4j.api;

/**
 * Decodes one protocol layer of a packet and hands the rest on.
 *
 * <p>{@code dissect} gets the {@link Packet} (checked reads, the {@link Tree}, columns, hand-off
 * helpers) and the layer's bytes: {@code offset} into the packet's current data source and the
 * {@code length} the layer below declared for it (what was <em>captured</em> may be less:
 * {@link Packet#captured(int)}). It returns the number of bytes it consumed, or 0 for
 * "not my protocol": the engine then rolls back the nodes, protocol and Protocol column it recorded
 * (not the Info column, which it would have to copy: a dissector decides before it writes Info, as
 * Wireshark's heuristics do), and the caller tries the next candidate.
 *
 * <p>Implementations must not allocate per packet; reading past the data throws the preallocated
 * {@link PacketBoundsException}, which the caller turns into a truncated/malformed mark.
 * One instance serves one {@link Engine}; conversation state lives in its fields.
 */
@FunctionalInterface
public interface Dissector {
    /**
     * Dissects one layer.
     *
     * @param packet the packet being dissected (reused for every frame; valid during this call only)
     * @param offset where the layer starts in the packet's current data source ({@link Packet#source()})
     * @param length the bytes the layer below declared for this layer; fewer may be captured
     *     ({@link Packet#captured(int)})
     * @return the bytes consumed, or 0 for "not my protocol" (the engine then rolls back the nodes,
     *     protocol and Protocol column this call recorded); a negative value counts as 0
     */
    int dissect(Packet packet, int offset, int length);
}
