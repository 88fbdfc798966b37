/** dissect4j tls dissector (its issue builds it out). */
module org.dissect4j.tls {
    requires org.dissect4j.api;
}
