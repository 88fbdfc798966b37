#!/usr/bin/env python3
"""Generates DnsFields.java, every field of Wireshark's DNS dissector, from tshark's glossary.

Usage: export WIRESHARK_CONFIG_DIR=$(mktemp -d)
       tshark -G fields > fields.txt; tshark -G values > values.txt
       python3 gen_fields.py fields.txt values.txt ../main/java/org/dissect4j/dns

Abbreviations, names, types, bases, bitmasks, descriptions, value names and true/false texts are copied from
tshark 4.0.17's registrations (packet-dns.c), so that they are byte-identical to Wireshark's. Every F line
whose abbreviation starts with "dns." becomes a constant, except the expert items (written by hand in
DnsExpert.java). `tshark -G fields` prints one line per abbreviation, so the second registrations that
Wireshark makes under an abbreviation it already used (mDNS's class with the cache-flush bit masked off, LLMNR's
Conflict flag, a query's AD bit, the plain UDP payload size) are listed in SECOND below.
"""
import collections
import re
import sys

PACKAGE = 'org.dissect4j.dns'
CLASS = 'DnsFields'
PREFIX = 'dns.'

# Expert items: FT_NONE lines of the glossary that DnsExpert declares.
EXPERTS = {'dns.rr.opt.bad_length', 'dns.undecoded.type', 'dns.depr.opc', 'dns.ttl.high_bit_set', 'dns.tsig.noalg',
           'dns.key_id_buffer_too_short', 'dns.retransmit_request', 'dns.retransmit_response', 'dns.extraneous'}

# Second registrations under an abbreviation already listed: constant name -> (abbrev, display name, type, base or
# width, mask, description, value table taken from the first registration?, true/false texts or None).
SECOND = collections.OrderedDict([
    ('FLAGS_CONFLICT_RESPONSE', ('dns.flags.conflict', 'Conflict', 'FT_BOOLEAN', '16', 0x400,
                                 'Is the name considered unique?', False,
                                 ('The name is not considered unique', 'The name is considered unique'))),
    ('FLAGS_AD', ('dns.flags.authenticated', 'AD bit', 'FT_BOOLEAN', '16', 0x20, '', False, ('Set', 'Not set'))),
    ('QRY_CLASS_MDNS', ('dns.qry.class', 'Class', 'FT_UINT16', 'BASE_HEX', 0x7FFF, 'Query Class', True, None)),
    ('RESP_CLASS_MDNS', ('dns.resp.class', 'Class', 'FT_UINT16', 'BASE_HEX', 0x7FFF, 'Response Class', True, None)),
    ('RR_UDP_PAYLOAD_SIZE_PLAIN', ('dns.rr.udp_payload_size', 'UDP payload size', 'FT_UINT16', 'BASE_DEC', 0, '',
                                   False, None)),
])

# Builder calls the glossary cannot express: the -V lines packet-dns.c writes by hand (DnsLabels).
SECONDS = '.labeler(DnsLabels::seconds)'
EXTRAS = {'dns.flags': ['.labeler(DnsLabels::flags)'], 'dns.opt': ['.labeler(DnsLabels::option)'],
          'dns.resp.ttl': [SECONDS], 'dns.soa.refresh_interval': [SECONDS], 'dns.soa.retry_interval': [SECONDS],
          'dns.soa.expire_limit': [SECONDS], 'dns.soa.minimum_ttl': [SECONDS], 'dns.rrsig.original_ttl': [SECONDS],
          'dns.dso.tlv': ['.labeler(DnsLabels::dsoTlv)'], 'dns.loc.size': ['.labeler(DnsLabels::locSize)'],
          'dns.loc.horizontal_precision': ['.labeler(DnsLabels::locSize)'],
          'dns.loc.vertical_precision': ['.labeler(DnsLabels::locSize)'],
          'dns.loc.latitude': ['.labeler(DnsLabels::locLatitude)'],
          'dns.loc.longitude': ['.labeler(DnsLabels::locLongitude)'],
          'dns.loc.altitude': ['.labeler(DnsLabels::locAltitude)']}

