package org.dissect4j.api;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a {@link DissectorPlugin} registers with. Errors (a field name already taken, an unknown
 * table) are thrown as {@link PluginException} naming the plugin.
 */
public interface Registrar {
    /**
     * Declares a protocol and its fields; the protocol owns them (for the header-only rule and
     * outputs, see {@link Engine#protocolOf}).
     *
     * @param protocol the protocol
     * @param fields its fields
     * @throws PluginException when another plugin registered the protocol's filter name or a field's name
     */
    void protocol(Protocol protocol, Field... fields);

    /**
     * Declares more fields (of a protocol declared before); each is owned by the registered protocol
     * whose filter name is the longest dotted prefix of the field's name.
     *
     * @param fields the fields
     * @throws PluginException when another plugin registered a field of the same name
     */
    void fields(Field... fields);

    /**
     * Declares the fields {@code protocol}'s dissector records from its header alone, without
     * connection state or hand-offs (TCP: ports, flags, raw sequence numbers, checksum). When the
     * run wants nothing else of the protocol or the layers after it, {@link Packet#wantsOnlyHeader()}
     * tells the dissector so, and it may take that short path; the fields declared here must come out
     * the same on both paths.
     *
     * @param protocol a protocol this plugin declared
     * @param fields its header fields (the protocol's own field is included by itself)
     */
    void headerFields(Protocol protocol, Field... fields);

    /**
     * Declares expert items; their names become filterable fields (owned like {@link #fields}).
     *
     * @param experts the expert items
     */
    void experts(Expert... experts);

    /**
     * Registers a named dissector for {@code protocol}, callable by name and usable in Decode As.
     *
     * @param name the name, unique in the engine (e.g. {@code mqtt}); the name {@code frame} makes it
     *     the root dissector of every frame
     * @param protocol the protocol it decodes (added to the chain when it is called), or {@code null}
     * @param dissector the code; one instance serves the engine
     * @return the handle, to add to tables or call with {@link Packet#call}
     * @throws PluginException when the name is registered already
     */
    DissectorHandle dissector(String name, Protocol protocol, Dissector dissector);

    /**
     * A handle for a heuristic dissector of {@code protocol}, to add to heuristic lists
     * ({@code r.heuristics("tcp").add(shortName, ...)}) in {@link DissectorPlugin#handoff}. Unlike
     * {@link #dissector(String, Protocol, Dissector)} it is not a named dissector: Decode As does not
     * offer it and {@link #dissector(String)} does not find it. The dissector returns 0 for "not mine"
     * (the engine rolls back the nodes, protocol and Protocol column it recorded; write the Info
     * column only once the data is recognised).
     *
     * @param shortName the heuristic's short name, e.g. {@code mqtt_tcp}
     * @param protocol the protocol it decodes
     * @param dissector the code
     * @return a new handle (not registered anywhere until added to a list)
     */
    DissectorHandle heuristic(String shortName, Protocol protocol, Dissector dissector);

    /**
     * Declares an integer-keyed dissector table, e.g. {@code tcp.port}.
     *
     * @param name the table's name, unique in the engine
     * @param uiName the name for listings
     * @param keyType the key's integer type (shown in listings)
     * @param base how keys are shown
     * @return the new table
     * @throws PluginException when a table of that name exists
     */
    DissectorTable newTable(String name, String uiName, FieldType keyType, Base base);

    /**
     * Declares a string-keyed dissector table.
     *
     * @param name the table's name, unique in the engine
     * @param uiName the name for listings
     * @return the new table
     * @throws PluginException when a table of that name exists
     */
    DissectorTable newStringTable(String name, String uiName);

    /**
     * Declares a heuristic list, e.g. {@code tcp}.
     *
     * @param name the list's name, unique in the engine
     * @param uiName the name for listings
     * @return the new list
     * @throws PluginException when a list of that name exists
     */
    HeuristicList newHeuristicList(String name, String uiName);

    /**
     * A table declared by anyone (use it in {@link DissectorPlugin#handoff}).
     *
     * @param name the table's name
     * @return the table
     * @throws PluginException when no plugin declares it, naming this plugin: for a table the plugin
     *     cannot work without; {@link #findTable} is for optional wiring
     */
    DissectorTable table(String name);

    /**
     * A table declared by anyone, if one is: wiring that is optional (TCP is not loaded, a test engine).
     *
     * @param name the table's name
     * @return the table, or empty
     */
    Optional<DissectorTable> findTable(String name);

    /**
     * A heuristic list declared by anyone.
     *
     * @param name the list's name
     * @return the list
     * @throws PluginException when no plugin declares it; {@link #findHeuristics} is for optional wiring
     */
    HeuristicList heuristics(String name);

    /**
     * A heuristic list declared by anyone, if one is.
     *
     * @param name the list's name
     * @return the list, or empty
     */
    Optional<HeuristicList> findHeuristics(String name);

    /**
     * A dissector registered by anyone under {@code name} (in {@link DissectorPlugin#handoff}, when
     * every plugin has registered).
     *
     * @param name the name
     * @return the handle
     * @throws PluginException when no dissector is registered under {@code name}
     */
    DissectorHandle dissector(String name);

    /**
     * Declares data this plugin keeps per conversation (TCP connection, UDP address/port pair), made
     * by {@code factory} on first use and dropped when the transport forgets the conversation.
     *
     * @param <T> the type of the value
     * @param name a name unique in the engine, e.g. {@code mqtt.session}
     * @param factory makes the value for a new conversation
     * @return the slot; keep it in the plugin or its dissector
     * @throws PluginException when the name is declared already
     */
    <T> ConversationData<T> conversationData(String name, Supplier<? extends T> factory);

    /**
     * As {@link #conversationData(String, Supplier)}, calling {@code onRelease} with a value when it is dropped.
     *
     * @param <T> the type of the value
     * @param name a name unique in the engine
     * @param factory makes the value for a new conversation
     * @param onRelease called with the value when the transport forgets the conversation
     * @return the slot
     * @throws PluginException when the name is declared already
     */
    <T> ConversationData<T> conversationData(String name, Supplier<? extends T> factory, Consumer<? super T> onRelease);

    /**
     * User settings ({@code -o name:value}) for dissectors' preferences; read them in
     * {@link DissectorPlugin#register}, not per packet.
     *
     * @return the engine's settings
     */
    Settings settings();

    /**
     * Asks for decryption secrets of one type (Wireshark's {@code secrets_register_type}): what an application hands
     * the engine with {@link Engine#addSecrets} (a pcapng Decryption Secrets Block, a key log given through the Java
     * API) is passed to {@code sink} on the engine's thread, before the frames that need it are dissected.
     *
     * @param type the secrets type, as pcapng numbers it ({@code 0x544c534b} is a TLS key log)
     * @param sink takes the secrets' bytes (the array is the caller's: copy what must be kept)
     */
    void secrets(long type, Consumer<byte[]> sink);
}
