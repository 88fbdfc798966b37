package org.dissect4j.capture;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.AddressText;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Frame;

/**
 * Live capture through libpcap, bound with the FFM API ({@code java.lang.foreign}; no JNI). Needs
 * libpcap (Debian: {@code libpcap0.8}) and capture rights (root, or {@code CAP_NET_RAW} and
 * {@code CAP_NET_ADMIN} on the {@code java} binary), and native access granted to this module.
 *
 * <p><b>Frames</b> are views into libpcap's own buffer, valid until the next {@link #next()} (or
 * {@link #close()}): {@link Frame#segment()} is one segment spanning the whole address space and
 * {@link Frame#offset()} is the packet's native address, so no segment object is made per packet
 * and nothing is copied. That segment has no bounds of its own: read only within
 * {@link Frame#capturedLength()} (as {@link org.dissect4j.api.Packet} enforces). Timestamps are
 * nanoseconds (microsecond precision when the platform has no nanosecond timestamps); interface
 * id is 0.
 *
 * <p><b>Stopping.</b> {@link #next()} polls libpcap (every {@link LiveOptions#timeoutMillis()})
 * until a packet arrives; it returns {@code null} after {@link #breakLoop()} (safe from any
 * thread, e.g. a Ctrl-C handler), when the thread is interrupted, or when the configured packet
 * count or duration is reached. {@link #close()} from another thread while {@code next()} runs
 * breaks the loop and closes once {@code next()} has returned.
 */
@SuppressWarnings("restricted") // calling libpcap is what this class is for; the launcher grants native access
public final class LiveCapture implements CaptureSource {
    /** Everything addressable: packets are (ALL, address) views, so none needs its own segment. */
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    static final String PERMISSION_HINT = "run as root or grant CAP_NET_RAW,CAP_NET_ADMIN: "
            + "setcap cap_net_raw,cap_net_admin=eip $(readlink -f $JAVA_HOME/bin/java)";
    private static final int MAX_LIST = 100_000;

    private final Libpcap lib;
    private final MethodHandle nextEx;
    private final MemorySegment pcap;
    private final Arena arena;
    private final MemorySegment headerPointer;
    private final MemorySegment dataPointer;
    private final String device;
    private final int linkType;
    private final int snaplen;
    private final boolean nanoseconds;
    private final long packetLimit;
    private final long deadline;
    private final Frame frame = new Frame();
    private long number;
    /** A {@code pollfd} on libpcap's descriptor when reads are non-blocking, else null. */
    private final MemorySegment pollFd;
    private final MethodHandle poll;
    private final int pollMillis;

    private final Object lock = new Object();
    private volatile boolean stop;
    private boolean closed;
    private boolean inNext;
    private boolean closeRequested;

    private LiveCapture(Libpcap lib, MemorySegment pcap, Arena arena, String device, boolean nanoseconds,
                        LiveOptions opts, long openedAt) throws Throwable {
        this.lib = lib;
        this.nextEx = lib.nextEx;
        this.pcap = pcap;
        this.arena = arena;
        this.device = device;
        this.headerPointer = arena.allocate(ADDRESS);
        this.dataPointer = arena.allocate(ADDRESS);
        this.linkType = (int) lib.datalink.invokeExact(pcap);
        this.snaplen = (int) lib.snapshot.invokeExact(pcap);
        this.nanoseconds = nanoseconds;
        this.packetLimit = opts.packetCount();
        this.deadline = opts.durationMillis() > 0 ? openedAt + opts.durationMillis() * 1_000_000L : 0;
        this.pollMillis = opts.timeoutMillis() > 0 ? opts.timeoutMillis() : LiveOptions.DEFAULT_TIMEOUT_MILLIS;
        this.pollFd = nonBlocking(lib, pcap, arena);
        this.poll = pollFd != null ? lib.poll : null;
    }

