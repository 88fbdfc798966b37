package org.dissect4j.api;

/**
 * What a {@link DissectorPlugin} registers with. Errors (a field name already taken, an unknown
 * table) are thrown as {@link PluginException} naming the plugin.
 */
public interface Registrar {
    /** Declares a protocol and its fields. */
    void protocol(Protocol protocol, Field... fields);

    /** Declares more fields (of a protocol declared before). */
    void fields(Field... fields);

    /** Declares expert items; their names become filterable fields. */
    void experts(Expert... experts);

    /** Registers a named dissector for {@code protocol}, callable by name and usable in Decode As. */
    DissectorHandle dissector(String name, Protocol protocol, Dissector dissector);

    /** Declares an integer-keyed dissector table, e.g. {@code tcp.port}. */
    DissectorTable newTable(String name, String uiName, FieldType keyType, Base base);

    /** Declares a string-keyed dissector table. */
    DissectorTable newStringTable(String name, String uiName);

    /** Declares a heuristic list, e.g. {@code tcp}. */
    HeuristicList newHeuristicList(String name, String uiName);

    /** A table declared by anyone (use it in {@link DissectorPlugin#handoff}). */
    DissectorTable table(String name);

    /** A heuristic list declared by anyone. */
    HeuristicList heuristics(String name);

    /** A dissector registered by anyone under {@code name}. */
    DissectorHandle dissector(String name);

    /** User settings ({@code -o name:value}) for dissectors' preferences. */
    Settings settings();
}
