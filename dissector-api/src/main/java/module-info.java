/**
 * The dissect4j plugin SPI and dissection engine: fields and protocols, dissector tables and
 * heuristic lists, the per-packet {@link org.dissect4j.api.Tree}, expert info, and the
 * {@link org.dissect4j.api.Engine} that finds {@link org.dissect4j.api.DissectorPlugin}s.
 */
module org.dissect4j.api {
    exports org.dissect4j.api;

    uses org.dissect4j.api.DissectorPlugin;
}
