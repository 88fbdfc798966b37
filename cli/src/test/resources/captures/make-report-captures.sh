#!/usr/bin/env bash
# Re-creates tcp-lifecycles.pcap, the capture behind the report tests (-z conv/expert/flow, --flow,
# --handshakes), and its tshark 4.0.17 goldens under ../golden/reports. Needs root, iproute2,
# ethtool, tcpdump, python3, openssl and tshark. Traffic stays inside two network namespaces joined
# by a veth pair; offloads are off so frames are real MTU-sized Ethernet frames.
#
# Connections, in this order:
#   7101  client sends, half-closes; the server answers 50 ms later and closes  -> 4-way FIN
#   7102  the server sends a banner and closes at once                          -> server closes first
#   7103  the client closes with SO_LINGER 0                                    -> RST by client
#   7104  nobody listens                                                        -> refused (RST by server)
#   4433  TLS 1.3, SNI report.test, ALPN h2/http1.1, the client's key share
#         does not suit the server                                              -> HelloRetryRequest
#   8080  HTTP/1.1 over IPv6                                                    -> GET /report.txt
#   7106  client sends and both keep the connection open past the capture's end -> still open
#   plus a UDP datagram to a closed port (ICMP port unreachable quotes it).
# A capture made again has new ports, sequence numbers and times: regenerate the goldens with it
# (then review the --handshakes goldens, which are ours: mvn test -Dregen=true in cli/).
# With --goldens, only the tshark goldens are made again (from the committed captures).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
golden="$here/../golden/reports"
shared="$here/../../../../../../shared/captures/public"

goldens() {
  export WIRESHARK_CONFIG_DIR=$(mktemp -d) TZ=UTC LC_ALL=C
  mkdir -p "$golden"
  local cap name z t
  for cap in "$here/tcp-lifecycles.pcap" "$here/../../../../../samples/http-sample.pcap" \
      "$shared/tcp-rst.pcap" "$shared/tcp-server-closes-first.pcap" "$shared/tcp-http-ipv6.pcapng"; do
    [ -f "$cap" ] || continue
    name=$(basename "$cap"); name=${name%.pcapng}; name=${name%.pcap}
    for z in conv,eth conv,ip conv,ipv6 conv,tcp conv,udp expert flow,tcp,standard; do
      tshark -r "$cap" -q -z "$z" > "$golden/$name.tshark.${z//,/-}.txt" 2>/dev/null
    done
  done
  for t in u ud udoy e; do
    tshark -r "$here/tcp-lifecycles.pcap" -q -t $t -z conv,tcp > "$golden/tcp-lifecycles.tshark.conv-tcp.t-$t.txt" 2>/dev/null
    tshark -r "$here/tcp-lifecycles.pcap" -q -t $t -z flow,tcp,standard > "$golden/tcp-lifecycles.tshark.flow-tcp-standard.t-$t.txt" 2>/dev/null
  done
}
if [ "${1:-}" = "--goldens" ]; then
  goldens
  exit 0
fi
srv=d4jr-srv cli=d4jr-cli
cleanup() {
  kill "${dump:-}" "${servers:-}" "${tls:-}" "${holder:-}" 2>/dev/null || true
  ip netns del $srv 2>/dev/null || true; ip netns del $cli 2>/dev/null || true
}
trap cleanup EXIT
cleanup
ip netns add $srv; ip netns add $cli
ip link add d4jr-s type veth peer name d4jr-c
ip link set d4jr-s netns $srv; ip link set d4jr-c netns $cli
ip -n $srv link set d4jr-s address 02:00:00:88:00:01; ip -n $cli link set d4jr-c address 02:00:00:88:00:02
ip -n $srv addr add 10.88.0.1/24 dev d4jr-s; ip -n $cli addr add 10.88.0.2/24 dev d4jr-c
ip -n $srv addr add fd00:88::1/64 dev d4jr-s nodad; ip -n $cli addr add fd00:88::2/64 dev d4jr-c nodad
for ns in $srv $cli; do ip -n $ns link set lo up; done
ip -n $srv link set d4jr-s up; ip -n $cli link set d4jr-c up
ip netns exec $srv ethtool -K d4jr-s tso off gso off gro off tx off rx off >/dev/null
ip netns exec $cli ethtool -K d4jr-c tso off gso off gro off tx off rx off >/dev/null
# static neighbours: no ARP/ND in the capture between the connections
ip -n $cli neigh add 10.88.0.1 lladdr 02:00:00:88:00:01 dev d4jr-c
ip -n $srv neigh add 10.88.0.2 lladdr 02:00:00:88:00:02 dev d4jr-s
ip -n $cli neigh add fd00:88::1 lladdr 02:00:00:88:00:01 dev d4jr-c
ip -n $srv neigh add fd00:88::2 lladdr 02:00:00:88:00:02 dev d4jr-s

