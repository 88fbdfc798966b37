/** dissect4j tcp dissector (its issue builds it out). */
module org.dissect4j.tcp {
    requires org.dissect4j.api;
}
