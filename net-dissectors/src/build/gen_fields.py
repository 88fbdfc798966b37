#!/usr/bin/env python3
"""Generates the *Fields.java classes of net-dissectors from tshark's glossary.

Usage: tshark -G fields > fields.txt; tshark -G values > values.txt
       python3 gen_fields.py fields.txt values.txt ../main/java/org/dissect4j/net

Field abbreviations, names, types, bases, bitmasks, descriptions and value names are copied
from tshark 4.0.17's registrations so that they are byte-identical to Wireshark's. The list of
fields per class (what net-dissectors actually records) is the SPEC below; edit it and rerun.

A value-name table that several fields carry (Ethertypes, IP protocol numbers, ARP hardware types...)
is written once, as a constant of SharedValueNames.java, and every such field refers to it; SHARED
names those constants.
"""
import sys, re, collections, textwrap, os

SPEC = collections.OrderedDict()

def spec(cls, prefix, doc, fields, hidden=(), overrides=None, extras=None):
    """extras: builder calls the glossary cannot express (labelers, BASE_ALLOW_ZERO), per field."""
    SPEC[cls] = dict(prefix=prefix, doc=doc, fields=fields.split(), hidden=set(hidden), overrides=overrides or {},
                     extras=extras or {})

spec('FrameFields', 'frame.', 'Fields of the {@code frame} pseudo-protocol (Wireshark\'s packet-frame.c).', '''
frame.section_number frame.interface_id frame.interface_name frame.encap_type frame.time frame.offset_shift frame.time_epoch
frame.time_delta frame.time_delta_displayed frame.time_relative frame.number frame.len frame.cap_len
frame.marked frame.ignored frame.protocols frame.comment''',
     overrides={'frame.time_epoch': ('ABSOLUTE_TIME', 'UNIX_SECONDS')},
     # Wireshark's own labels for these two (packet-frame.c writes them by hand, not from the field name)
     extras={'frame.interface_id': ['.labeler(FrameLabels::interfaceId)'],
             'frame.len': ['.labeler((t, n, out) -> out.append("Frame Length: ").append(t.value(n)).append(" bytes (")',
                           '        .append(t.value(n) * 8).append(" bits)"))'],
             'frame.cap_len': ['.labeler((t, n, out) -> out.append("Capture Length: ").append(t.value(n)).append(" bytes (")',
                               '        .append(t.value(n) * 8).append(" bits)"))']})

spec('EthernetFields', 'eth.', 'Fields of Ethernet II and IEEE 802.3 headers (Wireshark\'s packet-eth.c).', '''
eth.dst eth.dst_resolved eth.dst.oui eth.dst.oui_resolved eth.dst.lg eth.dst.ig eth.src eth.src_resolved eth.src.oui
eth.src.oui_resolved eth.src.lg eth.src.ig eth.addr eth.addr_resolved eth.addr.oui eth.addr.oui_resolved
eth.lg eth.ig eth.len eth.type eth.invalid_lentype eth.padding eth.trailer eth.fcs eth.fcs.status''',
     hidden=['eth.dst.oui', 'eth.src.oui', 'eth.addr.oui', 'eth.lg', 'eth.ig', 'eth.dst_resolved', 'eth.src_resolved',
             'eth.addr_resolved', 'eth.dst.oui_resolved', 'eth.src.oui_resolved', 'eth.addr.oui_resolved'],
     extras={'eth.fcs': ['.labeler(NetProtocols::fcsLabel)']})

spec('LlcFields', 'llc.', 'Fields of IEEE 802.2 LLC and SNAP headers (Wireshark\'s packet-llc.c).', '''
llc.dsap llc.dsap.sap llc.dsap.ig llc.ssap llc.ssap.sap llc.ssap.cr llc.control llc.control.u_modifier_cmd
llc.control.u_modifier_resp llc.control.ftype llc.type llc.oui llc.pid''')

spec('VlanFields', 'vlan.', 'Fields of IEEE 802.1Q VLAN tags (Wireshark\'s packet-vlan.c) and IEEE 802.1ad service tags (packet-ieee8021ah.c).', '''
vlan.priority vlan.dei vlan.id vlan.etype vlan.len vlan.trailer
ieee8021ad.priority ieee8021ad.dei ieee8021ad.id ieee8021ah.etype ieee8021ah.trailer''')

