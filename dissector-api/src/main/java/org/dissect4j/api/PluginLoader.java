package org.dissect4j.api;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.ServiceLoader;

/**
 * Finds the plugins an {@link Engine.Builder} asked for: instances added by hand, then the
 * providers {@link ServiceLoader} finds on the class or module path, then the jars of plugins
 * folders (one class loader per folder). A plugin class is taken once, the first time it is seen.
 * Errors are {@link PluginException}s naming the plugin or the folder.
 */
final class PluginLoader {
    private PluginLoader() {
    }

    /** The plugins in load order; fails when discovery is on and finds nothing at all. */
    static List<Loaded> load(List<DissectorPlugin> explicit, boolean discover, ClassLoader loader, List<Path> pluginDirs) {
        List<Loaded> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DissectorPlugin p : explicit) {
            if (seen.add(p.getClass().getName())) {
                all.add(new Loaded(p, location(p.getClass())));
            }
        }
        if (discover) {
            ClassLoader cl = loader != null ? loader : Engine.class.getClassLoader();
            ServiceLoader<DissectorPlugin> sl = Engine.class.getModule().isNamed() && loader == null
                    ? ServiceLoader.load(Engine.class.getModule().getLayer(), DissectorPlugin.class)
                    : ServiceLoader.load(DissectorPlugin.class, cl);
            for (ServiceLoader.Provider<DissectorPlugin> prov : sl.stream().toList()) {
                if (seen.add(prov.type().getName())) {
                    all.add(new Loaded(instantiate(prov), location(prov.type())));
                }
            }
        }
        for (Path dir : pluginDirs) {
            for (Loaded l : loadDirectory(dir)) {
                if (seen.add(l.plugin().getClass().getName())) {
                    all.add(l);
                }
            }
        }
        if (all.isEmpty() && discover) {
            // An engine with no dissector decodes nothing; better said now than as a null field later.
            throw new PluginException("no dissector plugins found: ServiceLoader found no " + DissectorPlugin.class.getName()
                    + " on the class path or module path" + (pluginDirs.isEmpty() ? "" : " nor in " + pluginDirs)
                    + "; depend on org.dissect4j:dissect4j-all (or the dissector modules you need), or add plugins with"
                    + " Engine.builder().plugin(...); Engine.builder().discover(false).build() makes an empty engine on purpose");
        }
        return all;
    }

    private static DissectorPlugin instantiate(ServiceLoader.Provider<DissectorPlugin> prov) {
        try {
            return prov.get();
        } catch (java.util.ServiceConfigurationError | LinkageError err) {
            throw new PluginException("plugin " + prov.type().getName() + " (" + location(prov.type())
                    + ") could not be created: " + err.getMessage(), err);
        }
    }

    private static List<Loaded> loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PluginException("plugins folder " + dir + " does not exist or is not a folder");
        }
        List<URL> urls = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : ds) {
                urls.add(jar.toUri().toURL());
            }
        } catch (IOException ex) {
            throw new PluginException("cannot read plugins folder " + dir + ": " + ex.getMessage(), ex);
        }
        urls.sort((a, b) -> a.toString().compareTo(b.toString()));
        URLClassLoader cl = new URLClassLoader("dissect4j-plugins", urls.toArray(new URL[0]), Engine.class.getClassLoader());
        List<Loaded> out = new ArrayList<>();
        for (ServiceLoader.Provider<DissectorPlugin> prov : ServiceLoader.load(DissectorPlugin.class, cl).stream().toList()) {
            if (prov.type().getClassLoader() == cl) {
                out.add(new Loaded(instantiate(prov), location(prov.type())));
            }
        }
        return out;
    }

    private static String location(Class<?> c) {
        try {
            var src = c.getProtectionDomain().getCodeSource();
            if (src != null && src.getLocation() != null) {
                return Path.of(src.getLocation().toURI()).toString();
            }
        } catch (SecurityException | java.net.URISyntaxException | IllegalArgumentException ignored) {
            // fall through to the module name
        }
        return c.getModule().isNamed() ? "module " + c.getModule().getName() : "class path";
    }

    /** A plugin and where it came from (a jar's path, a module's name, "class path"). */
    record Loaded(DissectorPlugin plugin, String location) {
        /** How messages name the plugin: {@code plugin mqtt (/path/mqtt.jar)}. */
        String describe() {
            return "plugin " + plugin.name() + " (" + location + ")";
        }
    }
}