    /**
     * Switches libpcap to non-blocking reads and returns a {@code pollfd} for its descriptor, or
     * null to keep blocking reads. Why: with Linux TPACKET_V3 a blocking {@code pcap_next_ex} waits
     * until a block of packets is retired, which never happens while no packet arrives, so the
     * read timeout alone would not let {@link #next()} notice its duration or an interrupt. Polling
     * the descriptor ourselves with the timeout does.
     */
    private static MemorySegment nonBlocking(Libpcap lib, MemorySegment pcap, Arena arena) throws Throwable {
        if (lib.getSelectableFd == null || lib.setnonblock == null || lib.poll == null) {
            return null;
        }
        int fd = (int) lib.getSelectableFd.invokeExact(pcap);
        if (fd < 0) {
            return null;
        }
        MemorySegment errbuf = arena.allocate(Libpcap.ERRBUF_SIZE);
        if ((int) lib.setnonblock.invokeExact(pcap, 1, errbuf) != 0) {
            return null;
        }
        MemorySegment pfd = arena.allocate(Libpcap.POLLFD_LENGTH, 4);
        pfd.set(JAVA_INT, Libpcap.POLLFD_FD_OFFSET, fd);
        pfd.set(JAVA_SHORT, Libpcap.POLLFD_EVENTS_OFFSET, Libpcap.POLLIN);
        return pfd;
    }

