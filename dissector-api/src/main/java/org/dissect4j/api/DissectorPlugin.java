package org.dissect4j.api;

/**
 * The service a plugin provides ({@code provides org.dissect4j.api.DissectorPlugin with ...} in its
 * {@code module-info.java}, and the same class in {@code META-INF/services} for class-path use).
 *
 * <p>Registration has two phases, as in Wireshark: every plugin first {@link #register declares}
 * its protocols, fields, expert items, named dissectors, tables and heuristic lists; only then is
 * every plugin asked to {@link #handoff wire} its dissectors into other protocols' tables. So a
 * lower layer never names an upper one, and plugin order does not matter.
 *
 * <p>The engine creates one plugin instance per {@link Engine}; state kept by the dissectors it
 * registers (conversations) belongs to that engine.
 */
public interface DissectorPlugin {
    /** The API version this build of dissector-api implements. */
    int API_VERSION = 1;

    /**
     * The API version the plugin was compiled against. Implement it as
     * {@code return DissectorPlugin.API_VERSION;} — the constant is inlined when the plugin is
     * compiled, so the engine can refuse a plugin built for another version.
     *
     * @return the value of {@link #API_VERSION} the plugin was compiled with
     */
    int apiVersion();

    /**
     * A short name for listings and messages, e.g. {@code mqtt}.
     *
     * @return the plugin's name
     */
    String name();

    /**
     * Phase 1: declare protocols, fields, expert items, dissectors, tables and heuristic lists.
     * Tables and lists of other plugins may not exist yet; use them in {@link #handoff}.
     *
     * @param r the registrar for this plugin; a registration error throws {@link PluginException}
     */
    void register(Registrar r);

    /**
     * Phase 2: add dissectors to tables and heuristic lists declared by anyone. Called after every
     * plugin's {@link #register}; does nothing by default.
     *
     * @param r the registrar for this plugin
     */
    default void handoff(Registrar r) {
    }
}