# The second registrations' true/false texts come second in -G values: the first registration takes the first.
TYPES = {'FT_NONE': 'NONE', 'FT_BOOLEAN': 'BOOLEAN', 'FT_UINT8': 'UINT8', 'FT_UINT16': 'UINT16',
         'FT_UINT32': 'UINT32', 'FT_INT32': 'INT32', 'FT_ABSOLUTE_TIME': 'ABSOLUTE_TIME',
         'FT_RELATIVE_TIME': 'RELATIVE_TIME', 'FT_STRING': 'STRING', 'FT_BYTES': 'BYTES', 'FT_ETHER': 'ETHER',
         # FT_EUI64 prints as eight colon-separated bytes, as ETHER prints the bytes it covers
         'FT_EUI64': 'ETHER', 'FT_IPv4': 'IPv4', 'FT_IPv6': 'IPv6', 'FT_FRAMENUM': 'FRAMENUM'}
INTEGERS = {'UINT8', 'UINT16', 'UINT32', 'INT32'}
BASES = {'BASE_DEC': 'DEC', 'BASE_HEX': 'HEX'}


def jstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def num(t):
    try:
        return int(t, 16) if t.lower().startswith('0x') else int(t, 10)
    except ValueError:
        return None


def const_name(ab):
    c = re.sub(r'[^A-Za-z0-9]+', '_', ab[len(PREFIX):]).upper()
    return 'F' + c if c[0].isdigit() else c


def read(fields_txt, values_txt):
    fields = collections.OrderedDict()
    for line in open(fields_txt, encoding='utf-8', errors='replace'):
        p = line.rstrip('\n').split('\t')
        if p[0] == 'F' and p[2].startswith(PREFIX) and p[2] not in fields:
            fields[p[2]] = p
    values = collections.defaultdict(list)
    tfs = collections.defaultdict(list)
    for line in open(values_txt, encoding='utf-8', errors='replace'):
        p = line.rstrip('\n').split('\t')
        if len(p) < 4 or not (p[1].startswith(PREFIX) or p[1] == 'ip.proto'):
            continue
        if p[0] == 'V':
            v = num(p[2])
            if v is not None:
                values[p[1]].append((v, p[3]))
        elif p[0] == 'R' and len(p) >= 5:
            lo, hi = num(p[2]), num(p[3])
            if lo is not None and hi is not None:
                # a range: every value of a short one, else its first value (the name shows for that one only)
                values[p[1]].extend((v, p[4]) for v in (range(lo, hi + 1) if hi - lo <= 255 else [lo]))
        elif p[0] == 'T':
            tfs[p[1]].append((p[2], p[3]))
    return fields, values, tfs


API_IP_PROTOCOLS = 'IpProtocolNames.NAMES'


def first_names(pairs):
    seen, out = set(), []
    for v, n in pairs:
        if v not in seen:
            seen.add(v)
            out.append((v, n))
    return out


def table_constant(const):
    return const + '_VALUES'


