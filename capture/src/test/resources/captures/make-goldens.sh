#!/bin/sh
# Regenerates the tshark goldens (NAME.frames.tsv) of the capture test vectors in this folder.
# Oracle: tshark 4.0.17 (Debian 12). Run from this folder: sh make-goldens.sh
#
# How the vectors were made (loopback traffic from a small python UDP sender, ports 40101-40105):
#   udp-lo.pcap            timeout 8 tcpdump -i lo -w udp-lo.pcap -c 12 udp port 40101
#   udp-lo-nsec.pcap       timeout 8 tcpdump -i lo --time-stamp-precision=nano -w udp-lo-nsec.pcap -c 8 udp port 40102
#   udp-lo.pcapng          timeout 8 dumpcap -q -i lo -w udp-lo.pcapng -c 10 -f "udp port 40103"
#   udp-any.pcap           timeout 8 tcpdump -i any -w udp-any.pcap -c 6 udp port 40104      (LINUX_SLL2)
#   udp-snap60.pcap        timeout 8 tcpdump -i lo -s 60 -w udp-snap60.pcap -c 6 udp port 40105
#   udp-lo-comments.pcapng editcap -a '1:hello' -a '3:second comment ünïcode ✓' udp-lo.pcapng udp-lo-comments.pcapng
#   udp-lo-nsec.pcapng     editcap -F pcapng udp-lo-nsec.pcap udp-lo-nsec.pcapng
#   multi-section.pcapng   editcap -F pcapng udp-any.pcap udp-any.pcapng; cat udp-lo.pcapng udp-any.pcapng
#   multi-if.pcapng        mergecap -F pcapng -w multi-if.pcapng udp-lo.pcap udp-any.pcap
#   udp-lo-secrets.pcapng  editcap --inject-secrets tls,udp-lo-secrets.keys udp-lo.pcapng udp-lo-secrets.pcapng
#   *.gz                   gzip -n -k -9
#   synthetic-*            VectorGenerator (test sources)
set -e
for f in *.pcap *.pcapng; do
  tshark -o frame.generate_md5_hash:TRUE -r "$f" -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, \
    -e frame.number -e frame.time_epoch -e frame.len -e frame.cap_len -e frame.interface_id -e frame.interface_name \
    -e frame.md5_hash -e frame.comment > "$f.frames.tsv"
done
