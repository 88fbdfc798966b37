#!/usr/bin/env python3
"""Generates the *Fields.java classes of tunnel-dissectors from tshark's glossary.

Usage: export WIRESHARK_CONFIG_DIR=$(mktemp -d)
       tshark -G fields > fields.txt; tshark -G values > values.txt
       python3 gen_fields.py fields.txt values.txt ../main/java/org/dissect4j/tunnel

Abbreviations, names, types, bases, bitmasks, descriptions, value names and true/false texts are copied from
tshark 4.0.17's registrations, so that they are byte-identical to Wireshark's (the idea of net-dissectors'
and dns-dissector's generators). The fields of each class, what the module records, are the SPEC below: edit
it and rerun. Expert items are written by hand in each package's *Expert.java.
"""
import collections
import re
import sys

SPEC = collections.OrderedDict()


def spec(package, cls, doc, fields):
    SPEC[cls] = dict(package=package, doc=doc, fields=fields.split())


spec('vxlan', 'VxlanFields', 'Fields of VXLAN (Wireshark\'s packet-vxlan.c)', '''
vxlan.flags vxlan.flags_reserved vxlan.flag_g vxlan.flag_i vxlan.flag_d vxlan.flag_a
vxlan.gbp vxlan.vni vxlan.reserved8''')

spec('geneve', 'GeneveFields', 'Fields of Geneve (Wireshark\'s packet-geneve.c)', '''
geneve.version geneve.flags geneve.flags.oam geneve.flags.critical geneve.flags.reserved geneve.proto_type
geneve.vni geneve.reserved geneve.options geneve.option.class geneve.option.type geneve.option.type.critical
geneve.option.flags geneve.option.flags.reserved geneve.option.length geneve.option geneve.option.unknown.data''')

spec('mpls', 'MplsFields', 'Fields of MPLS, the PW associated channel and the PW MPLS control word (Wireshark\'s '
     'packet-mpls.c)', '''
mpls.label mpls.exp mpls.bottom mpls.ttl pwach.ver pwach.res pwach.channel_type pwmcw.flags pwmcw.length
pwmcw.sequence_number''')

spec('erspan', 'ErspanFields', 'Fields of ERSPAN types I, II and III (Wireshark\'s packet-erspan.c)', '''
erspan.version erspan.vlan erspan.cos erspan.encap erspan.bso erspan.truncated erspan.spanid erspan.reserved
erspan.index erspan.timestamp erspan.sgt erspan.p erspan.ft erspan.hw erspan.gra erspan.direction erspan.o
erspan.platid erspan.pid1.rsvd1 erspan.pid1.vsmid erspan.pid1.port_index erspan.pid3.rsvd1 erspan.pid3.port_index
erspan.pid3.timestamp erspan.pid4.rsvd1 erspan.pid4.rsvd2 erspan.pid4.rsvd3 erspan.pid5.switchid
erspan.pid5.port_index erspan.pid5.timestamp erspan.pid7.rsvd1 erspan.pid7.source_index erspan.pid7.timestamp
erspan.pid.rsvd''')

spec('teredo', 'TeredoFields', 'Fields of Teredo (Wireshark\'s packet-teredo.c)', '''
teredo.auth teredo.auth.idlen teredo.auth.aulen teredo.auth.id teredo.auth.value teredo.auth.nonce teredo.auth.conf
teredo.orig teredo.orig.port teredo.orig.addr''')

