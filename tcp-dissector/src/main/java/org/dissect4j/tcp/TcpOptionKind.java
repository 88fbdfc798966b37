package org.dissect4j.tcp;

import org.dissect4j.api.ValueNames;

/** TCP option kinds (IANA "TCP Option Kind Numbers"), as open int constants with Wireshark's names. */
public final class TcpOptionKind {
    private TcpOptionKind() {
    }

    public static final int EOL = 0, NOP = 1, MSS = 2, WINDOW = 3, SACK_PERM = 4, SACK = 5, ECHO = 6, ECHOREPLY = 7,
            TIMESTAMP = 8, CC = 11, CCNEW = 12, CCECHO = 13, MD5 = 19, SCPS = 20, SNACK = 21, RECBOUND = 22,
            CORREXP = 23, QS = 27, USER_TO = 28, AO = 29, MPTCP = 30, TFO = 34, RVBD_PROBE = 76, RVBD_TRPY = 78,
            ACC_ECN_0 = 172, ACC_ECN_1 = 174, EXP_FD = 0xfd, EXP_FE = 0xfe;

    /** Wireshark's names of the kinds ({@code tcp.option_kind}). */
    public static final ValueNames NAMES = ValueNames.of(
            EOL, "End of Option List", NOP, "No-Operation", MSS, "Maximum Segment Size", WINDOW, "Window Scale",
            SACK_PERM, "SACK Permitted", SACK, "SACK", ECHO, "Echo", ECHOREPLY, "Echo Reply", TIMESTAMP, "Time Stamp Option",
            9, "Partial Order Connection Permitted", 10, "Partial Order Service Profile", CC, "CC", CCNEW, "CC.NEW",
            CCECHO, "CC.ECHO", 14, "TCP Alternate Checksum Request", 15, "TCP Alternate Checksum Data", 16, "Skeeter",
            17, "Bubba", 18, "Trailer Checksum Option", MD5, "MD5 Signature Option", SCPS, "SCPS Capabilities",
            SNACK, "Selective Negative Acknowledgements", RECBOUND, "Record Boundaries", CORREXP, "Corruption experienced",
            24, "SNAP", 25, "Unassigned", 26, "TCP Compression Filter", QS, "Quick-Start Response",
            USER_TO, "User Timeout Option", AO, "The TCP Authentication Option", MPTCP, "Multipath TCP",
            TFO, "TCP Fast Open Cookie", RVBD_PROBE, "Riverbed Probe", RVBD_TRPY, "Riverbed Transparency",
            ACC_ECN_0, "Accurate ECN Order 0", ACC_ECN_1, "Accurate ECN Order 1",
            EXP_FD, "RFC3692-style Experiment 1", EXP_FE, "RFC3692-style Experiment 2");

    /** The name of {@code kind}, or {@code null}. */
    public static String name(int kind) {
        return NAMES.name(kind);
    }
}
