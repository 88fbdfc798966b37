package org.dissect4j.capture;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * libpcap bound through the FFM API (the way jnetpcap 2 does it): the shared library is looked up
 * by its usual names, each function becomes a downcall {@link MethodHandle}. Loaded once per JVM
 * on first use; when the library is missing every use fails with {@link #MISSING}.
 *
 * <p>Native structs read here (LP64 Linux/macOS; offsets derive from the C {@code long} size):
 * <pre>
 * struct pcap_if   { pcap_if *next; char *name; char *description; pcap_addr *addresses; u_int flags; }
 * struct pcap_addr { pcap_addr *next; sockaddr *addr; sockaddr *netmask; sockaddr *broadaddr; sockaddr *dstaddr; }
 * struct pcap_pkthdr { struct timeval ts; u_int caplen; u_int len; }   timeval = { long sec; suseconds_t usec; }
 * struct pcap_stat { u_int ps_recv; u_int ps_drop; u_int ps_ifdrop; }
 * struct bpf_program { u_int bf_len; bpf_insn *bf_insns; }
 * </pre>
 */
@SuppressWarnings("restricted") // calling libpcap is what this class is for; the launcher grants native access
final class Libpcap {
    static final String MISSING = "libpcap not found: install it (Debian: apt-get install libpcap0.8)";
    /** Library names tried in order; the system property {@code dissect4j.libpcap} (a path or name) comes first. */
    static final List<String> NAMES = List.of("libpcap.so.1", "libpcap.so.0.8", "libpcap.so",
            "libpcap.A.dylib", "libpcap.dylib", "wpcap");

    static final int ERRBUF_SIZE = 256;
    static final int PCAP_ERROR = -1;
    static final int PCAP_ERROR_BREAK = -2;
    static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
    static final int PCAP_ERROR_PERM_DENIED = -8;
    static final int PCAP_ERROR_IFACE_NOT_UP = -9;
    static final int PCAP_ERROR_PROMISC_PERM_DENIED = -11;
    static final int PCAP_IF_LOOPBACK = 0x1;
    static final int PCAP_IF_UP = 0x2;
    static final int PCAP_TSTAMP_PRECISION_NANO = 1;
    static final int PCAP_NETMASK_UNKNOWN = 0xffffffff;

    // struct offsets (LP64: pointers and C long are 8 bytes)
    static final long POINTER = ADDRESS.byteSize();
    static final long C_LONG = Linker.nativeLinker().canonicalLayouts().get("long").byteSize();
    static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    static final boolean BSD_SOCKADDR = MAC || System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("bsd");
    static final long IF_NEXT_OFFSET = 0;
    static final long IF_NAME_OFFSET = IF_NEXT_OFFSET + POINTER;
    static final long IF_DESCRIPTION_OFFSET = IF_NAME_OFFSET + POINTER;
    static final long IF_ADDRESSES_OFFSET = IF_DESCRIPTION_OFFSET + POINTER;
    static final long IF_FLAGS_OFFSET = IF_ADDRESSES_OFFSET + POINTER;
    static final long ADDR_NEXT_OFFSET = 0;
    static final long ADDR_ADDR_OFFSET = ADDR_NEXT_OFFSET + POINTER;
    static final long HDR_TV_SEC_OFFSET = 0;
    static final long HDR_TV_USEC_OFFSET = C_LONG;
    /** suseconds_t is a C long on Linux, a 32-bit int on macOS. */
    static final long HDR_TV_USEC_SIZE = MAC ? 4 : C_LONG;
    static final long HDR_CAPLEN_OFFSET = (HDR_TV_USEC_OFFSET + HDR_TV_USEC_SIZE + C_LONG - 1) & -C_LONG;
    static final long HDR_LEN_OFFSET = HDR_CAPLEN_OFFSET + 4;
    static final long STAT_LENGTH = 3 * 4;
    /** struct pollfd { int fd; short events; short revents; } */
    static final long POLLFD_FD_OFFSET = 0;
    static final long POLLFD_EVENTS_OFFSET = 4;
    static final long POLLFD_LENGTH = 8;
    static final short POLLIN = 1;
    static final long BPF_PROGRAM_LENGTH = 2 * POINTER;

    final MethodHandle findalldevs;
    final MethodHandle freealldevs;
    final MethodHandle create;
    final MethodHandle setSnaplen;
    final MethodHandle setPromisc;
    final MethodHandle setTimeout;
    final MethodHandle setBufferSize;
    /** Null in libpcap before 1.5. */
    final MethodHandle setTstampPrecision;
    final MethodHandle getTstampPrecision;
    final MethodHandle activate;
    final MethodHandle lookupnet;
    final MethodHandle compile;
    final MethodHandle setfilter;
    final MethodHandle freecode;
    final MethodHandle nextEx;
    final MethodHandle breakloop;
    final MethodHandle stats;
    final MethodHandle datalink;
    final MethodHandle snapshot;
    final MethodHandle geterr;
    final MethodHandle statustostr;
    final MethodHandle close;
    final MethodHandle libVersion;
    /** Null where libpcap has no selectable descriptor (Windows): then reads block in libpcap. */
    final MethodHandle getSelectableFd;
    final MethodHandle setnonblock;
    /** libc {@code poll}, or null. */
    final MethodHandle poll;

    private Libpcap(SymbolLookup lib) {
        Linker linker = Linker.nativeLinker();
        findalldevs = handle(linker, lib, "pcap_findalldevs", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        freealldevs = handle(linker, lib, "pcap_freealldevs", FunctionDescriptor.ofVoid(ADDRESS));
        create = handle(linker, lib, "pcap_create", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        setSnaplen = handle(linker, lib, "pcap_set_snaplen", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setPromisc = handle(linker, lib, "pcap_set_promisc", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setTimeout = handle(linker, lib, "pcap_set_timeout", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setBufferSize = handle(linker, lib, "pcap_set_buffer_size", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setTstampPrecision = optional(linker, lib, "pcap_set_tstamp_precision",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        getTstampPrecision = optional(linker, lib, "pcap_get_tstamp_precision", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        activate = handle(linker, lib, "pcap_activate", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        lookupnet = handle(linker, lib, "pcap_lookupnet",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        compile = handle(linker, lib, "pcap_compile",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT));
        setfilter = handle(linker, lib, "pcap_setfilter", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        freecode = handle(linker, lib, "pcap_freecode", FunctionDescriptor.ofVoid(ADDRESS));
        nextEx = handle(linker, lib, "pcap_next_ex", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        breakloop = handle(linker, lib, "pcap_breakloop", FunctionDescriptor.ofVoid(ADDRESS));
        stats = handle(linker, lib, "pcap_stats", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        datalink = handle(linker, lib, "pcap_datalink", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        snapshot = handle(linker, lib, "pcap_snapshot", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        geterr = handle(linker, lib, "pcap_geterr", FunctionDescriptor.of(ADDRESS, ADDRESS));
        statustostr = handle(linker, lib, "pcap_statustostr", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        close = handle(linker, lib, "pcap_close", FunctionDescriptor.ofVoid(ADDRESS));
        libVersion = handle(linker, lib, "pcap_lib_version", FunctionDescriptor.of(ADDRESS));
        getSelectableFd = optional(linker, lib, "pcap_get_selectable_fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        setnonblock = optional(linker, lib, "pcap_setnonblock", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        // int poll(struct pollfd *fds, nfds_t nfds, int timeout); nfds_t is unsigned long on Linux, unsigned int on macOS
        poll = optional(linker, linker.defaultLookup(), "poll",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, MAC ? JAVA_INT : JAVA_LONG, JAVA_INT));
    }

    private static MethodHandle handle(Linker linker, SymbolLookup lib, String name, FunctionDescriptor fd) {
        MethodHandle h = optional(linker, lib, name, fd);
        if (h == null) {
            throw new IllegalArgumentException("libpcap lacks " + name);
        }
        return h;
    }

    private static MethodHandle optional(Linker linker, SymbolLookup lib, String name, FunctionDescriptor fd) {
        Optional<MemorySegment> symbol = lib.find(name);
        return symbol.map(s -> linker.downcallHandle(s, fd)).orElse(null);
    }

    /** The library, loaded on first use. */
    static Libpcap get() throws CaptureException {
        Holder h = Holder.INSTANCE;
        if (h.lib == null) {
            throw new CaptureException(null, -1, h.error);
        }
        return h.lib;
    }

    /** Loads the first of {@code names} that exists; the message of the failure otherwise. */
    static Libpcap load(List<String> names) throws CaptureException {
        List<String> tried = new ArrayList<>();
        for (String name : names) {
            SymbolLookup lookup;
            try {
                lookup = SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException e) {
                tried.add(name);
                continue;
            }
            try {
                return new Libpcap(lookup);
            } catch (IllegalArgumentException e) {
                throw new CaptureException(null, -1, name + " is too old for dissect4j: " + e.getMessage()
                        + " (libpcap 1.0 or later is needed)");
            }
        }
        throw new CaptureException(null, -1, MISSING);
    }

    private static final class Holder {
        static final Holder INSTANCE = new Holder();
        final Libpcap lib;
        final String error;

        private Holder() {
            List<String> names = new ArrayList<>();
            String override = System.getProperty("dissect4j.libpcap");
            if (override != null && !override.isBlank()) {
                names.add(override);
            }
            names.addAll(NAMES);
            Libpcap l = null;
            String e = null;
            try {
                l = load(names);
            } catch (CaptureException ex) {
                e = ex.getMessage();
            } catch (IllegalCallerException ex) {
                // native access not granted to this module
                e = "live capture needs native access: run java with --enable-native-access="
                        + (Libpcap.class.getModule().isNamed() ? Libpcap.class.getModule().getName() : "ALL-UNNAMED");
            }
            lib = l;
            error = e;
        }
    }

    /** A C string at {@code address} (up to its NUL), or {@code null} for a null pointer. */
    static String string(MemorySegment address) {
        if (address == null || address.address() == 0) {
            return null;
        }
        return address.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
