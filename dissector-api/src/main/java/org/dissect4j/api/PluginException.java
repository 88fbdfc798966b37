package org.dissect4j.api;

/**
 * A plugin could not be loaded or registered: wrong API version, a field name already taken, a
 * table that does not exist. The message names the plugin and where it came from.
 */
public final class PluginException extends RuntimeException {
    /**
     * A plugin error.
     *
     * @param message what went wrong, naming the plugin
     */
    public PluginException(String message) {
        super(message);
    }

    /**
     * A plugin error with its cause.
     *
     * @param message what went wrong, naming the plugin
     * @param cause the exception the plugin or loader threw
     */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
