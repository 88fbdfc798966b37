package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.dissect4j.api.DissectorPlugin;
import org.junit.jupiter.api.Test;

/**
 * The MQTT plugin jar loads the three ways a third-party plugin can: on the class path (found by
 * {@code Engine.load()}'s ServiceLoader), on the module path (as a named module providing the service), and
 * from a plugins folder ({@code --plugins DIR} and {@code DISSECT4J_PLUGINS}). A jar built for another API
 * version is refused with one clear line naming it. The child JVMs run the real command ({@code org.dissect4j.cli.Main}).
 */
class PluginLoadingTest {
    private static final Path CAPTURE = PluginJarsTest.CAPTURES.resolve("mqtt311.pcap");
    private static final String MAIN = "org.dissect4j.cli.Main";

    /** A short MQTT dissection every way must print identically. */
    private static List<String> dissectArgs() {
        return List.of("-r", CAPTURE.toString(), "-c", "12", "-T", "fields", "-e", "frame.number", "-e", "mqtt.msgtype",
                "-e", "mqtt.clientid", "-e", "_ws.col.Info");
    }

    private static String expected() {
        Cli r = Cli.run(withPlugins(dissectArgs()));
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("\t1\tpub-retained\tConnect Command\n");
        return r.out();
    }

    private static String[] withPlugins(List<String> args) {
        List<String> all = new ArrayList<>(List.of("--plugins", PluginJarsTest.folder("load", PluginJarsTest.mqttJar()).toString()));
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    @Test
    void onTheClassPath() {
        String cp = System.getProperty("java.class.path") + File.pathSeparator + PluginJarsTest.mqttJar();
        List<String> args = new ArrayList<>(List.of("-cp", cp, MAIN));
        PluginJarsTest.Run plugins = PluginJarsTest.java(concat(args, List.of("-G", "plugins")), Map.of());
        assertThat(plugins.status()).as(plugins.err()).isZero();
        assertThat(plugins.out()).contains("mqtt\tapi " + DissectorPlugin.API_VERSION + "\tdissector\t" + PluginJarsTest.mqttJar()
                + "\t" + PluginJarsTest.PLUGIN_CLASS);
        PluginJarsTest.Run run = PluginJarsTest.java(concat(args, dissectArgs()), Map.of());
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(expected());
    }

    @Test
    void onTheModulePath() {
        // every named module of this class path (the command's modules), ANTLR (an automatic module the
        // filter module requires), and the plugin; not the test classes nor the test libraries
        List<String> modules = new ArrayList<>();
        for (String e : PluginJarsTest.classPath()) {
            if (e.contains("test-classes") || !Files.exists(Path.of(e))) {
                continue;
            }
            try {
                for (var ref : ModuleFinder.of(Path.of(e)).findAll()) {
                    var d = ref.descriptor();
                    if (!d.isAutomatic() && !d.name().startsWith("org.junit") && !d.name().startsWith("org.assertj")
                            || d.name().equals("org.antlr.antlr4.runtime")) {
                        modules.add(e);
                    }
                }
            } catch (java.lang.module.FindException notAModule) {
                // a jar no module name can be derived from: not needed by the command
            }
        }
        modules.add(PluginJarsTest.mqttJar().toString());
        List<String> args = List.of("-p", String.join(File.pathSeparator, modules), "-m", "org.dissect4j.cli/" + MAIN);
        PluginJarsTest.Run plugins = PluginJarsTest.java(concat(args, List.of("-G", "plugins")), Map.of());
        assertThat(plugins.status()).as(plugins.err()).isZero();
        assertThat(plugins.out()).contains("mqtt\tapi 1\tdissector\t" + PluginJarsTest.mqttJar());
        PluginJarsTest.Run run = PluginJarsTest.java(concat(args, dissectArgs()), Map.of());
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(expected());
    }

    @Test
    void asANamedModuleInALayer() throws Exception {
        // In this JVM (tests run on the class path) a layer of its own: dissector-api and the plugin as modules.
        ModuleFinder finder = ModuleFinder.of(PluginJarsTest.apiLocation(), PluginJarsTest.mqttJar());
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of("org.dissect4j.api"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        assertThat(layer.findModule("org.dissect4j.example.mqtt")).isPresent();
        Class<?> service = layer.findLoader("org.dissect4j.api").loadClass(DissectorPlugin.class.getName());
        List<Object> found = new ArrayList<>();
        for (Object plugin : ServiceLoader.load(layer, service)) {
            found.add(plugin);
        }
        assertThat(found).hasSize(1);
        Object mqtt = found.get(0);
        assertThat(mqtt.getClass().getModule().getName()).isEqualTo("org.dissect4j.example.mqtt");
        assertThat(service.getMethod("name").invoke(mqtt)).isEqualTo("mqtt");
        assertThat(service.getMethod("apiVersion").invoke(mqtt)).isEqualTo(DissectorPlugin.API_VERSION);
        // an Engine of that layer finds it by itself (Engine.load() uses the layer of its own module)
        Class<?> engine = layer.findLoader("org.dissect4j.api").loadClass("org.dissect4j.api.Engine");
        Object e = engine.getMethod("load").invoke(null);
        Method protocol = engine.getMethod("protocol", String.class);
        assertThat(protocol.invoke(e, "mqtt")).isNotNull();
    }

    @Test
    void fromAPluginsFolderGivenByTheEnvironment() {
        Path dir = PluginJarsTest.folder("env", PluginJarsTest.mqttJar());
        List<String> args = List.of("-cp", System.getProperty("java.class.path"), MAIN);
        PluginJarsTest.Run run = PluginJarsTest.java(concat(args, dissectArgs()), Map.of("DISSECT4J_PLUGINS", dir.toString()));
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(expected());
        PluginJarsTest.Run without = PluginJarsTest.java(concat(args, dissectArgs()), Map.of());
        assertThat(without.status()).isEqualTo(2);
        assertThat(without.err()).contains("mqtt.msgtype");
    }

    @Test
    void fromAPluginsFolderOnTheCommandLine() {
        Cli r = Cli.run(withPlugins(List.of("-G", "plugins")));
        assertThat(r.status()).isZero();
        assertThat(r.out()).containsPattern("(?m)^mqtt\tapi 1\tdissector\t.*/load/mqtt-dissector\\.jar\t");
    }

    @Test
    void aJarBuiltForAnotherApiVersionIsRefusedWithOneClearLine() {
        int other = DissectorPlugin.API_VERSION + 41;
        Path jar = PluginJarsTest.buildMqtt("mqtt-api" + other, other);
        Path dir = PluginJarsTest.folder("api" + other, jar);
        Cli r = Cli.run("--plugins", dir.toString(), "-r", CAPTURE.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("plugin mqtt", jar.getFileName().toString(), "dissector API " + other,
                "this dissect4j provides API " + DissectorPlugin.API_VERSION, "rebuild the plugin");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
