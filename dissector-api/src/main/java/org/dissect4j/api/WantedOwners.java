package org.dissect4j.api;

/**
 * What a tree's wanted set means per protocol, by the engine's one ownership rule ({@link FieldRegistry}):
 * each wanted field with the protocol that owns it, and which protocols own a wanted field. Made once per
 * change of the wanted set ({@link Tree#want}, {@link Tree#clearWants}), never per packet.
 */
final class WantedOwners {
    /** {@code [0][i]}: a wanted field id; {@code [1][i]}: its owner's protocol field id, -1 when unknown or whole-packet. */
    final int[][] fieldsAndOwners;
    /** By protocol field id: the protocol owns a wanted field. */
    private final boolean[] protocolsWanted;
    /** A wanted field has no known owner, so every protocol counts as wanted. */
    private final boolean ownerUnknown;

    WantedOwners(long[] wanted, FieldRegistry registry) {
        int count = 0;
        for (long w : wanted) {
            count += Long.bitCount(w);
        }
        int[] ids = new int[count];
        int[] own = new int[count];
        boolean[] protocols = new boolean[Field.idLimit()];
        boolean unknown = false;
        int i = 0;
        for (int w = 0; w < wanted.length; w++) {
            for (long bits = wanted[w]; bits != 0; bits &= bits - 1) {
                int id = w * 64 + Long.numberOfTrailingZeros(bits);
                Field f = registry.field(id);
                Protocol owner = registry.owner(id);
                ids[i] = id;
                own[i++] = f == null || f.wholePacket() || owner == null ? -1 : owner.field().id();
                if (owner == null) {
                    unknown = true;
                } else if (owner.field().id() < protocols.length) {
                    protocols[owner.field().id()] = true;
                }
            }
        }
        fieldsAndOwners = new int[][] {ids, own};
        protocolsWanted = protocols;
        ownerUnknown = unknown;
    }

    /** Whether {@code pr} owns a wanted field (or some wanted field's owner is unknown). */
    boolean wantsAnyOf(Protocol pr) {
        int id = pr.field().id();
        return ownerUnknown || id < protocolsWanted.length && protocolsWanted[id];
    }
}
