package org.dissect4j.capture;

/** Opens a live capture and prints the outcome; run by {@link LiveCaptureTest} as an unprivileged user. */
public final class LiveProbe {
    private LiveProbe() {
    }

    public static void main(String[] args) {
        try (LiveCapture c = LiveCapture.open(args[0], LiveOptions.defaults())) {
            System.out.println("OPENED " + c.linkType());
        } catch (CaptureException e) {
            System.out.println(e.getMessage());
        }
    }
}