spec('SllFields', 'sll.', 'Fields of Linux cooked-mode capture headers v1 and v2 (Wireshark\'s packet-sll.c).', '''
sll.pkttype sll.hatype sll.halen sll.src.eth sll.src.ipv4 sll.src.other sll.unused sll.ltype sll.gretype
sll.etype sll.trailer sll.ifindex''')

spec('NullFields', 'null.', 'Fields of BSD loopback (null) headers (Wireshark\'s packet-null.c).', '''
null.type null.family''')

spec('Ipv4Fields', 'ip.', 'Fields of IPv4 headers, options and fragment reassembly (Wireshark\'s packet-ip.c).', '''
ip.version ip.hdr_len ip.dsfield ip.dsfield.dscp ip.dsfield.ecn ip.len ip.id ip.dst ip.dst_host ip.src
ip.src_host ip.addr ip.host ip.flags ip.flags.rb ip.flags.df ip.flags.mf ip.frag_offset ip.ttl ip.proto
ip.checksum ip.checksum_calculated ip.checksum.status ip.opt.type ip.opt.type.copy ip.opt.type.class
ip.opt.type.number ip.opt.len ip.opt.ptr ip.opt.sid ip.opt.mtu ip.opt.id_number ip.opt.ohc ip.opt.rhc
ip.opt.originator ip.opt.ra ip.opt.addr ip.opt.padding ip.opt.qs_func ip.opt.qs_rate ip.opt.qs_ttl
ip.opt.qs_ttl_diff ip.opt.qs_unused ip.opt.qs_nonce ip.opt.qs_reserved
ip.opt.sec_rfc791_sec ip.opt.sec_rfc791_comp ip.opt.sec_rfc791_hr ip.opt.sec_rfc791_tcc ip.opt.sec_cl
ip.opt.sec_prot_auth_flags ip.opt.sec_prot_auth_genser ip.opt.sec_prot_auth_siop_esi ip.opt.sec_prot_auth_sci
ip.opt.sec_prot_auth_nsa ip.opt.sec_prot_auth_doe ip.opt.sec_prot_auth_unassigned ip.opt.sec_prot_auth_fti
ip.rec_rt ip.rec_rt_host ip.cur_rt ip.cur_rt_host ip.src_rt ip.src_rt_host ip.empty_rt ip.empty_rt_host
ip.fragment.overlap ip.fragment.overlap.conflict ip.fragment.multipletails ip.fragment.toolongfragment
ip.fragment.error ip.fragment.count ip.fragment ip.fragments ip.reassembled_in ip.reassembled.length
ip.reassembled.data ip.opt.overflow ip.opt.flag ip.opt.time_stamp ip.opt.time_stamp_addr''',
     hidden=['ip.addr', 'ip.host', 'ip.src_host', 'ip.dst_host', 'ip.rec_rt_host', 'ip.cur_rt_host',
             'ip.src_rt_host', 'ip.empty_rt_host'],
     # packet-ip.c writes these lines by hand (bits of a byte, short names, the checksum's verdict, and a
     # Total Length of 0 taken for the frame's length: TSO)
     extras={'ip.version': ['.labeler(IpLabels::version)'], 'ip.hdr_len': ['.labeler(IpLabels::headerLength)'],
             'ip.dsfield': ['.labeler(IpLabels::dsfield)'], 'ip.flags': ['.labeler(IpLabels::flags)'],
             'ip.checksum': ['.labeler(IpLabels::checksum)'], 'ip.frag_offset': ['.labeler(IpLabels::fragmentOffset)'],
             'ip.fragments': ['.labeler(IpLabels::ipv4Fragments)'], 'ip.fragment': ['.labeler(IpLabels::fragment)'], 'ip.len': ['.labeler(NetProtocols::ipTotalLengthLabel)']})