work=$(mktemp -d)
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 -subj /CN=report.test \
  -keyout "$work/key.pem" -out "$work/cert.pem" >/dev/null 2>&1

cat > "$work/servers.py" <<'PY'
import socket, threading, time
def serve(family, addr, port, handler):
    s = socket.socket(family, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, port)); s.listen(8)
    def loop():
        while True:
            c, _ = s.accept()
            threading.Thread(target=handler, args=(c,), daemon=True).start()
    threading.Thread(target=loop, daemon=True).start()
def four_way(c):
    data = b''
    while True:
        b = c.recv(4096)
        if not b: break
        data += b
    time.sleep(0.05)
    c.sendall(b'bye after your FIN\n'); c.close()
def banner(c):
    c.sendall(b'220 report.test closing at once\n'); c.close()
def sink(c):
    while c.recv(4096): pass
    c.close()
def http(c):
    req = b''
    while b'\r\n\r\n' not in req:
        b = c.recv(4096)
        if not b: break
        req += b
    body = b'report body\n' * 40
    c.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\nConnection: close\r\n\r\n' % len(body) + body)
    c.close()
def hold(c):
    c.recv(4096); time.sleep(60)
serve(socket.AF_INET, '10.88.0.1', 7101, four_way)
serve(socket.AF_INET, '10.88.0.1', 7102, banner)
serve(socket.AF_INET, '10.88.0.1', 7103, sink)
serve(socket.AF_INET6, 'fd00:88::1', 8080, http)
serve(socket.AF_INET, '10.88.0.1', 7106, hold)
time.sleep(60)
PY
cat > "$work/clients.py" <<'PY'
import socket, struct, sys, time
step = sys.argv[1]
if step == 'a':
    s = socket.create_connection(('10.88.0.1', 7101)); s.sendall(b'hello, I am done sending\n')
    s.shutdown(socket.SHUT_WR)
    while s.recv(4096): pass
    s.close(); time.sleep(0.2)
    s = socket.create_connection(('10.88.0.1', 7102))
    while s.recv(4096): pass
    time.sleep(0.02); s.close(); time.sleep(0.2)
    s = socket.create_connection(('10.88.0.1', 7103)); s.sendall(b'about to abort\n'); time.sleep(0.05)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0)); s.close(); time.sleep(0.2)
    try:
        socket.create_connection(('10.88.0.1', 7104))
    except OSError:
        pass
elif step == 'b':
    s = socket.create_connection(('fd00:88::1', 8080))
    s.sendall(b'GET /report.txt HTTP/1.1\r\nHost: [fd00:88::1]:8080\r\nUser-Agent: dissect4j-report\r\n\r\n')
    while s.recv(4096): pass
    s.close(); time.sleep(0.2)
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.sendto(b'nobody listens here', ('10.88.0.1', 9999))
    time.sleep(0.2)
elif step == 'c':
    s = socket.create_connection(('10.88.0.1', 7106)); s.sendall(b'still here\n'); time.sleep(30)
PY

ip netns exec $srv python3 "$work/servers.py" & servers=$!
( cd "$work" && exec ip netns exec $srv openssl s_server -quiet -accept 4433 -cert cert.pem -key key.pem \
    -tls1_3 -groups P-256 -alpn h2,http/1.1 -naccept 1 ) >/dev/null 2>&1 & tls=$!
sleep 1.5
ip netns exec $cli timeout 30 tcpdump -i d4jr-c -U -w "$here/tcp-lifecycles.pcap" 2>/dev/null & dump=$!
sleep 1.5
ip netns exec $cli python3 "$work/clients.py" a
echo | ip netns exec $cli timeout 5 openssl s_client -quiet -connect 10.88.0.1:4433 -servername report.test \
  -alpn h2,http/1.1 -tls1_3 -groups X25519:P-256 >/dev/null 2>&1 || true
sleep 0.2
ip netns exec $cli python3 "$work/clients.py" b
ip netns exec $cli python3 "$work/clients.py" c & holder=$!
sleep 1.5
kill $dump; wait $dump 2>/dev/null || true

goldens