spec('gtp', 'GtpFields', 'Header fields of GTP version 0/1 and GTPv2 (Wireshark\'s packet-gtp.c and packet-gtpv2.c)',
     '''
gtp.flags gtp.flags.version gtp.flags.payload gtp.flags.reserved gtp.flags.e gtp.flags.s gtp.flags.pn
gtp.message gtp.length gtp.teid gtp.seq_number gtp.npdu_number gtp.ext_hdr gtp.ext_hdr.length
gtp.ext_hdr.next gtp.ext_hdr.pdcp_sn gtp.ext_hdr.udp_port gtp.ext_hdr.long_pdcp_sn gtp.ext_hdr.pdu_ses_con.pdu_type
gtp.ext_hdr.pdu_ses_con.qos_flow_id gtp.ext_hdr.ran_cont gtp.ext_hdr.spare_bytes
gtp.flags.snn gtp.flow_label gtp.sndcp_number gtp.tid
gtp.recovery gtp.teid_data gtp.teid_cp gtp.gsn_address_length gtp.gsn_ipv4 gtp.gsn_ipv6 gtp.response_to gtp.time
gtpv2.flags gtpv2.version gtpv2.p gtpv2.t gtpv2.mp gtpv2.message_type gtpv2.msg_length gtpv2.teid gtpv2.seq
gtpv2.spare gtpv2.ie_type gtpv2.ie_len gtpv2.cr gtpv2.instance''')

spec('ppp', 'PppFields', 'Fields of PPP and the basics of LCP, IPCP and PAP (Wireshark\'s packet-ppp.c; LCP and IPCP record their '
     'code, identifier and length as ppp.code, ppp.identifier and ppp.length, as Wireshark 4.0 does)', '''
ppp.address ppp.control ppp.protocol
ppp.code ppp.identifier ppp.length lcp.data lcp.opt.type lcp.opt.length lcp.opt.mru lcp.opt.asyncmap lcp.opt.auth_protocol
lcp.opt.magic_number lcp.magic_number
ipcp.opt.type ipcp.opt.length ipcp.opt.ip_address ipcp.opt.pri_dns_address
ipcp.opt.sec_dns_address ipcp.opt.pri_nbns_address ipcp.opt.sec_nbns_address ipcp.data
pap.code pap.identifier pap.length pap.data pap.peer_id.length pap.peer_id pap.password.length pap.password
pap.message.length pap.message pap.stuff''')

spec('ayiya', 'AyiyaFields', 'Fields of AYIYA, Anything In Anything (Wireshark\'s packet-ayiya.c)', '''
ayiya.idlen ayiya.idtype ayiya.siglen ayiya.hashmethod ayiya.authmethod ayiya.opcode ayiya.nextheader ayiya.epoch
ayiya.identity ayiya.signature''')

# Fields Wireshark adds hidden (PROTO_ITEM_SET_HIDDEN or proto_tree_add_item in a hidden subtree): filterable, not in -V.
HIDDEN = {'geneve.reserved', 'geneve.option.type.critical', 'geneve.option.flags'}

# Builder calls the glossary cannot express, per field: the labelers of lines the C dissectors write by hand
# (proto_item_append_text, *_format_value, bitmask summaries, unit strings), in the package's *Labels class.
EXTRAS = {
    'vxlan.flags': ['.labeler(VxlanLabels::flags)'],
    'geneve.options': ['.labeler(GeneveLabels::options)'],
    'geneve.option.type': ['.labeler(GeneveLabels::optionType)'],
    'geneve.option.length': ['.labeler(GeneveLabels::optionLength)'],
    # packet-ayiya.c adds its nibbles as bit items (the bit pattern, no bitmask in the registration)
    'ayiya.idlen': ['.labeler(AyiyaLabels::highNibble)'],
    'ayiya.idtype': ['.labeler(AyiyaLabels::lowNibble)'],
    'ayiya.siglen': ['.labeler(AyiyaLabels::highNibble)'],
    'ayiya.hashmethod': ['.labeler(AyiyaLabels::lowNibble)'],
    'ayiya.authmethod': ['.labeler(AyiyaLabels::highNibble)'],
    'ayiya.opcode': ['.labeler(AyiyaLabels::lowNibble)'],
    'ayiya.nextheader': ['.labeler(AyiyaLabels::nextHeader)'],
}

# Fields a dissector registers twice under one abbreviation, of which -G fields lists the first: the GTPv1
# registration of the reserved flag bit (GTPv0's covers three bits).
MASKS = {'gtp.flags.reserved': 0x08}

# The other registration of such a field, under a constant of its own: GTPv0's three reserved flag bits.
TWINS = {'gtp.flags.reserved': ('GTP_FLAGS_RESERVED_V0', 0x0e)}