    /**
     * The devices libpcap can capture on ({@code pcap_findalldevs}), in its order.
     *
     * @return a new list owned by the caller, at most 100,000 devices
     * @throws CaptureException libpcap is missing or cannot list the devices (its message says why)
     */
    public static List<LiveDevice> devices() throws CaptureException {
        Libpcap lib = Libpcap.get();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment list = arena.allocate(ADDRESS);
            MemorySegment errbuf = arena.allocate(Libpcap.ERRBUF_SIZE);
            int rc = (int) lib.findalldevs.invokeExact(list, errbuf);
            if (rc != 0) {
                throw new CaptureException(null, -1, "cannot list capture devices: " + errbuf.getString(0));
            }
            MemorySegment head = list.get(ADDRESS, 0);
            try {
                List<LiveDevice> devices = new ArrayList<>();
                MemorySegment it = head;
                for (int n = 0; it.address() != 0 && n < MAX_LIST; n++) {
                    MemorySegment d = it.reinterpret(Libpcap.IF_FLAGS_OFFSET + 4);
                    int flags = d.get(JAVA_INT, Libpcap.IF_FLAGS_OFFSET);
                    devices.add(new LiveDevice(Libpcap.string(d.get(ADDRESS, Libpcap.IF_NAME_OFFSET)),
                            Libpcap.string(d.get(ADDRESS, Libpcap.IF_DESCRIPTION_OFFSET)),
                            addresses(d.get(ADDRESS, Libpcap.IF_ADDRESSES_OFFSET)),
                            (flags & Libpcap.PCAP_IF_LOOPBACK) != 0, (flags & Libpcap.PCAP_IF_UP) != 0));
                    it = d.get(ADDRESS, Libpcap.IF_NEXT_OFFSET);
                }
                return devices;
            } finally {
                if (head.address() != 0) {
                    lib.freealldevs.invokeExact(head);
                }
            }
        } catch (CaptureException e) {
            throw e;
        } catch (Throwable t) {
            throw new CaptureException(null, -1, "cannot list capture devices: " + t, t);
        }
    }

    /**
     * The version of the libpcap in use ({@code pcap_lib_version}).
     *
     * @return libpcap's version string, e.g. {@code libpcap version 1.10.3 (with TPACKET_V3)}
     * @throws CaptureException libpcap is missing
     */
    public static String libraryVersion() throws CaptureException {
        Libpcap lib = Libpcap.get();
        try {
            return Libpcap.string((MemorySegment) lib.libVersion.invokeExact());
        } catch (Throwable t) {
            throw new CaptureException(null, -1, "cannot ask libpcap for its version: " + t, t);
        }
    }

    /**
     * Opens and activates {@code device} ({@code pcap_create}, the options, {@code pcap_activate},
     * then {@code pcap_compile}/{@code pcap_setfilter} for {@link LiveOptions#filter()}).
     *
     * @param device a device name as {@link #devices()} lists it, e.g. {@code eth0} or {@code any}
     * @param opts   snaplen, promiscuous mode, timeout, buffer, timestamp precision, filter and
     *               stop conditions
     * @return an active capture; the caller owns it and must {@link #close() close} it
     * @throws CaptureException libpcap is missing, the device does not exist, permission is
     *                          denied, or the filter does not compile (the message says which,
     *                          with libpcap's own text)
     */
    public static LiveCapture open(String device, LiveOptions opts) throws CaptureException {
        Libpcap lib = Libpcap.get();
        Arena arena = Arena.ofShared();
        MemorySegment pcap = MemorySegment.NULL;
        try {
            MemorySegment errbuf = arena.allocate(Libpcap.ERRBUF_SIZE);
            MemorySegment name = arena.allocateFrom(device);
            pcap = (MemorySegment) lib.create.invokeExact(name, errbuf);
            if (pcap.address() == 0) {
                throw new CaptureException(device, -1, "cannot capture on " + device + ": " + errbuf.getString(0));
            }
            check(lib, pcap, device, "snaplen", (int) lib.setSnaplen.invokeExact(pcap, opts.snaplen()));
            check(lib, pcap, device, "promiscuous mode", (int) lib.setPromisc.invokeExact(pcap, opts.promisc() ? 1 : 0));
            check(lib, pcap, device, "timeout", (int) lib.setTimeout.invokeExact(pcap, opts.timeoutMillis()));
            if (opts.bufferSize() > 0) {
                check(lib, pcap, device, "buffer size", (int) lib.setBufferSize.invokeExact(pcap, opts.bufferSize()));
            }
            if (opts.nanoseconds() && lib.setTstampPrecision != null) {
                // not supported on every platform: then timestamps stay microseconds
                int ignored = (int) lib.setTstampPrecision.invokeExact(pcap, Libpcap.PCAP_TSTAMP_PRECISION_NANO);
            }
            int rc = (int) lib.activate.invokeExact(pcap);
            if (rc < 0) {
                throw activationError(lib, pcap, device, rc);
            }
            long openedAt = System.nanoTime();
            boolean nanos = false;
            if (lib.getTstampPrecision != null) {
                nanos = (int) lib.getTstampPrecision.invokeExact(pcap) == Libpcap.PCAP_TSTAMP_PRECISION_NANO;
            }
            if (opts.filter() != null && !opts.filter().isBlank()) {
                setFilter(lib, pcap, arena, device, name, errbuf, opts.filter());
            }
            return new LiveCapture(lib, pcap, arena, device, nanos, opts, openedAt);
        } catch (Throwable t) {
            if (pcap.address() != 0) {
                try {
                    lib.close.invokeExact(pcap);
                } catch (Throwable ignored) {
                    // already failing
                }
            }
            arena.close();
            if (t instanceof CaptureException e) {
                throw e;
            }
            throw new CaptureException(device, -1, "cannot capture on " + device + ": " + t, t);
        }
    }

    private static void setFilter(Libpcap lib, MemorySegment pcap, Arena arena, String device, MemorySegment name,
                                  MemorySegment errbuf, String filter) throws Throwable {
        // the netmask matters only for "ip broadcast"; unknown is fine when the device has none
        MemorySegment net = arena.allocate(JAVA_INT);
        MemorySegment mask = arena.allocate(JAVA_INT);
        int netmask = (int) lib.lookupnet.invokeExact(name, net, mask, errbuf) == 0
                ? mask.get(JAVA_INT, 0) : Libpcap.PCAP_NETMASK_UNKNOWN;
        MemorySegment program = arena.allocate(Libpcap.BPF_PROGRAM_LENGTH, 8);
        int rc = (int) lib.compile.invokeExact(pcap, program, arena.allocateFrom(filter), 1, netmask);
        if (rc < 0) {
            throw new CaptureException(device, -1, "invalid capture filter \"" + filter + "\" for " + device + ": "
                    + geterr(lib, pcap));
        }
        rc = (int) lib.setfilter.invokeExact(pcap, program);
        lib.freecode.invokeExact(program);
        if (rc < 0) {
            throw new CaptureException(device, -1, "cannot set capture filter \"" + filter + "\" on " + device + ": "
                    + geterr(lib, pcap));
        }
    }

    private static void check(Libpcap lib, MemorySegment pcap, String device, String what, int rc) throws Throwable {
        if (rc != 0) {
            throw new CaptureException(device, -1, "cannot set " + what + " on " + device + ": " + status(lib, rc));
        }
    }

    private static CaptureException activationError(Libpcap lib, MemorySegment pcap, String device, int rc)
            throws Throwable {
        String err = geterr(lib, pcap);
        String msg = switch (rc) {
            case Libpcap.PCAP_ERROR_PERM_DENIED, Libpcap.PCAP_ERROR_PROMISC_PERM_DENIED ->
                    "cannot capture on " + device + ": permission denied (" + PERMISSION_HINT + ")";
            case Libpcap.PCAP_ERROR_NO_SUCH_DEVICE -> "cannot capture on " + device + ": no such device"
                    + (err.isEmpty() ? "" : " (" + err + ")") + "; list devices with -D";
            case Libpcap.PCAP_ERROR_IFACE_NOT_UP -> "cannot capture on " + device + ": the interface is down";
            default -> "cannot capture on " + device + ": " + (err.isEmpty() ? status(lib, rc) : err);
        };
        return new CaptureException(device, -1, msg);
    }

    static String geterr(Libpcap lib, MemorySegment pcap) throws Throwable {
        String s = Libpcap.string((MemorySegment) lib.geterr.invokeExact(pcap));
        return s == null ? "" : s;
    }

    private static String status(Libpcap lib, int rc) throws Throwable {
        return Libpcap.string((MemorySegment) lib.statustostr.invokeExact(rc));
    }

    /**
     * The next packet; blocks until one arrives or the capture stops. Call from one thread only.
     *
     * @return this capture's reused {@link Frame}, a view into libpcap's buffer valid until the
     *         next call or {@link #close()}; {@code null} once stopped ({@link #breakLoop()},
     *         {@link #close()}, an interrupt of the calling thread, the packet count or the
     *         duration of {@link LiveOptions})
     * @throws CaptureException libpcap reported an error while reading (e.g. the device went away)
     */
    @Override
    public Frame next() throws CaptureException {
        synchronized (lock) {
            if (closed || closeRequested) {
                return null;
            }
            inNext = true;
        }
        try {
            for (;;) {
                if (stop || (packetLimit > 0 && number >= packetLimit)
                        || (deadline != 0 && System.nanoTime() - deadline >= 0)
                        || Thread.currentThread().isInterrupted()) {
                    return null;
                }
                int rc = (int) nextEx.invokeExact(pcap, headerPointer, dataPointer);
                if (rc == 1) {
                    return packet();
                }
                if (rc == 0) {
                    // nothing yet: wait up to the timeout for the descriptor, then look at the stop conditions again
                    if (poll != null) {
                        int ignored = Libpcap.MAC ? (int) poll.invokeExact(pollFd, 1, pollMillis)
                                : (int) poll.invokeExact(pollFd, 1L, pollMillis);
                    }
                    continue;
                }
                if (rc == Libpcap.PCAP_ERROR_BREAK) {
                    stop = true;
                    return null;
                }
                throw new CaptureException(device, -1, "capture on " + device + " failed: " + geterr(lib, pcap));
            }
        } catch (CaptureException e) {
            throw e;
        } catch (Throwable t) {
            throw new CaptureException(device, -1, "capture on " + device + " failed: " + t, t);
        } finally {
            synchronized (lock) {
                inNext = false;
                if (closeRequested) {
                    release();
                }
            }
        }
    }

    private Frame packet() {
        // raw addresses, not ADDRESS reads: those would make a segment object per packet
        long header = headerPointer.get(JAVA_LONG, 0);
        long data = dataPointer.get(JAVA_LONG, 0);
        long seconds = Libpcap.C_LONG == 8 ? ALL.get(JAVA_LONG_UNALIGNED, header + Libpcap.HDR_TV_SEC_OFFSET)
                : ALL.get(JAVA_INT_UNALIGNED, header + Libpcap.HDR_TV_SEC_OFFSET);
        long fraction = Libpcap.HDR_TV_USEC_SIZE == 8 ? ALL.get(JAVA_LONG_UNALIGNED, header + Libpcap.HDR_TV_USEC_OFFSET)
                : ALL.get(JAVA_INT_UNALIGNED, header + Libpcap.HDR_TV_USEC_OFFSET);
        int caplen = ALL.get(JAVA_INT_UNALIGNED, header + Libpcap.HDR_CAPLEN_OFFSET);
        int len = ALL.get(JAVA_INT_UNALIGNED, header + Libpcap.HDR_LEN_OFFSET);
        long ts = seconds * 1_000_000_000L + (nanoseconds ? fraction : fraction * 1000);
        frame.set(++number, ALL, data, caplen, len, ts, 0, linkType);
        frame.snaplen(snaplen);
        frame.interfaceName(device);
        return frame;
    }

    /** Makes {@link #next()} return {@code null} soon ({@code pcap_breakloop}); safe from any thread. */
    public void breakLoop() {
        stop = true;
        synchronized (lock) {
            if (!closed) {
                try {
                    lib.breakloop.invokeExact(pcap);
                } catch (Throwable ignored) {
                    // the flag above stops the loop at the next timeout anyway
                }
            }
        }
    }

    /**
     * Packet counters from {@code pcap_stats}.
     *
     * @return a new snapshot of the counters (unsigned 32-bit values widened to {@code long})
     * @throws CaptureException the capture is closed or libpcap cannot give statistics
     */
    public LiveStats stats() throws CaptureException {
        synchronized (lock) {
            if (closed) {
                throw new CaptureException(device, -1, "capture on " + device + " is closed");
            }
            MemorySegment st = arena.allocate(Libpcap.STAT_LENGTH, 4);
            try {
                int rc = (int) lib.stats.invokeExact(pcap, st);
                if (rc < 0) {
                    throw new CaptureException(device, -1, "cannot get statistics of " + device + ": " + geterr(lib, pcap));
                }
            } catch (CaptureException e) {
                throw e;
            } catch (Throwable t) {
                throw new CaptureException(device, -1, "cannot get statistics of " + device + ": " + t, t);
            }
            return new LiveStats(Integer.toUnsignedLong(st.get(JAVA_INT, 0)), Integer.toUnsignedLong(st.get(JAVA_INT, 4)),
                    Integer.toUnsignedLong(st.get(JAVA_INT, 8)));
        }
    }

    /**
     * The link type of every frame of this capture.
     *
     * @return the device's {@code LINKTYPE_*} ({@code pcap_datalink}), read once at open
     */
    public int linkType() {
        return linkType;
    }

    /**
     * The snapshot length libpcap applies (it may differ from the one asked for).
     *
     * @return the snapshot length in bytes ({@code pcap_snapshot}), read once at open
     */
    public int snaplen() {
        return snaplen;
    }

    /**
     * The device this capture runs on.
     *
     * @return the device name given to {@link #open}
     */
    public String device() {
        return device;
    }

    /**
     * Whether timestamps have nanosecond precision. Frames always carry nanoseconds; without
     * nanosecond support the last three digits are 0.
     *
     * @return true when libpcap delivers nanosecond timestamps (asked for with
     *         {@link LiveOptions#nanoseconds()} and supported by the platform)
     */
    public boolean nanosecondTimestamps() {
        return nanoseconds;
    }

    /**
     * This capture as a capture interface, e.g. for {@link CaptureWriter#pcapng}.
     *
     * @return a new interface 0 with this capture's link type, snaplen, device name and timestamp
     *         resolution (no description)
     */
    public CaptureInterface captureInterface() {
        return new CaptureInterface(0, linkType, snaplen, device, null,
                nanoseconds ? CaptureInterface.NANOSECONDS : CaptureInterface.MICROSECONDS);
    }

    /** Closes the device ({@code pcap_close}); if {@code next()} runs on another thread, once it returns. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed || closeRequested) {
                return;
            }
            stop = true;
            if (inNext) {
                closeRequested = true;
                try {
                    lib.breakloop.invokeExact(pcap);
                } catch (Throwable ignored) {
                    // the flag stops the loop at the next timeout
                }
                return;
            }
            release();
        }
    }

    private void release() {
        closed = true;
        try {
            lib.close.invokeExact(pcap);
        } catch (Throwable ignored) {
            // nothing left to do with a handle that cannot be closed
        }
        arena.close();
    }

    // ---- device addresses -------------------------------------------------------------------------

    private static List<String> addresses(MemorySegment first) {
        List<String> out = new ArrayList<>();
        MemorySegment it = first;
        for (int n = 0; it.address() != 0 && n < MAX_LIST; n++) {
            MemorySegment a = it.reinterpret(Libpcap.ADDR_ADDR_OFFSET + Libpcap.POINTER);
            MemorySegment sa = a.get(ADDRESS, Libpcap.ADDR_ADDR_OFFSET);
            if (sa.address() != 0) {
                String s = sockaddr(sa.reinterpret(28));
                if (s != null) {
                    out.add(s);
                }
            }
            it = a.get(ADDRESS, Libpcap.ADDR_NEXT_OFFSET);
        }
        return out;
    }

    /** IPv4 or IPv6 address of a {@code sockaddr} as text, or {@code null} for other families. */
    static String sockaddr(MemorySegment sa) {
        int family = Libpcap.BSD_SOCKADDR ? sa.get(JAVA_BYTE, 1) & 0xFF : sa.get(JAVA_SHORT, 0) & 0xFFFF;
        if (family == 2) {
            // sockaddr_in: family, port, then the address at offset 4
            return AddressText.ipv4(Bytes.u32(sa, 4));
        }
        if (family == 10 || family == 30 || family == 28 || family == 23) {
            // AF_INET6 on Linux, macOS, FreeBSD, Windows; sockaddr_in6 has the address at offset 8
            return AddressText.ipv6(new StringBuilder(AddressText.IPV6_MAX_LENGTH), sa, 8).toString();
        }
        return null;
    }
}
