package org.dissect4j.http;

/**
 * Wireshark 4.0's list of transactions on one connection, as much of it as a single pass shows: what
 * {@code http.request_number}, {@code http.response_number}, {@code http.prev_request_in},
 * {@code http.prev_response_in}, {@code http.request_in}, {@code http.time} and {@code http.response_for.uri}
 * are read from.
 *
 * <p>Wireshark numbers entries, not requests: every request opens an entry; a response fills the newest
 * entry unless that one already has its response, then it opens an entry of its own (an answer to no request
 * seen, a second response in a desynchronised stream). So a response is linked to the newest request, not to
 * the oldest unanswered one, and the "N/M" counts both kinds of entries. Only the newest entry and the one
 * before it matter while the packets are read in order: "next" links need a second pass, which tshark makes
 * only with -2.
 *
 * <p>The URI a response names is the connection's, not its request's: the last full URI composed (a request
 * with a Host), else the last request's target.
 */
final class HttpTransactions {
    private static final int URI_MAX = 2048;

    /** Entries opened so far (Wireshark's {@code req_res_num}); the newest is number {@link #count}. */
    int count;
    /** The newest entry's request frame and time (0 and -1 when a response opened it), and its response frame. */
    long requestFrame;
    long requestTime = -1;
    long responseFrame;
    /** The frames of the entry before the newest, or 0. */
    long prevRequestFrame;
    long prevResponseFrame;
    /** The connection's last request target, and its last full URI (empty until a request with a Host). */
    final StringBuilder requestUri = new StringBuilder();
    final StringBuilder fullUri = new StringBuilder();
    boolean hasRequestUri;

    /** A request in frame {@code frame} at {@code time}: always a new entry. */
    void request(long frame, long time) {
        open();
        requestFrame = frame;
        requestTime = time;
    }

    /** A response in frame {@code frame}: it fills the newest entry unless that one was answered already. */
    void response(long frame) {
        if (count == 0 || responseFrame != 0) {
            open();
        }
        responseFrame = frame;
    }

    /** The URI {@code http.response_for.uri} shows, or null before any request. */
    CharSequence responseForUri() {
        if (fullUri.length() > 0) {
            return fullUri;
        }
        return hasRequestUri ? requestUri : null;
    }

    /** Starts the request target of the request just read (the caller appends its characters). */
    StringBuilder newRequestUri() {
        requestUri.setLength(0);
        hasRequestUri = true;
        return requestUri;
    }

    /** Starts the full URI of the request just read (the caller appends its characters). */
    StringBuilder newFullUri() {
        fullUri.setLength(0);
        return fullUri;
    }

    static int uriLimit(int len) {
        return Math.min(len, URI_MAX);
    }

    private void open() {
        prevRequestFrame = count == 0 ? 0 : requestFrame;
        prevResponseFrame = count == 0 ? 0 : responseFrame;
        count++;
        requestFrame = 0;
        requestTime = -1;
        responseFrame = 0;
    }
}