# Fields Wireshark registers twice, without and with value names, choosing by value (mpls.label names only the
# reserved labels 0-15): the constant for the second registration, which alone carries the value names.
SPLIT = {'mpls.label': 'MPLS_LABEL_SPECIAL'}

TYPES = {'FT_NONE': 'NONE', 'FT_BOOLEAN': 'BOOLEAN', 'FT_UINT8': 'UINT8', 'FT_UINT16': 'UINT16',
         'FT_UINT24': 'UINT24', 'FT_UINT32': 'UINT32', 'FT_UINT64': 'UINT64', 'FT_STRING': 'STRING',
         'FT_BYTES': 'BYTES', 'FT_IPv4': 'IPv4', 'FT_IPv6': 'IPv6', 'FT_ABSOLUTE_TIME': 'ABSOLUTE_TIME',
         'FT_RELATIVE_TIME': 'RELATIVE_TIME', 'FT_FRAMENUM': 'FRAMENUM'}
INTEGERS = {'UINT8', 'UINT16', 'UINT24', 'UINT32', 'UINT64'}
BASES = {'BASE_DEC': 'DEC', 'BASE_HEX': 'HEX', 'BASE_DEC_HEX': 'DEC_HEX', 'BASE_HEX_DEC': 'HEX_DEC',
         'BASE_OUI': 'OUI'}


def jstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def num(t):
    try:
        return int(t, 16) if t.lower().startswith('0x') else int(t, 10)
    except ValueError:
        return None


def read(fields_txt, values_txt):
    fields = {}
    for line in open(fields_txt, encoding='utf-8', errors='replace'):
        p = line.rstrip('\n').split('\t')
        if p[0] == 'F' and p[2] not in fields:
            fields[p[2]] = p
    values = collections.defaultdict(list)
    tfs = collections.defaultdict(list)
    for line in open(values_txt, encoding='utf-8', errors='replace'):
        p = line.rstrip('\n').split('\t')
        if len(p) < 4:
            continue
        if p[0] == 'V':
            v = num(p[2])
            if v is not None:
                values[p[1]].append((v, p[3]))
        elif p[0] == 'R' and len(p) >= 5:
            lo, hi = num(p[2]), num(p[3])
            if lo is not None and hi is not None:
                values[p[1]].extend((v, p[4]) for v in (range(lo, hi + 1) if hi - lo <= 255 else [lo]))
        elif p[0] == 'T':
            tfs[p[1]].append((p[2], p[3]))
    return fields, values, tfs


def first_names(pairs):
    seen, out = set(), []
    for v, n in pairs:
        if v not in seen:
            seen.add(v)
            out.append((v, n))
    return out


def const_name(ab):
    c = re.sub(r'[^A-Za-z0-9]+', '_', ab).upper()
    return c


def field(const, ab, name, typ, base, mask, desc, tf, table_ref):
    jt = TYPES[typ]
    b = '    /** {@code %s}: %s. */\n' % (ab, name.replace('*/', '* /').replace('&', '&amp;').replace('<', '&lt;'))
    b += '    public static final Field %s = Field.define(%s, %s, FieldType.%s)' % (const, jstr(ab), jstr(name), jt)
    if typ == 'FT_BOOLEAN':
        width = int(base) if base.isdigit() else 0
        if mask:
            b += '\n            .mask(0x%xL, %d)' % (mask, width)
        # a boolean registered without strings shows True/False in tshark 4.0, the API's default is Set/Not set
        tf = tf or ('True', 'False')
        if tf != ('Set', 'Not set'):
            b += '\n            .trueFalse(%s, %s)' % (jstr(tf[0]), jstr(tf[1]))
    else:
        if jt in INTEGERS and BASES.get(base, 'DEC') != 'DEC':
            b += '\n            .base(Base.%s)' % BASES[base]
        if mask:
            b += '\n            .mask(0x%xL)' % mask
        if table_ref:
            b += '\n            .values(%s)' % table_ref
    if desc:
        b += '\n            .description(%s)' % jstr(desc)
    if ab in HIDDEN:
        b += '\n            .hidden()'
    for call in EXTRAS.get(ab, ()):
        b += '\n            ' + call
    return b + '\n            .build();'


