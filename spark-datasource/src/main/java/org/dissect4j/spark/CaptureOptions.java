package org.dissect4j.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Settings;

/**
 * The options of {@code spark.read.format("dissect4j")}, parsed once on the driver and shipped to the executors.
 *
 * @param paths    the {@code load(...)} paths (globs allowed)
 * @param nameGlob the {@code pathGlobFilter} option: only files whose name matches this glob, or {@code null}
 * @param fields   the Wireshark fields, one column each, in order
 * @param arrays   fields whose column holds every occurrence ({@code "*"}: all of them)
 * @param filter   the {@code filter} option, a display filter, or {@code null}
 * @param plugins  the {@code plugins} option, a folder of plugin jars on every executor, or {@code null}
 * @param mode     what a corrupt capture gives
 * @param settings dissector preferences, the {@code o.NAME} options ({@code -o NAME:VALUE})
 */
record CaptureOptions(List<String> paths, String nameGlob, List<String> fields, Set<String> arrays, String filter, String plugins,
                      CorruptMode mode, Map<String, String> settings) implements Serializable {

    /** The fields when the {@code fields} option is absent. */
    static final String DEFAULT_FIELDS = "frame.number,frame.time_epoch,frame.len,frame.protocols";

    /** What a capture that is corrupt in the middle gives (Spark's CSV and JSON readers' {@code mode} names). */
    enum CorruptMode {
        /** The frames before the fault, then one row whose {@code capture_error} names the file, offset and fault. */
        PERMISSIVE,
        /** The frames before the fault; the fault is logged as a warning. */
        DROPMALFORMED,
        /** The task fails with the fault, and with it the job. */
        FAILFAST
    }

    static CaptureOptions parse(CaseInsensitiveStringMap options) {
        List<String> paths = new ArrayList<>();
        if (options.containsKey("paths")) {
            paths.addAll(jsonPaths(options.get("paths")));
        }
        if (options.containsKey("path")) {
            paths.add(options.get("path"));
        }
        List<String> fields = split(options.getOrDefault("fields", DEFAULT_FIELDS));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("dissect4j: the fields option names no field");
        }
        Set<String> arrays = new LinkedHashSet<>(split(options.getOrDefault("arrays", "")));
        for (String a : arrays) {
            if (!a.equals("*") && !fields.contains(a)) {
                throw new IllegalArgumentException("dissect4j: arrays names " + a + ", which is not in the fields option");
            }
        }
        String filter = options.get("filter");
        if (filter != null && filter.isBlank()) {
            filter = null;
        }
        CorruptMode mode;
        String m = options.getOrDefault("mode", "PERMISSIVE").toUpperCase(Locale.ROOT);
        try {
            mode = CorruptMode.valueOf(m);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dissect4j: mode " + m + " is not one of PERMISSIVE, DROPMALFORMED, FAILFAST", e);
        }
        Map<String, String> settings = new TreeMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().startsWith("o.")) {
                settings.put(e.getKey().substring(2), e.getValue());
            }
        }
        return new CaptureOptions(List.copyOf(paths), options.get("pathGlobFilter"), List.copyOf(fields), Set.copyOf(arrays), filter,
                options.get("plugins"), mode, Map.copyOf(settings));
    }

    boolean repeated(String field) {
        return arrays.contains("*") || arrays.contains(field);
    }

    /**
     * A new engine for one task: plugins from the class path (the task's context class loader, which sees
     * the jars given to Spark with {@code --jars} or {@code --packages}) and from the {@code plugins} folder.
     */
    Engine newEngine() {
        Settings s = new Settings();
        settings.forEach(s::set);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Engine.Builder b = Engine.builder().settings(s).classLoader(loader != null ? loader : CaptureOptions.class.getClassLoader());
        if (plugins != null) {
            b.pluginsDirectory(Path.of(plugins));
        }
        Engine engine = b.build();
        if (!s.unread().isEmpty()) {
            throw new IllegalArgumentException("dissect4j: no loaded dissector reads the preference(s) " + s.unread());
        }
        return engine;
    }

    /** {@code load(a, b)} passes its paths as a JSON array of strings. */
    private static List<String> jsonPaths(String json) {
        try {
            return List.of(new ObjectMapper().readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("dissect4j: the paths option is not a JSON array of strings: " + json, e);
        }
    }

    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