spec('Ipv6Fields', 'ipv6.', 'Fields of IPv6 headers and extension headers (Wireshark\'s packet-ipv6.c).', '''
ipv6.version ipv6.tclass ipv6.tclass.dscp ipv6.tclass.ecn ipv6.flow ipv6.plen ipv6.nxt ipv6.hlim
ipv6.src ipv6.src_host ipv6.dst ipv6.dst_host ipv6.addr ipv6.host
ipv6.src_6to4_gw_ipv4 ipv6.src_6to4_sla_id ipv6.dst_6to4_gw_ipv4 ipv6.dst_6to4_sla_id ipv6.6to4_gw_ipv4 ipv6.6to4_sla_id
ipv6.src_ts_ipv4 ipv6.src_tc_port ipv6.src_tc_ipv4 ipv6.dst_ts_ipv4 ipv6.dst_tc_port ipv6.dst_tc_ipv4
ipv6.ts_ipv4 ipv6.tc_port ipv6.tc_ipv4 ipv6.src_slaac_mac ipv6.dst_slaac_mac ipv6.slaac_mac
ipv6.src_isatap_ipv4 ipv6.dst_isatap_ipv4 ipv6.isatap_ipv4 ipv6.embed_ipv4_prefix ipv6.src_embed_ipv4
ipv6.dst_embed_ipv4 ipv6.embed_ipv4
ipv6.opt ipv6.opt.type ipv6.opt.type.action ipv6.opt.type.change ipv6.opt.type.rest ipv6.opt.length
ipv6.opt.pad1 ipv6.opt.padn ipv6.opt.router_alert ipv6.opt.tel ipv6.opt.jumbo ipv6.opt.unknown ipv6.opt_unknown_data
ipv6.opt.experimental
ipv6.opt.mipv6.home_address
ipv6.fragment ipv6.fragment.overlap ipv6.fragment.overlap.conflict ipv6.fragment.multipletails
ipv6.fragment.toolongfragment ipv6.fragment.error ipv6.fragment.count ipv6.fragments ipv6.reassembled.in
ipv6.reassembled.length ipv6.reassembled.data
ipv6.hopopts.nxt ipv6.hopopts.len ipv6.hopopts.len_oct
ipv6.routing.nxt ipv6.routing.len ipv6.routing.len_oct ipv6.routing.type ipv6.routing.segleft
ipv6.routing.unknown_data ipv6.routing.src.reserved ipv6.routing.src.addr ipv6.routing.srh.last_entry
ipv6.routing.srh.flags ipv6.routing.srh.tag ipv6.routing.srh.addr
ipv6.routing.mipv6.reserved ipv6.routing.mipv6.home_address
ipv6.fraghdr.nxt ipv6.fraghdr.reserved_octet ipv6.fraghdr.offset ipv6.fraghdr.reserved_bits
ipv6.fraghdr.more ipv6.fraghdr.ident
ipv6.dstopts.nxt ipv6.dstopts.len ipv6.dstopts.len_oct''',
     hidden=['ipv6.addr', 'ipv6.host', 'ipv6.src_host', 'ipv6.dst_host', 'ipv6.6to4_gw_ipv4', 'ipv6.6to4_sla_id',
             'ipv6.ts_ipv4', 'ipv6.tc_port', 'ipv6.tc_ipv4', 'ipv6.slaac_mac', 'ipv6.isatap_ipv4'],
     # registered with BASE_ALLOW_ZERO, which the glossary does not show: an empty PadN prints <none>
     extras={'ipv6.opt.padn': ['.allowZero()'],
             # packet-ipv6.c appends the unit to the computed header lengths
             'ipv6.hopopts.len_oct': ['.labeler(IpLabels::lengthInBytes)'],
             'ipv6.fragments': ['.labeler(IpLabels::ipv6Fragments)'], 'ipv6.fragment': ['.labeler(IpLabels::fragment)'],
             'ipv6.routing.len_oct': ['.labeler(IpLabels::lengthInBytes)'],
             'ipv6.dstopts.len_oct': ['.labeler(IpLabels::lengthInBytes)'],
             # packet-ipv6.c draws these lines by hand: the version as bits of its byte, the class's short names
             'ipv6.version': ['.labeler(IpLabels::version)'], 'ipv6.tclass': ['.labeler(IpLabels::dsfield)']})

spec('UdpFields', 'udp.', 'Fields of UDP headers (Wireshark\'s packet-udp.c).', '''
udp.srcport udp.dstport udp.port udp.stream udp.length udp.checksum udp.checksum_calculated
udp.checksum.status udp.time_relative udp.time_delta udp.payload''', hidden=['udp.port'],
     extras={'udp.checksum': ['.labeler(UdpLabels::checksum)'], 'udp.payload': ['.labeler(UdpLabels::payload)']})

