package org.dissect4j.capture;

import java.util.List;

/**
 * A device libpcap can capture on, as {@code pcap_findalldevs} lists it ({@code tshark -D}).
 *
 * @param name        the name to pass to {@link LiveCapture#open}, e.g. {@code eth0}, {@code lo}, {@code any}
 * @param description libpcap's description, or {@code null}
 * @param addresses   the device's IPv4 and IPv6 addresses as text ({@code 127.0.0.1}, {@code ::1})
 * @param loopback    {@code PCAP_IF_LOOPBACK}
 * @param up          {@code PCAP_IF_UP}
 */
public record LiveDevice(String name, String description, List<String> addresses, boolean loopback, boolean up) {
    /**
     * Copies {@code addresses}, so the record is immutable.
     *
     * @throws NullPointerException {@code addresses} or one of its elements is {@code null}
     */
    public LiveDevice {
        addresses = List.copyOf(addresses);
    }
}
