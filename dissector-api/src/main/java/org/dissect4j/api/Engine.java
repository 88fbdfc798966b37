package org.dissect4j.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Drives dissection: holds what the plugins registered (protocols, fields, tables, heuristic lists,
 * named dissectors) and dissects one {@link Frame} at a time into its reused {@link Tree}.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().build();          // finds plugins with ServiceLoader
 * engine.tree().want(engine.field("tcp.srcport"));    // prime what you will read
 * Packet p = engine.dissect(frame);
 * long port = p.tree().valueOr(field, -1);
 * }</pre>
 *
 * <p>Dissection starts at the dissector named {@code frame} (or, without one, at the
 * {@code link.type} table). An unexpected exception inside a dissector is caught once per frame
 * and shown as a dissector bug on that frame; the next frame is unaffected.
 *
 * <p><b>Threads.</b> An engine, its {@link #tree()} and the {@link Packet} it returns are not
 * thread-safe: make one engine per thread. The first thread that calls {@link #dissect} owns the
 * engine; a call from any other thread throws {@link IllegalStateException} instead of mixing two
 * threads' packets into one tree. To move an engine to another thread on purpose (with a
 * happens-before edge, e.g. through a queue), the owner calls {@link #release()} first. Frames
 * handed between threads are copied with {@link Frame#copy()}.
 */
public final class Engine {
    /** The table of link-layer dissectors keyed by pcap {@code LINKTYPE_*}. */
    public static final String LINK_TYPE_TABLE = "link.type";

    final Settings settings;
    final Map<String, List<Field>> fieldsByName = new LinkedHashMap<>();
    final List<Protocol> protocols = new ArrayList<>();
    final Map<String, Protocol> protocolsByName = new LinkedHashMap<>();
    final Map<String, DissectorTable> tables = new LinkedHashMap<>();
    final Map<String, HeuristicList> heuristicLists = new LinkedHashMap<>();
    final Map<String, DissectorHandle> handles = new LinkedHashMap<>();
    final List<PluginInfo> plugins = new ArrayList<>();
    final List<Expert> experts = new ArrayList<>();
    private boolean[] disabledProtocols = new boolean[0];
    final FieldRegistry registry = new FieldRegistry();
    final List<ConversationData<?>> conversationData = new ArrayList<>();
    /** Who asked for decryption secrets, by secrets type ({@link Registrar#secrets}). */
    final Map<Long, List<java.util.function.Consumer<byte[]>>> secretSinks = new java.util.HashMap<>();
    private ConversationData<?>[] conversationDataArray = new ConversationData<?>[0];
    private final Tree tree = new Tree(registry);
    private final Packet packet;
    private final DissectorHandle dataHandle;
    private DissectorHandle root;
    private DissectorTable linkTypes;
    private boolean columns;

    private Engine(Settings settings) {
        this.settings = settings;
        this.packet = new Packet(this, tree);
        EngineRegistrar core = new EngineRegistrar(this, "dissect4j engine");
        core.protocol(EngineFields.MALFORMED);
        core.experts(EngineFields.MALFORMED_EXPERT, EngineFields.DISSECTOR_BUG);
        core.fields(EngineFields.BUG_MESSAGE);
        core.protocol(EngineFields.SHORT);
        core.protocol(EngineFields.EXPERT, EngineFields.EXPERT_MESSAGE, EngineFields.EXPERT_GROUP, EngineFields.EXPERT_SEVERITY);
        core.protocol(EngineFields.DATA, EngineFields.DATA_DATA, EngineFields.DATA_LEN);
        this.dataHandle = core.dissector("data", EngineFields.DATA, EngineFields.DATA_DISSECTOR);
        core.newTable(LINK_TYPE_TABLE, "Link type (pcap LINKTYPE_*)", FieldType.UINT32, Base.DEC);
    }

    /**
     * An engine with the plugins found by {@link ServiceLoader} and the default settings; the same as
     * {@code Engine.builder().build()}.
     *
     * @return a new engine
     * @throws PluginException when no plugin is found, or a plugin cannot be loaded or registered
     */
    public static Engine load() {
        return builder().build();
    }

    /**
     * Starts configuring an engine.
     *
     * @return a new builder (discovery on, default settings)
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---- dissection --------------------------------------------------------------------------

    /**
     * Whether dissectors compose the summary columns (Protocol, Info). Off by default. Takes
     * effect at the next {@link #dissect}.
     *
     * @param on {@code true} to compose the columns
     */
    public void columns(boolean on) {
        this.columns = on;
    }

    /**
     * Whether dissectors compose the summary columns.
     *
     * @return the value last set with {@link #columns(boolean)}; {@code false} by default
     */
    public boolean columns() {
        return columns;
    }

    private boolean keepState;

    /**
     * Dissectors keep their per-connection state even when nothing wanted needs it (no
     * {@link Packet#wantsOnlyHeader} shortcut): for a first pass that only builds state for a
     * second one ({@code -2}). Off by default.
     *
     * @param on {@code true} to make {@link Packet#wantsOnlyHeader} always answer {@code false}
     */
    public void keepState(boolean on) {
        this.keepState = on;
    }

    /**
     * Whether dissectors are asked to keep their state whatever is wanted.
     *
     * @return the value last set with {@link #keepState(boolean)}; {@code false} by default
     */
    public boolean keepsState() {
        return keepState;
    }

    /**
     * The Tree every frame is dissected into (prime its wanted fields before the first frame).
     * The same object for the engine's life; it belongs to the engine's thread.
     *
     * @return the engine's tree
     */
    public Tree tree() {
        return tree;
    }

    /**
     * Dissects {@code frame} into {@link #tree()} and returns the packet state (valid until the next
     * call). The same as {@code dissect(frame, false)}.
     *
     * @param frame the frame; its bytes must stay valid during the call (the tree refers to them
     *     until the next frame is dissected)
     * @return the engine's one {@link Packet}, reused for every frame
     * @throws IllegalStateException when another thread owns this engine (see {@link #release()})
     */
    public Packet dissect(Frame frame) {
        return dissect(frame, false);
    }

    /**
     * Dissects {@code frame}; {@code secondPass} tells dissectors that they saw it before ({@code -2}).
     * Dissection starts at the dissector named {@code frame}, else at the {@link #LINK_TYPE_TABLE}
     * entry for {@link Frame#linkType()} (undissected bytes become {@code data}). A
     * {@link RuntimeException} or {@link StackOverflowError} thrown by a dissector is recorded on
     * this frame as a dissector bug and not rethrown. The first call makes the calling thread the
     * owner of the engine.
     *
     * @param frame the frame; its bytes must stay valid until the next frame is dissected, since
     *     the tree's nodes refer to them
     * @param secondPass {@code true} when this frame was dissected before ({@link Packet#visited()})
     * @return the engine's one {@link Packet}, reused for every frame: valid until the next call
     * @throws IllegalStateException when another thread owns this engine (see {@link #release()})
     */
    public Packet dissect(Frame frame, boolean secondPass) {
        if (Thread.currentThread() != owner) {
            claim();
        }
        Packet p = packet;
        p.start(frame, columns, secondPass);
        try {
            if (root != null) {
                p.call(root, 0, Math.max(frame.originalLength(), frame.capturedLength()));
            } else if (p.callTable(linkTypes, frame.linkType(), 0, frame.capturedLength()) == 0) {
                p.callData(0, frame.capturedLength());
            }
        } catch (RuntimeException | StackOverflowError e) {
            p.markBug(e instanceof RuntimeException re ? re : new IllegalStateException("stack overflow", e));
        }
        return p;
    }

    // The thread that dissects with this engine: a plain read on every frame, a compare-and-set
    // only when the reader is not the owner (first call, or a second thread, which then fails).
    private Thread owner;
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(Engine.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private void claim() {
        Thread me = Thread.currentThread();
        if (!OWNER.compareAndSet(this, null, me)) {
            Thread other = (Thread) OWNER.getVolatile(this);
            if (other != me) {
                throw new IllegalStateException("this Engine is in use by thread \"" + (other == null ? "?" : other.getName())
                        + "\" and was called from thread \"" + me.getName() + "\": an engine, its Tree and Packet are not"
                        + " thread-safe; build one engine per thread (Engine.load()), or call release() on the owner first");
            }
        }
    }

    /**
     * Gives up this thread's ownership: the next thread that calls {@link #dissect} owns the engine.
     * Call it from the owning thread before handing the engine over (through something that gives a
     * happens-before edge, such as a queue). Calling it when no thread owns the engine does nothing.
     *
     * @throws IllegalStateException when another thread owns the engine
     */
    public void release() {
        Thread me = Thread.currentThread();
        if (!OWNER.compareAndSet(this, me, null) && OWNER.getVolatile(this) != null) {
            throw new IllegalStateException("release() called from thread \"" + me.getName() + "\", which does not own this Engine");
        }
    }

    /**
     * Tells the engine that the frame just dissected was displayed (it passed the display filter),
     * so that {@code frame.time_delta_displayed} of later frames counts from it.
     *
     * @param frame the frame that was displayed (its timestamp is kept)
     */
    public void displayed(Frame frame) {
        previousDisplayed = frame.timestampNanos();
        displayedCount++;
    }

    /**
     * Timestamp of the last frame passed to {@link #displayed}.
     *
     * @return nanoseconds since the epoch, or {@link Long#MIN_VALUE} before the first
     */
    public long previousDisplayedTimestamp() {
        return previousDisplayed;
    }

    /**
     * Sets the timestamp {@code frame.time_delta_displayed} of the next frame counts from, for a
     * worker of a parallel dissection, which learns which earlier frames were displayed from the
     * other workers instead of through {@link #displayed}.
     *
     * @param timestampNanos the last displayed frame's timestamp, or {@link Long#MIN_VALUE} when no
     *     frame was displayed yet
     */
    public void previousDisplayedTimestamp(long timestampNanos) {
        previousDisplayed = timestampNanos;
    }

    /**
     * How many frames were displayed so far.
     *
     * @return the number of calls of {@link #displayed}
     */
    public long displayedCount() {
        return displayedCount;
    }

    private long previousDisplayed = Long.MIN_VALUE;
    private long displayedCount;

    DissectorHandle dataHandle() {
        return dataHandle;
    }

    boolean disabled(DissectorHandle h) {
        Protocol pr = h.protocol();
        return pr != null && disabled(pr);
    }

    boolean disabled(Protocol pr) {
        boolean[] d = disabledProtocols;
        int id = pr.field().id();
        return id < d.length && d[id];
    }

    // ---- registry ----------------------------------------------------------------------------

    /**
     * The field (or protocol) named {@code abbrev}; when several fields share a name, the first.
     *
     * @param abbrev the filter name, e.g. {@code tcp.srcport}
     * @return the field
     * @throws IllegalArgumentException when no loaded plugin declares it (the message names the
     *     field and the plugins that were loaded); {@link #findField} asks without throwing
     */
    public Field field(String abbrev) {
        List<Field> l = fieldsByName.get(abbrev);
        if (l == null) {
            throw new IllegalArgumentException(unknownField(abbrev));
        }
        return l.get(0);
    }

    /**
     * The field (or protocol) named {@code abbrev}, if a loaded plugin declares it; when several
     * fields share a name, the first.
     *
     * @param abbrev the filter name
     * @return the field, or empty
     */
    public Optional<Field> findField(String abbrev) {
        List<Field> l = fieldsByName.get(abbrev);
        return l == null ? Optional.empty() : Optional.of(l.get(0));
    }

    private String unknownField(String abbrev) {
        StringBuilder sb = new StringBuilder("no field named \"").append(abbrev).append("\" (")
                .append(plugins.size()).append(plugins.size() == 1 ? " plugin" : " plugins").append(" loaded");
        for (int i = 0; i < plugins.size(); i++) {
            sb.append(i == 0 ? ": " : ", ").append(plugins.get(i).name());
        }
        sb.append(')');
        if (plugins.isEmpty()) {
            sb.append("; no dissectors are on the class path: depend on org.dissect4j:dissect4j-all, or add plugins to Engine.builder()");
        }
        return sb.toString();
    }

    /**
     * All fields named {@code abbrev} (Wireshark allows several fields with one name).
     *
     * @param abbrev the filter name
     * @return the fields in registration order, empty when there is none; do not modify
     */
    public List<Field> fields(String abbrev) {
        return fieldsByName.getOrDefault(abbrev, List.of());
    }

    /**
     * Every registered field and protocol field, grouped by name in the order the names were first
     * registered.
     *
     * @return a new list
     */
    public Collection<Field> fields() {
        List<Field> out = new ArrayList<>();
        for (List<Field> l : fieldsByName.values()) {
            out.addAll(l);
        }
        return out;
    }

    /**
     * The protocol that owns a field (itself for protocol fields), or {@code null}: the protocol the
     * field was declared with, else the registered protocol whose filter name is the longest dotted
     * prefix of the field's. Decided once at registration; every output and filter uses this answer.
     *
     * @param f the field
     * @return the owner, or {@code null} when this engine did not register {@code f} or no protocol owns it
     */
    public Protocol protocolOf(Field f) {
        Field known = registry.field(f.id());
        return known == f ? registry.owner(f.id()) : null;
    }

    /**
     * A holder for the per-conversation data every plugin declared ({@link ConversationData}): a
     * transport makes one per conversation it creates (once per connection, not per packet).
     * Allocates the holder, unless no plugin declared any data: then one shared empty holder is
     * returned. The values are made on first use.
     *
     * @return an empty conversation
     */
    public Conversation newConversation() {
        // with no plugin data declared, one shared empty holder: transports allocate nothing per conversation
        return conversationDataArray.length == 0 ? noConversationData : new Conversation(conversationDataArray);
    }

    private final Conversation noConversationData = new Conversation(new ConversationData<?>[0]);

    /**
     * The field with id {@code id} among this engine's fields, or {@code null}.
     *
     * @param id a {@link Field#id()}
     * @return the field, or {@code null} when this engine did not register one with that id
     */
    public Field fieldById(int id) {
        return registry.field(id);
    }

    /**
     * Every registered protocol, in registration order (the engine's own first).
     *
     * @return an unmodifiable view
     */
    public List<Protocol> protocols() {
        return Collections.unmodifiableList(protocols);
    }

    /**
     * The protocol with filter name {@code filterName}.
     *
     * @param filterName e.g. {@code tcp}
     * @return the protocol, or {@code null} when none is registered under that name
     */
    public Protocol protocol(String filterName) {
        return protocolsByName.get(filterName);
    }

    /**
     * Every declared dissector table, in declaration order.
     *
     * @return an unmodifiable view
     */
    public Collection<DissectorTable> tables() {
        return Collections.unmodifiableCollection(tables.values());
    }

    /**
     * The dissector table named {@code name}.
     *
     * @param name e.g. {@code tcp.port}
     * @return the table, or {@code null} when none is declared under that name
     */
    public DissectorTable table(String name) {
        return tables.get(name);
    }

    /**
     * Every declared heuristic list, in declaration order.
     *
     * @return an unmodifiable view
     */
    public Collection<HeuristicList> heuristicLists() {
        return Collections.unmodifiableCollection(heuristicLists.values());
    }

    /**
     * A dissector registered under {@code name}, or {@code null}.
     *
     * @param name e.g. {@code tls}
     * @return the handle, or {@code null}
     */
    public DissectorHandle dissector(String name) {
        return handles.get(name);
    }

    /**
     * Every named dissector, in registration order (heuristic handles are not named and not listed).
     *
     * @return an unmodifiable view
     */
    public Collection<DissectorHandle> dissectors() {
        return Collections.unmodifiableCollection(handles.values());
    }

    /**
     * The loaded plugins ({@code -G plugins}), in load order: explicit ones, then discovered ones,
     * then those of the plugins folders.
     *
     * @return an unmodifiable view
     */
    public List<PluginInfo> plugins() {
        return Collections.unmodifiableList(plugins);
    }

    /**
     * Every declared expert item, in declaration order.
     *
     * @return an unmodifiable view
     */
    public List<Expert> experts() {
        return Collections.unmodifiableList(experts);
    }

    /**
     * Hands decryption secrets to the plugins that asked for their type ({@link Registrar#secrets}): a pcapng
     * Decryption Secrets Block, or a TLS key log an application holds in memory
     * ({@code engine.addSecrets(0x544c534bL, keyLogText.getBytes(US_ASCII))}). Frames dissected afterwards can use
     * them; call it on the engine's thread, between frames.
     *
     * @param type the secrets type as pcapng numbers it ({@code 0x544c534b}, "TLSK": an NSS key log)
     * @param data the secrets (not kept: the plugins copy what they need)
     * @return whether a plugin takes secrets of this type
     */
    public boolean addSecrets(long type, byte[] data) {
        List<java.util.function.Consumer<byte[]>> sinks = secretSinks.get(type);
        if (sinks == null) {
            return false;
        }
        for (java.util.function.Consumer<byte[]> s : sinks) {
            s.accept(data);
        }
        return true;
    }

    /**
     * The settings the engine was built with (dissector preferences).
     *
     * @return the settings object, shared with the plugins' {@link Registrar#settings()}
     */
    public Settings settings() {
        return settings;
    }

    /**
     * Decode As: data that {@code table} would look up under {@code key} is decoded by the dissector
     * named {@code dissectorName} ({@code -d tcp.port==8443,tls}). Set it before dissecting.
     *
     * @param table the table's name
     * @param key the key; for an integer table a number as {@link Long#decode} reads it ({@code 8443},
     *     {@code 0x20fb})
     * @param dissectorName the name of a registered dissector
     * @throws IllegalArgumentException when the table or dissector is unknown, or the key is not a number
     *     for an integer table
     */
    public void decodeAs(String table, String key, String dissectorName) {
        DissectorTable t = tables.get(table);
        if (t == null) {
            throw new IllegalArgumentException("no dissector table \"" + table + "\"; see -G dissector-tables");
        }
        DissectorHandle h = handles.get(dissectorName);
        if (h == null) {
            throw new IllegalArgumentException("no dissector \"" + dissectorName + "\" for Decode As; known: "
                    + String.join(", ", t.decodeAsChoices().stream().map(DissectorHandle::name).toList()));
        }
        if (t.isStringTable()) {
            t.decodeAs(key, h);
        } else {
            long k;
            try {
                k = Long.decode(key.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Decode As " + table + ": \"" + key + "\" is not a number");
            }
            t.decodeAs(k, h);
        }
    }

    /**
     * Turns a protocol's dissection off or on ({@code --disable-protocol}): a disabled protocol's
     * handles are not called (the hand-off returns 0). Set it before dissecting.
     *
     * @param filterName the protocol's filter name
     * @param on {@code false} to disable
     * @throws IllegalArgumentException when no protocol has that name
     */
    public void enableProtocol(String filterName, boolean on) {
        Protocol pr = protocolsByName.get(filterName);
        if (pr == null) {
            throw new IllegalArgumentException("no protocol \"" + filterName + "\"");
        }
        int id = pr.field().id();
        if (id >= disabledProtocols.length) {
            disabledProtocols = java.util.Arrays.copyOf(disabledProtocols, Math.max(id + 1, Field.idLimit()));
        }
        disabledProtocols[id] = !on;
    }

    /**
     * Turns a heuristic ({@code tls_tcp}, {@code http_tcp}...) on or off in the first list that has it.
     *
     * @param shortName the heuristic's short name ({@link HeuristicList#add})
     * @param on {@code true} to enable
     * @throws IllegalArgumentException when no heuristic list has an entry with that name
     */
    public void enableHeuristic(String shortName, boolean on) {
        for (HeuristicList l : heuristicLists.values()) {
            for (HeuristicList.Entry e : l.entries()) {
                if (e.shortName().equals(shortName)) {
                    e.enabled(on);
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no heuristic dissector \"" + shortName + "\"; see -G heuristic-decodes");
    }

    // ---- building ----------------------------------------------------------------------------

    /** Configures and builds an {@link Engine}. */
    public static final class Builder {
        private final List<DissectorPlugin> explicit = new ArrayList<>();
        private final List<Path> pluginDirs = new ArrayList<>();
        private boolean discover = true;
        private Settings settings = new Settings();
        private ClassLoader loader;

        private Builder() {
        }

        /**
         * Adds a plugin instance (in addition to discovered ones). A discovered plugin of the same
         * class is then skipped.
         *
         * @param plugin the plugin
         * @return this builder
         */
        public Builder plugin(DissectorPlugin plugin) {
            explicit.add(plugin);
            return this;
        }

        /**
         * Whether to find plugins with {@link ServiceLoader} on the class and module path (default true).
         * With discovery off and no plugin added, {@link #build()} makes an empty engine.
         *
         * @param on {@code false} to use only explicit plugins and plugins folders
         * @return this builder
         */
        public Builder discover(boolean on) {
            this.discover = on;
            return this;
        }

        /**
         * Also loads the plugin jars in {@code dir} ({@code --plugins DIR}, {@code DISSECT4J_PLUGINS}),
         * in one class loader, in file name order.
         *
         * @param dir a folder of {@code *.jar} files
         * @return this builder
         */
        public Builder pluginsDirectory(Path dir) {
            pluginDirs.add(dir);
            return this;
        }

        /**
         * The class loader ServiceLoader searches (default: the one that loaded dissect4j; in a named
         * module without a loader, the module layer of dissector-api).
         *
         * @param loader the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            this.loader = loader;
            return this;
        }

        /**
         * The dissector preferences the plugins read while they register.
         *
         * @param settings the settings (a new, empty {@link Settings} by default)
         * @return this builder
         */
        public Builder settings(Settings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * Loads every plugin, checks its API version, and registers them in two phases
         * ({@link DissectorPlugin#register} for all, then {@link DissectorPlugin#handoff} for all).
         *
         * @return the engine
         * @throws PluginException naming the culprit: no plugin found while discovery is on, a plugins
         *     folder that does not exist, a plugin built for another API version or that fails to load,
         *     register or hand off
         */
        public Engine build() {
            Engine e = new Engine(settings);
            List<PluginLoader.Loaded> all = PluginLoader.load(explicit, discover, loader, pluginDirs);
            for (PluginLoader.Loaded l : all) {
                int v;
                try {
                    v = l.plugin().apiVersion();
                } catch (LinkageError err) {
                    throw new PluginException("plugin " + l.plugin().getClass().getName() + " (" + l.location()
                            + ") does not fit this dissect4j: " + err, err);
                }
                if (v != DissectorPlugin.API_VERSION) {
                    throw new PluginException("plugin " + l.plugin().name() + " (" + l.location() + ") was built for dissector API "
                            + v + ", but this dissect4j provides API " + DissectorPlugin.API_VERSION
                            + "; rebuild the plugin against dissector-api " + DissectorPlugin.API_VERSION);
                }
                e.plugins.add(new PluginInfo(l.plugin().name(), l.plugin().getClass().getName(), v, l.location()));
            }
            for (PluginLoader.Loaded l : all) {
                try {
                    l.plugin().register(new EngineRegistrar(e, l.describe()));
                } catch (PluginException ex) {
                    throw ex;
                } catch (RuntimeException | LinkageError ex) {
                    throw new PluginException(l.describe() + " failed to register: " + ex, ex);
                }
            }
            for (PluginLoader.Loaded l : all) {
                try {
                    l.plugin().handoff(new EngineRegistrar(e, l.describe()));
                } catch (PluginException ex) {
                    throw ex;
                } catch (RuntimeException | LinkageError ex) {
                    throw new PluginException(l.describe() + " failed to hand off: " + ex, ex);
                }
            }
            e.conversationDataArray = e.conversationData.toArray(new ConversationData<?>[0]);
            e.root = e.handles.get("frame");
            e.linkTypes = e.tables.get(LINK_TYPE_TABLE);
            e.disabledProtocols = new boolean[Field.idLimit()];
            return e;
        }
    }

    final Map<Field, String> fieldOwner = new LinkedHashMap<>();
}