spec('ArpFields', 'arp.', 'Fields of ARP/RARP packets (Wireshark\'s packet-arp.c).', '''
arp.hw.type arp.proto.type arp.hw.size arp.proto.size arp.opcode arp.isgratuitous arp.isprobe
arp.isannouncement arp.src.hw arp.src.hw_mac arp.src.proto arp.src.proto_ipv4 arp.dst.hw arp.dst.hw_mac
arp.dst.proto arp.dst.proto_ipv4''')

spec('IcmpFields', 'icmp.', 'Fields of ICMP messages (Wireshark\'s packet-icmp.c).', '''
icmp.type icmp.code icmp.checksum icmp.checksum.status icmp.unused icmp.reserved icmp.ident icmp.ident_le
icmp.seq icmp.seq_le icmp.mtu icmp.num_addrs icmp.addr_entry_size icmp.lifetime icmp.pointer
icmp.router_address icmp.pref_level icmp.originate_timestamp icmp.receive_timestamp icmp.transmit_timestamp
icmp.address_mask icmp.redir_gw icmp.resp_in icmp.resp_to icmp.resptime icmp.data_time
icmp.data_time_relative icmp.length icmp.length.original_datagram''',
     extras={'icmp.type': ['.labeler(IcmpLabels::type)'], 'icmp.code': ['.labeler(IcmpLabels::code)'],
             'icmp.checksum': ['.labeler(IcmpLabels::checksum)'], 'icmp.resptime': ['.labeler(IcmpLabels::responseTime)']})

spec('Icmpv6Fields', 'icmpv6.', 'Fields of ICMPv6 messages and neighbour discovery (Wireshark\'s packet-icmpv6.c).', '''
icmpv6.type icmpv6.code icmpv6.checksum icmpv6.checksum.status icmpv6.reserved icmpv6.data icmpv6.mtu
icmpv6.pointer icmpv6.echo.identifier icmpv6.echo.sequence_number icmpv6.nonce icmpv6.nd.ra.cur_hop_limit
icmpv6.nd.ra.flag icmpv6.nd.ra.flag.m icmpv6.nd.ra.flag.o icmpv6.nd.ra.flag.h icmpv6.nd.ra.flag.prf
icmpv6.nd.ra.flag.p icmpv6.nd.ra.flag.rsv icmpv6.nd.ra.router_lifetime icmpv6.nd.ra.reachable_time
icmpv6.nd.ra.retrans_timer icmpv6.nd.ns.target_address icmpv6.nd.na.flag icmpv6.nd.na.flag.r
icmpv6.nd.na.flag.s icmpv6.nd.na.flag.o icmpv6.nd.na.flag.rsv icmpv6.nd.na.target_address
icmpv6.nd.rd.target_address icmpv6.rd.na.destination_address icmpv6.opt icmpv6.opt.type icmpv6.opt.length
icmpv6.opt.reserved icmpv6.opt.linkaddr icmpv6.opt.src_linkaddr icmpv6.opt.target_linkaddr
icmpv6.opt.prefix.length icmpv6.opt.prefix.flag icmpv6.opt.prefix.flag.l icmpv6.opt.prefix.flag.a
icmpv6.opt.prefix.flag.r icmpv6.opt.prefix.flag.reserved icmpv6.opt.prefix.valid_lifetime
icmpv6.opt.prefix.preferred_lifetime icmpv6.opt.prefix icmpv6.opt.redirected_packet icmpv6.opt.mtu
icmpv6.opt.rdnss.lifetime icmpv6.opt.rdnss icmpv6.resp_in icmpv6.resp_to icmpv6.resptime
icmpv6.mld.maximum_response_delay icmpv6.mld.multicast_address icmpv6.mld.maximum_response_code icmpv6.mld.flag
icmpv6.mld.flag.s icmpv6.mld.flag.qrv icmpv6.mld.flag.reserved icmpv6.mld.qqi icmpv6.mld.nb_sources
icmpv6.mld.source_address icmpv6.mldr.nb_mcast_records icmpv6.mldr.mar icmpv6.mldr.mar.record_type
icmpv6.mldr.mar.aux_data_len icmpv6.mldr.mar.nb_sources icmpv6.mldr.mar.multicast_address
icmpv6.mldr.mar.source_address icmpv6.mldr.mar.auxiliary_data''',
     hidden=['icmpv6.opt.src_linkaddr', 'icmpv6.opt.target_linkaddr'],
     extras={'icmpv6.checksum': ['.labeler(Icmpv6Labels::checksum)'], 'icmpv6.nd.na.flag': ['.labeler(Icmpv6Labels::naFlags)'],
             'icmpv6.nd.ra.flag': ['.labeler(Icmpv6Labels::raFlags)'], 'icmpv6.opt': ['.labeler(Icmpv6Labels::option)'],
             'icmpv6.opt.length': ['.labeler(Icmpv6Labels::optionLength)'],
             'icmpv6.opt.prefix.flag': ['.labeler(Icmpv6Labels::prefixFlags)'],
             'icmpv6.opt.prefix.valid_lifetime': ['.labeler(Icmpv6Labels::lifetime)'],
             'icmpv6.opt.prefix.preferred_lifetime': ['.labeler(Icmpv6Labels::lifetime)'],
             'icmpv6.mldr.mar': ['.labeler(Icmpv6Labels::multicastAddressRecord)'],
             'icmpv6.resptime': ['.labeler(IcmpLabels::responseTime)'], 'icmpv6.code': ['.labeler(Icmpv6Labels::code)']},
     # Wireshark shows these FT_BYTES with SEP_COLON (02:00:00:77:00:02); FT_ETHER renders the same.
     overrides={'icmpv6.opt.linkaddr': ('ETHER', None), 'icmpv6.opt.src_linkaddr': ('ETHER', None),
                'icmpv6.opt.target_linkaddr': ('ETHER', None)})

