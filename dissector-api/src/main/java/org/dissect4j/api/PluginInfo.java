package org.dissect4j.api;

/**
 * A loaded plugin as {@code -G plugins} lists it: its name, class, API version and where it came from.
 *
 * @param name the plugin's {@link DissectorPlugin#name()}
 * @param className the plugin's class name
 * @param apiVersion the plugin's {@link DissectorPlugin#apiVersion()}
 * @param location the jar or folder it was loaded from, {@code module NAME}, or {@code class path}
 */
public record PluginInfo(String name, String className, int apiVersion, String location) {
}
