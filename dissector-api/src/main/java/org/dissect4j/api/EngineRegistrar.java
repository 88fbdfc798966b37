package org.dissect4j.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@link Registrar} handed to one plugin: it writes into the engine's e.registry, and its errors
 * name that plugin ({@code who}).
 */
final class EngineRegistrar implements Registrar {
    private final Engine e;
    private final String who;

    EngineRegistrar(Engine engine, String who) {
        this.e = engine;
        this.who = who;
    }

    @Override
    public void protocol(Protocol protocol, Field... fields) {
        if (e.protocolsByName.containsKey(protocol.filterName())) {
            throw new PluginException(who + " registers protocol \"" + protocol.filterName()
                    + "\", which " + e.fieldOwner.get(e.protocolsByName.get(protocol.filterName()).field()) + " registered already");
        }
        e.protocols.add(protocol);
        e.protocolsByName.put(protocol.filterName(), protocol);
        addField(protocol.field(), protocol);
        for (Field f : fields) {
            addField(f, protocol);
        }
    }

    @Override
    public void fields(Field... fields) {
        for (Field f : fields) {
            addField(f, protocolFor(f.abbrev()));
        }
    }

    @Override
    public void headerFields(Protocol protocol, Field... fields) {
        if (e.protocolsByName.get(protocol.filterName()) != protocol) {
            throw new PluginException(who + " declares header fields of protocol \"" + protocol.filterName()
                    + "\", which is not registered");
        }
        e.registry.headerFields(protocol, fields);
    }

    @Override
    public void experts(Expert... list) {
        for (Expert x : list) {
            if (!e.experts.contains(x)) {
                e.experts.add(x);
                e.registry.add(x);
            }
            if (!e.fieldOwner.containsKey(x.field())) {
                addField(x.field(), protocolFor(x.field().abbrev()));
            }
        }
    }

    private Protocol protocolFor(String abbrev) {
        String s = abbrev;
        while (true) {
            Protocol p = e.protocolsByName.get(s);
            // a protocol registered in name only (a TCP option) is a field of the protocol around it, never an owner
            if (p != null && !p.hasBytesValue()) {
                return p;
            }
            int dot = s.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            s = s.substring(0, dot);
        }
    }

    private void addField(Field f, Protocol p) {
        String owner = e.fieldOwner.get(f);
        if (owner != null) {
            if (owner.equals(who)) {
                return;
            }
            throw new PluginException(who + " registers field \"" + f.abbrev() + "\", which " + owner + " registered already");
        }
        if (f.isText()) {
            // no name to look up or to clash with: only its owner is remembered
            e.fieldOwner.put(f, who);
            e.registry.add(f, p);
            return;
        }
        List<Field> same = e.fieldsByName.get(f.abbrev());
        if (same != null) {
            for (Field other : same) {
                if (!who.equals(e.fieldOwner.get(other))) {
                    throw new PluginException(who + " registers field \"" + f.abbrev() + "\", which "
                            + e.fieldOwner.get(other) + " registered already");
                }
            }
        }
        e.fieldsByName.computeIfAbsent(f.abbrev(), k -> new ArrayList<>(1)).add(f);
        e.fieldOwner.put(f, who);
        e.registry.add(f, p);
    }

    @Override
    public DissectorHandle dissector(String name, Protocol protocol, Dissector dissector) {
        if (e.handles.containsKey(name)) {
            throw new PluginException(who + " registers dissector \"" + name + "\", which is registered already");
        }
        DissectorHandle h = new DissectorHandle(name, protocol, dissector);
        e.handles.put(name, h);
        return h;
    }

    @Override
    public DissectorTable newTable(String name, String uiName, FieldType keyType, Base base) {
        return putTable(new DissectorTable(name, uiName, keyType, base));
    }

    @Override
    public DissectorTable newStringTable(String name, String uiName) {
        return putTable(new DissectorTable(name, uiName, FieldType.STRING, Base.NONE));
    }

    private DissectorTable putTable(DissectorTable t) {
        if (e.tables.containsKey(t.name())) {
            throw new PluginException(who + " declares dissector table \"" + t.name() + "\", which exists already");
        }
        e.tables.put(t.name(), t);
        return t;
    }

    @Override
    public HeuristicList newHeuristicList(String name, String uiName) {
        if (e.heuristicLists.containsKey(name)) {
            throw new PluginException(who + " declares heuristic list \"" + name + "\", which exists already");
        }
        HeuristicList l = new HeuristicList(name, uiName);
        e.heuristicLists.put(name, l);
        return l;
    }

    @Override
    public DissectorTable table(String name) {
        DissectorTable t = e.tables.get(name);
        if (t == null) {
            throw new PluginException(who + " uses dissector table \"" + name + "\", which does not exist; known e.tables: "
                    + String.join(", ", e.tables.keySet()));
        }
        return t;
    }

    @Override
    public <T> ConversationData<T> conversationData(String name, Supplier<? extends T> factory) {
        return conversationData(name, factory, null);
    }

    @Override
    public <T> ConversationData<T> conversationData(String name, Supplier<? extends T> factory,
                                                    Consumer<? super T> onRelease) {
        for (ConversationData<?> d : e.conversationData) {
            if (d.name().equals(name)) {
                throw new PluginException(who + " declares conversation data \"" + name + "\", which is declared already");
            }
        }
        ConversationData<T> d = new ConversationData<>(name, e.conversationData.size(), factory, onRelease);
        e.conversationData.add(d);
        return d;
    }

    @Override
    public DissectorHandle heuristic(String shortName, Protocol protocol, Dissector dissector) {
        return new DissectorHandle(shortName, protocol, dissector);
    }

    @Override
    public Optional<DissectorTable> findTable(String name) {
        return Optional.ofNullable(e.tables.get(name));
    }

    @Override
    public Optional<HeuristicList> findHeuristics(String name) {
        return Optional.ofNullable(e.heuristicLists.get(name));
    }

    @Override
    public HeuristicList heuristics(String name) {
        HeuristicList l = e.heuristicLists.get(name);
        if (l == null) {
            throw new PluginException(who + " uses heuristic list \"" + name + "\", which does not exist; known lists: "
                    + String.join(", ", e.heuristicLists.keySet()));
        }
        return l;
    }

    @Override
    public DissectorHandle dissector(String name) {
        DissectorHandle h = e.handles.get(name);
        if (h == null) {
            throw new PluginException(who + " uses dissector \"" + name + "\", which is not registered");
        }
        return h;
    }

    @Override
    public Settings settings() {
        return e.settings;
    }

    @Override
    public void secrets(long type, Consumer<byte[]> sink) {
        e.secretSinks.computeIfAbsent(type, k -> new java.util.ArrayList<>()).add(sink);
    }
}
