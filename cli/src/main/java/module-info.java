/** The {@code dissect4j} command: tshark-compatible options and outputs over the dissect4j engine. */
module org.dissect4j.cli {
    requires org.dissect4j.api;
    requires org.dissect4j.capture;
    requires org.dissect4j.filter;
}