# Tables that dissector-api holds (net-dissectors' generator writes them): value names equal to the table of the
# field named here are taken from there instead of being written again.
API_TABLES = {'eth.type': 'EthertypeNames', 'ip.proto': 'IpProtocolNames'}


def generate(cls, s, fields, values, tfs, out):
    api = {tuple(first_names(values[f])): c for f, c in API_TABLES.items() if f in values}
    used_api = set()
    tables = collections.OrderedDict()
    body, names = [], []
    for ab in s['fields']:
        src = ab
        p = fields[src]
        name, typ, base, mask = p[1], p[3], p[5], MASKS.get(ab, num(p[6]) or 0)
        desc = p[7] if len(p) > 7 else ''
        const = const_name(ab)
        ref = None
        if src in values and typ != 'FT_BOOLEAN':
            pairs = tuple(first_names(values[src]))
            if pairs in api:
                ref = api[pairs] + '.NAMES'
                used_api.add(api[pairs])
            else:
                ref = tables.setdefault(pairs, const + '_VALUES')
        tf = tfs[src][0] if tfs.get(src) else None
        if ab in SPLIT:
            body.append(field(const, ab, name, typ, base, mask, desc, tf, None))
            names.append(const)
            const = SPLIT[ab]
        body.append(field(const, ab, name, typ, base, mask, desc, tf, ref))
        names.append(const)
        if ab in TWINS:
            twin, twin_mask = TWINS[ab]
            body.append(field(twin, ab, name, typ, base, twin_mask, desc, tf, ref))
            names.append(twin)
    pkg = 'org.dissect4j.tunnel.' + s['package']
    lines = ['package %s;' % pkg, '',
             'import org.dissect4j.api.Base;',
             'import org.dissect4j.api.Field;',
             'import org.dissect4j.api.FieldType;',
             'import org.dissect4j.api.ValueNames;', '',
             '/**',
             ' * %s.' % s['doc'],
             ' *',
             ' * <p>Generated by {@code tunnel-dissectors/src/build/gen_fields.py} from {@code tshark -G fields} and',
             ' * {@code tshark -G values} of tshark 4.0.17: abbreviations, names, types, bases, bitmasks, descriptions',
             ' * and value names are Wireshark\'s. Do not edit by hand; change the generator and rerun it.',
             ' */',
             'public final class %s {' % cls]
    for pairs, const in tables.items():
        items = [('%dL, %s' if v > 2147483647 else '%d, %s') % (v, jstr(n)) for v, n in pairs]
        lines.append('    static final ValueNames %s = ValueNames.of(' % const)
        lines.append('            ' + (',\n            ').join(items) + ');')
    lines.append('')
    lines.extend(body)
    lines += ['', '    private %s() {' % cls, '    }', '',
              '    /**', '     * Every field of this class, in declaration order (for registration).', '     *',
              '     * @return a new array', '     */', '    public static Field[] all() {', '        return new Field[] {']
    for i in range(0, len(names), 4):
        lines.append('            ' + ', '.join(names[i:i + 4]) + ',')
    lines += ['        };', '    }', '}']
    uses = '\n'.join(lines)
    if 'Base.' not in uses.replace('import org.dissect4j.api.Base;', ''):
        lines.remove('import org.dissect4j.api.Base;')
    if not tables:
        lines.remove('import org.dissect4j.api.ValueNames;')
    for c in sorted(used_api, reverse=True):
        lines.insert(lines.index('import org.dissect4j.api.Base;') + 1 if 'import org.dissect4j.api.Base;' in lines
                     else 2, 'import org.dissect4j.api.%s;' % c)
    with open('%s/%s/%s.java' % (out, s['package'], cls), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    print(cls, len(names), 'fields', len(tables), 'value tables')


def main():
    fields, values, tfs = read(*sys.argv[1:3])
    for cls, s in SPEC.items():
        generate(cls, s, fields, values, tfs, sys.argv[3])


main()
