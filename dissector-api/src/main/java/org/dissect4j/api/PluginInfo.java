package org.dissect4j.api;

/** A loaded plugin as {@code -G plugins} lists it: its name, class, API version and where it came from. */
public record PluginInfo(String name, String className, int apiVersion, String location) {
}