spec('GreFields', 'gre.', 'Fields of GRE headers (Wireshark\'s packet-gre.c).', '''
gre.flags_and_version gre.flags.checksum gre.flags.routing gre.flags.key gre.flags.sequence_number
gre.flags.strict_source_route gre.flags.recursion_control gre.flags.ack gre.flags.reserved gre.flags.version
gre.proto gre.checksum gre.checksum.status gre.offset gre.key gre.key.payload_length gre.key.call_id
gre.sequence_number gre.ack_number gre.routing gre.routing.address_family gre.routing.sre_offset
gre.routing.src_length gre.routing.information''')

# The shared tables, named by the first field (in SPEC order) that carries each: constant name, what it lists.
SHARED = collections.OrderedDict([
    ('eth.type', ('ETHERTYPES', 'Ethertypes')),
    ('eth.fcs.status', ('CHECKSUM_STATUS', 'Checksum verification results')),
    ('llc.dsap', ('LLC_SAPS', 'IEEE 802.2 service access points')),
    ('sll.hatype', ('ARP_HARDWARE_TYPES', 'ARP hardware types (also the link-layer address types of Linux cooked captures)')),
    ('sll.gretype', ('GRE_PROTOCOLS', 'Protocol types carried by GRE')),
    ('ip.dsfield.dscp', ('DSCP', 'Differentiated Services codepoints')),
    ('ip.dsfield.ecn', ('ECN', 'Explicit Congestion Notification codepoints')),
    ('ip.proto', ('IP_PROTOCOLS', 'IP protocol numbers (IPv4 Protocol, IPv6 Next Header)')),
    ('icmpv6.opt.prefix.valid_lifetime', ('PREFIX_LIFETIMES', 'Neighbour-discovery prefix lifetimes')),
])
SHARED_CLASS = 'SharedValueNames'
# The shared tables written into dissector-api because modules outside net-dissectors use them (DNS WKS records,
# Geneve's protocol type): constant -> (class, what it names, the fields that use it, how -V shows a value).
API_TABLES = {
    'IP_PROTOCOLS': ('IpProtocolNames', 'The names of IP protocol numbers (IPv4 Protocol, IPv6 Next Header), Wireshark\'s '
                     '{@code ipproto_val}: one table for every field that carries a protocol number ({@code ip.proto}, '
                     '{@code ipv6.nxt}, DNS WKS records).', 'Protocol number to name, as {@code -V} shows it ({@code TCP (6)}).'),
    'ETHERTYPES': ('EthertypeNames', 'The names of Ethertypes, Wireshark\'s {@code etype_vals}: one table for every field that '
                   'carries an Ethertype ({@code eth.type}, {@code vlan.etype}, {@code sll.etype}, Geneve\'s protocol type).',
                   'Ethertype to name, as {@code -V} shows it ({@code IPv4 (0x0800)}).'),
}


