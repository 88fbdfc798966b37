package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dissect4j.api.Base;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Registration: the plugin is found by {@link java.util.ServiceLoader}, declares the tables and
 * dissectors of its brief, and every field it registers has Wireshark's name, type, base and
 * bitmask as {@code tshark -G fields} lists them (src/test/resources/tshark-glossary.tsv), apart
 * from the documented deviations.
 */
class RegistrationTest {
    @Test
    void pluginIsDiscoveredAndWiresItsTables() {
        Engine e = Engine.builder().build();
        assertThat(e.plugins()).anyMatch(p -> p.className().equals(NetPlugin.class.getName()));
        assertThat(e.dissector("frame")).isNotNull();
        Map<String, FieldType> tables = Map.of("ethertype", FieldType.UINT16, "ip.proto", FieldType.UINT8,
                "udp.port", FieldType.UINT16, "sll.ltype", FieldType.UINT16, "gre.proto", FieldType.UINT16,
                "null.type", FieldType.UINT32);
        tables.forEach((name, type) -> assertThat(e.table(name)).as(name).isNotNull()
                .extracting(DissectorTable::keyType).isEqualTo(type));
        assertThat(e.table("ethertype").base()).isEqualTo(Base.HEX);
        assertThat(e.heuristicLists()).anyMatch(l -> l.name().equals("udp"));
        DissectorTable link = e.table(Engine.LINK_TYPE_TABLE);
        for (int lt : new int[] {LinkType.NULL, LinkType.ETHERNET, LinkType.RAW, LinkType.LOOP, LinkType.LINUX_SLL,
            LinkType.IPV4, LinkType.IPV6, LinkType.LINUX_SLL2}) {
            assertThat(link.get(lt)).as("link type %d", lt).isNotNull();
        }
        assertThat(e.table("ethertype").get(0x0800).name()).isEqualTo("ip");
        assertThat(e.table("ethertype").get(0x86DD).name()).isEqualTo("ipv6");
        assertThat(e.table("ip.proto").get(17).name()).isEqualTo("udp");
        assertThat(e.table("gre.proto").get(0x0800).name()).isEqualTo("ip");
    }

    @Test
    void fieldsMatchWiresharksGlossary() throws Exception {
        Path glossary = Path.of(RegistrationTest.class.getResource("/tshark-glossary.tsv").toURI());
        Engine e = NetTestKit.engine();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(glossary)) {
            String[] c = line.split("\t", -1);
            if (c[0].equals("P")) {
                Protocol p = e.protocol(c[3]);
                if (p == null || !p.name().equals(c[1]) || !p.shortName().equals(c[2])) {
                    problems.add("protocol " + c[3] + ": " + (p == null ? "missing" : p.name() + "/" + p.shortName()));
                }
                continue;
            }
            if (!c[0].equals("F")) {
                continue;
            }
            String abbrev = c[2];
            Field f = e.field(abbrev);
            if (f == null) {
                problems.add(abbrev + ": not registered");
                continue;
            }
            checked++;
            String type = f.type().wiresharkName();
            String expectedType = switch (abbrev) {
                // Documented: Wireshark 4.0 registers it FT_RELATIVE_TIME; newer Wireshark and the brief use an
                // absolute time shown as epoch seconds, printed the same.
                case "frame.time_epoch" -> "FT_ABSOLUTE_TIME";
                // Documented: FT_BYTES with SEP_COLON in Wireshark; FT_ETHER prints the same text.
                case "icmpv6.opt.linkaddr", "icmpv6.opt.src_linkaddr", "icmpv6.opt.target_linkaddr" -> "FT_ETHER";
                default -> c[3];
            };
            if (!type.equals(expectedType)) {
                problems.add(abbrev + ": type " + type + ", tshark " + c[3]);
            }
            if (!f.name().equals(c[1])) {
                problems.add(abbrev + ": name '" + f.name() + "', tshark '" + c[1] + "'");
            }
            long mask = Long.decode(c[6]);
            if (f.bitmask() != mask) {
                problems.add(abbrev + ": mask 0x" + Long.toHexString(f.bitmask()) + ", tshark " + c[6]);
            }
            String base = c[5];
            if (f.type().isInteger() && f.type() != FieldType.BOOLEAN) {
                String want = switch (base) {
                    case "BASE_PT_UDP", "BASE_CUSTOM" -> "BASE_DEC";
                    case "" -> "BASE_NONE";
                    default -> base;
                };
                if (!f.base().wiresharkName().equals(want) && !(want.equals("BASE_NONE") && f.base() == Base.NONE)) {
                    problems.add(abbrev + ": base " + f.base().wiresharkName() + ", tshark " + base);
                }
            }
            if (f.type() == FieldType.BOOLEAN && mask != 0 && !base.equals(Integer.toString(f.bitWidth()))) {
                problems.add(abbrev + ": boolean width " + f.bitWidth() + ", tshark " + base);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(300);
    }
}
