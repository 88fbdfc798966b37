package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.dissect4j.api.DissectorPlugin;
import org.junit.jupiter.api.Test;

/**
 * Builds the plugin jars the Plugin*Test classes use, and checks the MQTT one. The MQTT example
 * ({@code examples/mqtt-dissector}) comes after this module in the reactor, so its jar is built here from its
 * sources with javax.tools, exactly as its pom builds it: the classes, {@code module-info.class},
 * {@code META-INF/services} and a manifest that states the API version. A variant is compiled with another
 * API version, and small plugins are compiled from source strings for the error paths.
 */
class PluginJarsTest {
    /** The repository root (tests run in {@code cli/}). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path MQTT = ROOT.resolve("examples/mqtt-dissector");
    static final Path CAPTURES = MQTT.resolve("src/test/resources/captures");
    static final String PLUGIN_CLASS = "org.dissect4j.example.mqtt.MqttPlugin";
    private static final String API_RETURN = "return DissectorPlugin.API_VERSION;";

    private static Path work;
    private static Path mqttJar;

    /** A folder for this JVM's jars, removed when the JVM exits. */
    static synchronized Path work() {
        if (work == null) {
            try {
                work = Files.createTempDirectory("dissect4j-plugin-tests");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(work)));
        }
        return work;
    }

    /** The MQTT example plugin as its pom builds it (compiled once per JVM). */
    static synchronized Path mqttJar() {
        if (mqttJar == null) {
            mqttJar = buildMqtt("mqtt", DissectorPlugin.API_VERSION);
        }
        return mqttJar;
    }

    /** The MQTT plugin compiled so that {@code apiVersion()} returns {@code apiVersion}. */
    static Path buildMqtt(String name, int apiVersion) {
        try {
            Path dir = Files.createDirectories(work().resolve(name));
            Path src = dir.resolve("src");
            Path main = MQTT.resolve("src/main/java");
            List<Path> sources = new ArrayList<>();
            try (Stream<Path> s = Files.walk(main)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Path to = src.resolve(main.relativize(p).toString());
                    Files.createDirectories(to.getParent());
                    String text = Files.readString(p);
                    if (p.getFileName().toString().equals("MqttPlugin.java")) {
                        assertThat(text).contains(API_RETURN);
                        text = text.replace(API_RETURN, "return " + apiVersion + ";");
                    }
                    Files.writeString(to, text);
                    sources.add(to);
                }
            }
            Path classes = compile(dir.resolve("classes"), sources, true);
            Path jar = dir.resolve("mqtt-dissector.jar");
            Manifest mf = manifest(apiVersion);
            mf.getMainAttributes().putValue("Dissect4j-Plugin", PLUGIN_CLASS);
            pack(jar, classes, mf, Map.of("META-INF/services/org.dissect4j.api.DissectorPlugin",
                    Files.readString(MQTT.resolve("src/main/resources/META-INF/services/org.dissect4j.api.DissectorPlugin"))));
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class-path plugin jar from one source file ({@code pkg.Cls}), listed in META-INF/services. */
    static Path buildPlugin(String name, String className, String source) {
        try {
            Path dir = Files.createDirectories(work().resolve(name));
            Path file = dir.resolve("src/" + className.replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            Path classes = compile(dir.resolve("classes"), List.of(file), false);
            Path jar = dir.resolve(name + ".jar");
            pack(jar, classes, manifest(DissectorPlugin.API_VERSION),
                    Map.of("META-INF/services/org.dissect4j.api.DissectorPlugin", className + "\n"));
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh folder holding copies of {@code jars}, for {@code --plugins}. */
    static Path folder(String name, Path... jars) {
        try {
            Path dir = Files.createDirectories(work().resolve("folders").resolve(name));
            for (Path j : jars) {
                Files.copy(j, dir.resolve(j.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where dissector-api's classes are (a jar or a classes folder), for javac and module paths. */
    static Path apiLocation() {
        try {
            return Path.of(DissectorPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path compile(Path out, List<Path> sources, boolean module) throws IOException {
        Files.createDirectories(out);
        // java.util.spi.ToolProvider (java.base): this module's tests cannot read java.compiler's javax.tools
        java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac").orElseThrow();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "25", "-proc:none"));
        args.add(module ? "--module-path" : "-cp");
        args.add(module ? apiLocation().toString() : System.getProperty("java.class.path"));
        sources.forEach(s -> args.add(s.toString()));
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.PrintWriter pw = new java.io.PrintWriter(err);
        int rc = javac.run(pw, pw, args.toArray(String[]::new));
        pw.flush();
        assertThat(rc).as("javac: %s", err).isZero();
        return out;
    }

    private static Manifest manifest(int apiVersion) {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Dissect4j-Api-Version", Integer.toString(apiVersion));
        return mf;
    }

    private static void pack(Path jar, Path classes, Manifest mf, Map<String, String> extra) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            for (Map.Entry<String, String> e : extra.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }

    // ---- child JVMs -----------------------------------------------------------------------------------

    /** What a child JVM printed and its exit status. */
    record Run(int status, String out, String err) {
    }

    /** Runs {@code java args...} with this JVM's java, extra environment variables, and a bound on the time. */
    static Run java(List<String> args, Map<String, String> env) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISSECT4J_PLUGINS");
        pb.environment().putAll(env);
        try {
            Path out = Files.createTempFile(work(), "out", ".txt");
            Path err = Files.createTempFile(work(), "err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM did not finish in 180 s: " + cmd);
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** This JVM's class path entries. */
    static List<String> classPath() {
        return List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
    }

    // ---- the jar itself -------------------------------------------------------------------------------

    @Test
    void mqttJarStatesItsApiVersionListsItsServiceAndIsAModule() throws IOException {
        Path jar = mqttJar();
        try (JarFile j = new JarFile(jar.toFile())) {
            assertThat(j.getManifest().getMainAttributes().getValue("Dissect4j-Api-Version"))
                    .isEqualTo(Integer.toString(DissectorPlugin.API_VERSION));
            try (InputStream in = j.getInputStream(j.getEntry("META-INF/services/org.dissect4j.api.DissectorPlugin"))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim()).isEqualTo(PLUGIN_CLASS);
            }
            assertThat(j.getEntry("module-info.class")).isNotNull();
        }
        ModuleReference ref = ModuleFinder.of(jar).findAll().iterator().next();
        ModuleDescriptor d = ref.descriptor();
        assertThat(d.name()).isEqualTo("org.dissect4j.example.mqtt");
        assertThat(d.isAutomatic()).isFalse();
        assertThat(d.requires()).anyMatch(r -> r.name().equals("org.dissect4j.api"));
        assertThat(d.provides()).anyMatch(p -> p.service().equals(DissectorPlugin.class.getName())
                && p.providers().equals(List.of(PLUGIN_CLASS)));
        // a plugin exports nothing: the engine reaches it as a service only
        assertThat(d.exports()).isEmpty();
    }
}