def write_api_table(const, table):
    """dissector-api's table class for {const} (this script lives in net-dissectors/src/build)."""
    cls, doc, member = API_TABLES[const]
    api = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'dissector-api', 'src', 'main', 'java',
                       'org', 'dissect4j', 'api')
    lines = ['package org.dissect4j.api;', '', '/**']
    lines += [' * ' + line for line in textwrap.wrap(doc, 110, break_on_hyphens=False)]
    lines += [' *',
              ' * <p>Generated by net-dissectors\' {@code src/build/gen_fields.py} from {@code tshark -G values} of tshark',
              ' * 4.0.17. Do not edit by hand; change the generator and rerun it.',
              ' */',
              'public final class %s {' % cls,
              '    /** %s */' % member,
              '    public static final ValueNames NAMES = %s;' % table, '',
              '    private %s() {' % cls, '    }', '}']
    with open(os.path.join(api, cls + '.java'), 'w') as f:
        f.write('\n'.join(lines) + '\n')

TYPES = {'FT_NONE': 'NONE', 'FT_PROTOCOL': 'PROTOCOL', 'FT_BOOLEAN': 'BOOLEAN', 'FT_CHAR': 'CHAR',
         'FT_UINT8': 'UINT8', 'FT_UINT16': 'UINT16', 'FT_UINT24': 'UINT24', 'FT_UINT32': 'UINT32',
         'FT_UINT40': 'UINT40', 'FT_UINT48': 'UINT48', 'FT_UINT56': 'UINT56', 'FT_UINT64': 'UINT64',
         'FT_INT8': 'INT8', 'FT_INT16': 'INT16', 'FT_INT24': 'INT24', 'FT_INT32': 'INT32', 'FT_INT64': 'INT64',
         'FT_FLOAT': 'FLOAT', 'FT_DOUBLE': 'DOUBLE', 'FT_ABSOLUTE_TIME': 'ABSOLUTE_TIME',
         'FT_RELATIVE_TIME': 'RELATIVE_TIME', 'FT_STRING': 'STRING', 'FT_STRINGZ': 'STRINGZ', 'FT_BYTES': 'BYTES',
         'FT_ETHER': 'ETHER', 'FT_IPv4': 'IPv4', 'FT_IPv6': 'IPv6', 'FT_FRAMENUM': 'FRAMENUM', 'FT_GUID': 'GUID'}
BASES = {'BASE_DEC': 'DEC', 'BASE_HEX': 'HEX', 'BASE_OCT': 'OCT', 'BASE_DEC_HEX': 'DEC_HEX',
         'BASE_HEX_DEC': 'HEX_DEC', 'BASE_NONE': 'NONE', 'BASE_PT_UDP': 'DEC', 'BASE_PT_TCP': 'DEC',
         'BASE_OUI': 'OUI', 'BASE_CUSTOM': 'DEC', 'ABSOLUTE_TIME_LOCAL': 'LOCAL', 'ABSOLUTE_TIME_UTC': 'UTC'}


def jstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def num(t):
    try:
        return int(t, 16) if t.lower().startswith('0x') else int(t, 10)
    except ValueError:
        return None


def table(values, ab):
    """The (value, name) pairs of a field, first name of each value kept, as the generated code lists them."""
    seen = set()
    pairs = []
    for v, n in values[ab]:
        if v not in seen:
            seen.add(v)
            pairs.append((v, n))
    return tuple(pairs)


def value_names_of(pairs, indent, one_line_max=4):
    """Java text of ValueNames.of(...) for pairs: on one line up to one_line_max pairs, else one pair per line."""
    items = [('%dL, %s' if v > 2147483647 else '%d, %s') % (v, jstr(n)) for v, n in pairs]
    if len(items) <= one_line_max:
        return 'ValueNames.of(%s)' % ', '.join(items)
    return 'ValueNames.of(\n' + indent + (',\n' + indent).join(items) + ')'


