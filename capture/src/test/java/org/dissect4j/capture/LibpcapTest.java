package org.dissect4j.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parts of the libpcap binding that need neither root nor traffic. */
class LibpcapTest {
    @Test
    void missingLibraryIsOneClearLine() {
        assertThatThrownBy(() -> Libpcap.load(List.of("libdissect4j-no-such-pcap.so.42")))
                .isInstanceOf(CaptureException.class)
                .hasMessage("libpcap not found: install it (Debian: apt-get install libpcap0.8)");
    }

    @Test
    void pkthdrLayoutOnLinux64() {
        if (Libpcap.C_LONG == 8 && !Libpcap.MAC) {
            assertThat(Libpcap.HDR_TV_USEC_OFFSET).isEqualTo(8);
            assertThat(Libpcap.HDR_CAPLEN_OFFSET).isEqualTo(16);
            assertThat(Libpcap.HDR_LEN_OFFSET).isEqualTo(20);
            assertThat(Libpcap.IF_FLAGS_OFFSET).isEqualTo(32);
        }
    }

    @Test
    void optionsValidateAndDefault() {
        LiveOptions d = LiveOptions.defaults();
        assertThat(d).isEqualTo(new LiveOptions(262144, true, 100, 0, true, null, 0, 0));
        assertThat(d.withFilter("tcp").withSnaplen(96).withPromisc(false).withBufferSize(1 << 20)
                .withNanoseconds(false).withTimeoutMillis(5).withPacketCount(3).withDurationMillis(9))
                .isEqualTo(new LiveOptions(96, false, 5, 1 << 20, false, "tcp", 3, 9));
        assertThatThrownBy(() -> d.withSnaplen(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withPacketCount(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
