package org.dissect4j.api;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /**
     * A handle for a heuristic dissector of {@code protocol}, to add to heuristic lists
     * ({@code r.heuristics("tcp").add(shortName, ...)}) in {@link DissectorPlugin#handoff}. Unlike
     * {@link #dissector(String, Protocol, Dissector)} it is not a named dissector: Decode As does not
     * offer it and {@link #dissector(String)} does not find it. The dissector returns 0 for "not mine"
     * and must then leave no trace (the engine rolls back what it recorded).
     */
    DissectorHandle heuristic(String shortName, Protocol protocol, Dissector dissector);

    /** Declares an integer-keyed dissector table, e.g. {@code tcp.port}. */
    DissectorTable newTable(String name, String uiName, FieldType keyType, Base base);

    /** Declares a string-keyed dissector table. */
    DissectorTable newStringTable(String name, String uiName);

    /** Declares a heuristic list, e.g. {@code tcp}. */
    HeuristicList newHeuristicList(String name, String uiName);

    /**
     * A table declared by anyone (use it in {@link DissectorPlugin#handoff}).
     *
     * @throws PluginException when no plugin declares it, naming this plugin: for a table the plugin
     *     cannot work without; {@link #findTable} is for optional wiring
     */
    DissectorTable table(String name);

    /** A table declared by anyone, if one is: wiring that is optional (TCP is not loaded, a test engine). */
    Optional<DissectorTable> findTable(String name);

    /**
     * A heuristic list declared by anyone.
     *
     * @throws PluginException when no plugin declares it; {@link #findHeuristics} is for optional wiring
     */
    HeuristicList heuristics(String name);

    /** A heuristic list declared by anyone, if one is. */
    Optional<HeuristicList> findHeuristics(String name);

    /** A dissector registered by anyone under {@code name}. */
    DissectorHandle dissector(String name);

    /**
     * Declares data this plugin keeps per conversation (TCP connection, UDP address/port pair), made
     * by {@code factory} on first use and dropped when the transport forgets the conversation.
     */
    <T> ConversationData<T> conversationData(String name, Supplier<? extends T> factory);

    /** As {@link #conversationData(String, Supplier)}, calling {@code onRelease} with a value when it is dropped. */
    <T> ConversationData<T> conversationData(String name, Supplier<? extends T> factory, Consumer<? super T> onRelease);

    /** User settings ({@code -o name:value}) for dissectors' preferences. */
    Settings settings();
}