def shared_tables(fields, values):
    """Maps each table that two or more fields carry to (constant name, description, fields carrying it)."""
    users = collections.OrderedDict()
    for s in SPEC.values():
        for ab in s['fields']:
            if ab in values and fields[ab][3] != 'FT_BOOLEAN':
                users.setdefault(table(values, ab), []).append(ab)
    shared = {}
    for pairs, abs_ in users.items():
        if len(abs_) < 2:
            continue
        if abs_[0] not in SHARED:
            raise SystemExit('fields %s share a value table: name it in SHARED' % ', '.join(abs_))
        const, what = SHARED[abs_[0]]
        shared[pairs] = (const, what, abs_)
    return shared


def write_shared(out, shared):
    lines = ['package org.dissect4j.net;', '', 'import org.dissect4j.api.ValueNames;', '', '/**',
             ' * Value-name tables that several fields carry, each written once: every field refers to the',
             ' * same constant instead of holding its own copy.',
             ' *',
             ' * <p>Generated by {@code src/build/gen_fields.py} from {@code tshark -G values} of tshark 4.0.17;',
             ' * the names are Wireshark\'s. Do not edit by hand; change the generator and rerun it.',
             ' */',
             'final class %s {' % SHARED_CLASS]
    order = [name for name, _ in SHARED.values()]
    for pairs, (const, what, abs_) in sorted(shared.items(), key=lambda e: order.index(e[1][0])):
        doc = '%s, for {@code %s}.' % (what, '}, {@code '.join(abs_))
        lines.append('    /**')
        # wrap between {@code ...} tags, never inside one
        lines += ['     * ' + line.replace('\0', ' ')
                  for line in textwrap.wrap(doc.replace('{@code ', '{@code\0'), 100, break_on_hyphens=False)]
        lines.append('     */')
        if const in API_TABLES:
            # other modules need these names too: the table lives in dissector-api
            lines.append('    static final ValueNames %s = %s.NAMES;' % (const, API_TABLES[const][0]))
            write_api_table(const, value_names_of(pairs, ' ' * 12, one_line_max=1))
        else:
            lines.append('    static final ValueNames %s = %s;' % (const, value_names_of(pairs, ' ' * 12, one_line_max=1)))
        lines.append('')
    lines += ['    private %s() {' % SHARED_CLASS, '    }', '}']
    for i, cls in enumerate(sorted(c for c, _, _ in API_TABLES.values())):
        lines.insert(2 + i, 'import org.dissect4j.api.%s;' % cls)
    with open('%s/%s.java' % (out, SHARED_CLASS), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    print(SHARED_CLASS, len(shared))


def main():
    fields_txt, values_txt, out = sys.argv[1:4]
    fields = {}
    for line in open(fields_txt, encoding='utf-8', errors='replace'):
        p = line.rstrip('\n').split('\t')
        if p[0] == 'F' and p[2] not in fields:
            fields[p[2]] = p
        elif p[0] == 'P':
            fields.setdefault(p[2], p)
    values = collections.defaultdict(list)
    tf = {}
    for line in open(values_txt, encoding='utf-8', errors='replace'):
        p = line.rstrip('\n').split('\t')
        if p[0] == 'V' and len(p) >= 4:
            v = num(p[2])
            if v is not None:
                values[p[1]].append((v, p[3]))
        elif p[0] == 'R' and len(p) >= 5:
            lo, hi = num(p[2]), num(p[3])
            if lo is None or hi is None:
                continue
            if hi - lo <= 255:
                for v in range(lo, hi + 1):
                    values[p[1]].append((v, p[4]))
            else:
                values[p[1]].append((lo, p[4]))
        elif p[0] == 'T' and len(p) >= 4:
            tf[p[1]] = (p[2], p[3])
    shared = shared_tables(fields, values)
    write_shared(out, shared)
    for cls, s in SPEC.items():
        lines = []
        lines.append('package org.dissect4j.net;')
        lines.append('')
        lines.append('import org.dissect4j.api.Base;')
        lines.append('import org.dissect4j.api.Field;')
        lines.append('import org.dissect4j.api.FieldType;')
        lines.append('import org.dissect4j.api.ValueNames;')  # dropped below when every table is shared
        lines.append('')
        lines.append('/**')
        lines.append(' * ' + s['doc'])
        lines.append(' *')
        lines.append(' * <p>Generated by {@code src/build/gen_fields.py} from {@code tshark -G fields} and')
        lines.append(' * {@code tshark -G values} of tshark 4.0.17: abbreviations, names, types, bases, bitmasks and')
        lines.append(' * value names are Wireshark\'s. Do not edit by hand; change the generator\'s list and rerun it.')
        lines.append(' */')
        lines.append('public final class %s {' % cls)
        names = []
        for ab in s['fields']:
            if ab not in fields:
                raise SystemExit('unknown field ' + ab)
            p = fields[ab]
            name, typ, base, mask, desc = p[1], p[3], p[5], p[6], (p[7] if len(p) > 7 else '')
            const = ab[len(s['prefix']):] if ab.startswith(s['prefix']) else ab
            const = re.sub(r'[^A-Za-z0-9]+', '_', const).upper()
            if const[0].isdigit():
                const = 'F' + const
            jt = TYPES[typ]
            ov = s['overrides'].get(ab)
            jbase = None
            if ov:
                jt, jbase = ov
            b = '    /** {@code %s}: %s. */\n' % (ab, name.replace('*/', '* /'))
            b += '    public static final Field %s = Field.define(%s, %s, FieldType.%s)' % (const, jstr(ab), jstr(name), jt)
            m = int(mask, 16) if mask else 0
            if jbase:
                b += '\n            .base(Base.%s)' % jbase
            elif typ == 'FT_FRAMENUM':
                b += '\n            .base(Base.NONE)'
            elif typ == 'FT_BOOLEAN':
                width = int(base) if base.isdigit() else 0
                if m:
                    b += '\n            .mask(0x%xL, %d)' % (m, width if width else 64 - 0)
            else:
                jb = BASES.get(base)
                if jb and jb not in ('DEC',) or (jb == 'DEC' and jt not in ('UINT8','UINT16','UINT24','UINT32','UINT40','UINT48','UINT56','UINT64','INT8','INT16','INT24','INT32','INT64')):
                    if jb and not (jb == 'NONE' and jt in ('BYTES','STRING','ETHER','IPv4','IPv6','NONE','FRAMENUM','RELATIVE_TIME','DOUBLE')):
                        b += '\n            .base(Base.%s)' % jb
                elif jb is None and base and base not in ('', 'BASE_NONE'):
                    if base.startswith('ABSOLUTE'):
                        pass
                if m:
                    b += '\n            .mask(0x%xL)' % m
            if ab in tf and typ == 'FT_BOOLEAN':
                t, f = tf[ab]
                if (t, f) != ('Set', 'Not set'):
                    b += '\n            .trueFalse(%s, %s)' % (jstr(t), jstr(f))
            if ab in values and typ != 'FT_BOOLEAN':
                pairs = table(values, ab)
                if pairs in shared:
                    b += '\n            .values(%s.%s)' % (SHARED_CLASS, shared[pairs][0])
                else:
                    b += '\n            .values(%s)' % value_names_of(pairs, ' ' * 20)
            if desc:
                b += '\n            .description(%s)' % jstr(desc)
            if ab in s['hidden']:
                b += '\n            .hidden()'
            for call in s['extras'].get(ab, ()):
                b += '\n            ' + call
            if ab == 'frame.protocols':  # its value needs every layer: no dissector may stop early
                b += '\n            .wholePacket()'
            b += '\n            .build();'
            lines.append(b)
            names.append(const)
        lines.append('')
        lines.append('    private %s() {' % cls)
        lines.append('    }')
        lines.append('')
        lines.append('    /** Every field of this class, in declaration order (for registration). */')
        lines.append('    static Field[] all() {')
        lines.append('        return new Field[] {')
        for i in range(0, len(names), 4):
            lines.append('            ' + ', '.join(names[i:i + 4]) + ',')
        lines.append('        };')
        lines.append('    }')
        lines.append('}')
        if not any('ValueNames.of(' in line for line in lines):
            lines.remove('import org.dissect4j.api.ValueNames;')
        with open('%s/%s.java' % (out, cls), 'w') as f:
            f.write('\n'.join(lines) + '\n')
        print(cls, len(names))


main()
