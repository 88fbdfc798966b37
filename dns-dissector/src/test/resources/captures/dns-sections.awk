# Keeps the DNS, mDNS and LLMNR subtrees of tshark -V output, each after a "Frame N" line and followed by a blank
# line: the -V goldens DnsVerboseTest compares (NAME.pcap.verbose.txt).
/^Frame [0-9]+: / { frame = $2; sub(/:$/, "", frame) }
/^ / { if (on) print; next }
{ if (on) print ""; on = 0 }
/^(Domain Name System|Multicast Domain Name System|Link-local Multicast Name Resolution)/ { print "Frame " frame; print; on = 1 }
END { if (on) print "" }
