package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin jar dropped into a folder is found, registered and used; one built for another API version is refused. */
class PluginFolderTest {
    private static final String SOURCE = """
            package demo;
            import org.dissect4j.api.*;
            public final class DemoPlugin implements DissectorPlugin {
                static final Protocol DEMO = new Protocol("Demo Protocol", "DEMO", "demo");
                static final Field BYTE = Field.define("demo.byte", "Byte", FieldType.UINT8).build();
                public int apiVersion() { return %d; }
                public String name() { return "demo"; }
                public void register(Registrar r) {
                    r.protocol(DEMO, BYTE);
                    r.dissector("frame", DEMO, (p, off, len) -> {
                        p.tree().addUint(BYTE, off, 1, p.u8(off));
                        return len;
                    });
                }
            }
            """;

    @Test
    void jarInPluginsFolderIsLoaded(@TempDir Path dir) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        buildPluginJar(dir, plugins, DissectorPlugin.API_VERSION);
        Engine e = Engine.builder().discover(false).pluginsDirectory(plugins).build();
        assertThat(e.plugins()).extracting(PluginInfo::name).containsExactly("demo");
        assertThat(e.plugins().get(0).location()).endsWith("demo.jar");
        Field f = e.field("demo.byte");
        assertThat(f).isNotNull();
        e.tree().want(f);
        Packet p = e.dissect(TestFrames.frame(1, new byte[] {42, 1}, 1));
        assertThat(p.tree().valueOr(f, -1)).isEqualTo(42);
    }

    @Test
    void jarBuiltForAnotherApiVersionIsRefused(@TempDir Path dir) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        buildPluginJar(dir, plugins, DissectorPlugin.API_VERSION + 1);
        assertThatThrownBy(() -> Engine.builder().discover(false).pluginsDirectory(plugins).build())
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("demo.jar")
                .hasMessageContaining("API " + (DissectorPlugin.API_VERSION + 1));
    }

    @Test
    void missingFolderIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> Engine.builder().discover(false).pluginsDirectory(dir.resolve("nope")).build())
                .isInstanceOf(PluginException.class).hasMessageContaining("nope");
    }

    /** Compiles the demo plugin against this module's classes and packs it as plugins/demo.jar. */
    private static void buildPluginJar(Path work, Path plugins, int apiVersion) throws IOException {
        Path src = Files.createDirectories(work.resolve("src/demo"));
        Files.writeString(src.resolve("DemoPlugin.java"), SOURCE.formatted(apiVersion));
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.resolve("DemoPlugin.java").toString());
        assertThat(rc).isZero();
        try (OutputStream os = Files.newOutputStream(plugins.resolve("demo.jar")); JarOutputStream jar = new JarOutputStream(os)) {
            for (Path c : List.of(classes.resolve("demo/DemoPlugin.class"))) {
                jar.putNextEntry(new JarEntry("demo/DemoPlugin.class"));
                jar.write(Files.readAllBytes(c));
                jar.closeEntry();
            }
            try (var s = Files.list(classes.resolve("demo"))) {
                for (Path c : s.filter(p -> p.getFileName().toString().startsWith("DemoPlugin$")).toList()) {
                    jar.putNextEntry(new JarEntry("demo/" + c.getFileName()));
                    jar.write(Files.readAllBytes(c));
                    jar.closeEntry();
                }
            }
            jar.putNextEntry(new JarEntry("META-INF/services/org.dissect4j.api.DissectorPlugin"));
            jar.write("demo.DemoPlugin\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }
}