def field(const, ab, name, typ, base, mask, desc, tf, table_ref):
    jt = TYPES[typ]
    b = '    /** {@code %s}: %s. */\n' % (ab, name.replace('*/', '* /').replace('&', '&amp;').replace('<', '&lt;'))
    b += '    public static final Field %s = Field.define(%s, %s, FieldType.%s)' % (const, jstr(ab), jstr(name), jt)
    if typ == 'FT_BOOLEAN':
        width = int(base) if base.isdigit() else 0
        if mask:
            b += '\n            .mask(0x%xL, %d)' % (mask, width)
        if tf and tf != ('Set', 'Not set'):
            b += '\n            .trueFalse(%s, %s)' % (jstr(tf[0]), jstr(tf[1]))
        elif not tf and mask:
            # a bit registered without texts: Wireshark's tfs_true_false, not dissector-api's default "Set"
            b += '\n            .trueFalse("True", "False")'
    else:
        if jt in INTEGERS and BASES.get(base, 'DEC') != 'DEC':
            b += '\n            .base(Base.%s)' % BASES[base]
        if jt == 'ABSOLUTE_TIME':
            b += '\n            .base(Base.LOCAL)'
        if jt == 'FRAMENUM':
            b += '\n            .base(Base.NONE)'
        if mask:
            b += '\n            .mask(0x%xL)' % mask
        if table_ref:
            b += '\n            .values(%s)' % table_ref
    if desc:
        b += '\n            .description(%s)' % jstr(desc)
    for call in EXTRAS.get(ab, ()):
        b += '\n            ' + call
    return b + '\n            .build();'


def main():
    fields, values, tfs = read(*sys.argv[1:3])
    out = sys.argv[3]
    tables = collections.OrderedDict()   # pairs -> constant name, shared by fields with the same table
    # the IP protocol names (WKS records) are dissector-api's IpProtocolNames, not a copy of their own
    tables[tuple(first_names(values.pop('ip.proto')))] = API_IP_PROTOCOLS
    body, names = [], []
    for ab, p in fields.items():
        if ab in EXPERTS:
            continue
        name, typ, base, mask = p[1], p[3], p[5], num(p[6]) or 0
        desc = p[7] if len(p) > 7 else ''
        const = const_name(ab)
        ref = None
        if ab in values and typ != 'FT_BOOLEAN':
            pairs = tuple(first_names(values[ab]))
            ref = tables.setdefault(pairs, table_constant(const))
        tf = tfs[ab][0] if tfs.get(ab) else None
        body.append(field(const, ab, name, typ, base, mask, desc, tf, ref))
        names.append(const)
    for const, (ab, name, typ, base, mask, desc, same_table, tf) in SECOND.items():
        ref = None
        if same_table:
            ref = tables[tuple(first_names(values[ab]))]
        body.append(field(const, ab, name, typ, base, mask, desc, tf, ref))
        names.append(const)
    lines = ['package %s;' % PACKAGE, '',
             'import org.dissect4j.api.Base;',
             'import org.dissect4j.api.Field;',
             'import org.dissect4j.api.FieldType;',
             'import org.dissect4j.api.IpProtocolNames;',
             'import org.dissect4j.api.ValueNames;', '',
             '/**',
             ' * Every field of Wireshark\'s DNS dissector (packet-dns.c), which mDNS and LLMNR share: {@code dns.*}.',
             ' *',
             ' * <p>Generated by {@code src/build/gen_fields.py} from {@code tshark -G fields} and {@code tshark -G values}',
             ' * of tshark 4.0.17: abbreviations, names, types, bases, bitmasks, descriptions and value names are',
             ' * Wireshark\'s. Do not edit by hand; change the generator and rerun it.',
             ' */',
             'public final class %s {' % CLASS]
    for pairs, const in tables.items():
        if const == API_IP_PROTOCOLS:
            continue
        items = [('%dL, %s' if v > 2147483647 else '%d, %s') % (v, jstr(n)) for v, n in pairs]
        lines.append('    static final ValueNames %s = ValueNames.of(' % const)
        lines.append('            ' + (',\n            ').join(items) + ');')
    lines.append('')
    lines.extend(body)
    lines += ['', '    private %s() {' % CLASS, '    }', '',
              '    /**', '     * Every field of this class, in declaration order (for registration).', '     *',
              '     * @return a new array', '     */', '    static Field[] all() {', '        return new Field[] {']
    for i in range(0, len(names), 4):
        lines.append('            ' + ', '.join(names[i:i + 4]) + ',')
    lines += ['        };', '    }', '}']
    with open('%s/%s.java' % (out, CLASS), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    print(CLASS, len(names), 'fields', len(tables), 'value tables')


main()
