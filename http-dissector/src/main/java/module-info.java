/** dissect4j http dissector (its issue builds it out). */
module org.dissect4j.http {
    requires org.dissect4j.api;
}
