/**
 * Capture sources and sinks for dissect4j: pcap and pcapng files (memory-mapped, zero-copy,
 * gzip-compressed or streamed from standard input), writers for both formats, and live capture
 * through libpcap bound with the JDK's foreign function and memory API (no JNI).
 *
 * <p>Entry points: {@link org.dissect4j.capture.CaptureFiles#open(java.nio.file.Path)},
 * {@link org.dissect4j.capture.CaptureWriter}, {@link org.dissect4j.capture.LiveCapture}.
 * Live capture calls restricted FFM methods: the application grants native access
 * ({@code --enable-native-access=org.dissect4j.capture} or {@code Enable-Native-Access} in the
 * launcher jar's manifest).
 */
module org.dissect4j.capture {
    requires transitive org.dissect4j.api;

    exports org.dissect4j.capture;
}
