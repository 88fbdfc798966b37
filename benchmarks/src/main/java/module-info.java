/** JMH benchmarks of dissect4j's parse path (run from the shaded benchmarks.jar). */
module org.dissect4j.bench {
    requires org.dissect4j.api;
    requires org.dissect4j.capture;
    requires org.dissect4j.net;
    requires org.dissect4j.tcp;
    requires org.dissect4j.tls;
    requires org.dissect4j.http;
    requires org.dissect4j.filter;
    requires jmh.core;
    requires java.management;
    requires org.pcap4j.core;
}
