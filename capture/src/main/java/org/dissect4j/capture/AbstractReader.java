package org.dissect4j.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dissect4j.api.Frame;

/**
 * What the pcap and pcapng readers share: the input, the reused frame, the read position, the
 * failure state and the wording of errors.
 */
abstract sealed class AbstractReader implements CaptureReader permits PcapReader, PcapngReader {
    final String name;
    final Input input;
    final Frame frame = new Frame();
    final List<CaptureInterface> interfaces = new ArrayList<>();
    final List<DecryptionSecrets> secrets = new ArrayList<>();
    private final List<CaptureInterface> interfacesView = Collections.unmodifiableList(interfaces);
    private final List<DecryptionSecrets> secretsView = Collections.unmodifiableList(secrets);
    /** File offset of the next record. */
    long pos;
    long number;
    CaptureException failure;
    boolean ended;
    boolean closed;

    AbstractReader(String name, Input input) {
        this.name = name;
        this.input = input;
    }

    @Override
    public final Frame next() throws CaptureException {
        if (failure != null) {
            throw failure;
        }
        if (ended || closed) {
            return null;
        }
        try {
            Frame f = advance();
            if (f == null) {
                ended = true;
            }
            return f;
        } catch (CaptureException e) {
            failure = e;
            throw e;
        } catch (InternalError e) {
            // a page of the mapping vanished: the file was truncated while mapped (SIGBUS)
            failure = new CaptureException(name, pos, name + ": the file changed while it was being read"
                    + " (it was truncated?) near byte offset " + pos, e);
            throw failure;
        }
    }

    /** Reads on to the next frame and returns {@link #frame}, or {@code null} at a clean end. */
    abstract Frame advance() throws CaptureException;

    @Override
    public final List<CaptureInterface> interfaces() {
        return interfacesView;
    }

    @Override
    public final List<DecryptionSecrets> secrets() {
        return secretsView;
    }

    @Override
    public final long position() {
        return input.position(pos);
    }

    @Override
    public final long size() {
        return input.size();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            input.close();
        }
    }

    // ---- errors (cold path: only ever built once per file) -------------------------------------

    /** {@code name: what at byte offset N[ of the decompressed data][: cause]}. */
    final CaptureException fault(long offset, String what, String detail) {
        StringBuilder sb = new StringBuilder(name).append(": ").append(what).append(" at byte offset ").append(offset);
        if (input.decompressed()) {
            sb.append(" of the decompressed data");
        }
        if (detail != null) {
            sb.append(" (").append(detail).append(')');
        }
        IOException cause = input.endCause();
        if (cause != null) {
            sb.append(": ").append(describe(cause));
        }
        return new CaptureException(name, offset, sb.toString(), cause);
    }

    /** A fault because the input ended inside something that needed {@code need} bytes. */
    final CaptureException truncated(long offset, String what, long need, long left) {
        return fault(offset, "truncated " + what, "need " + need + " bytes, " + left + " left");
    }

    /** At a clean record boundary: the end, unless the stream broke off there. */
    final void checkCleanEnd(long offset) throws CaptureException {
        IOException cause = input.endCause();
        if (cause != null) {
            throw new CaptureException(name, offset, name + ": input ended at byte offset " + offset
                    + (input.decompressed() ? " of the decompressed data" : "") + ": " + describe(cause), cause);
        }
    }

    final String describe(IOException e) {
        String m = e.getMessage();
        return (input.decompressed() ? "gzip: " : "") + (m == null ? e.getClass().getSimpleName() : m);
    }

    @Override
    public boolean framesStayValid() {
        return input instanceof MappedInput;
    }
}
