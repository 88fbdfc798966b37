#!/bin/sh
# Regenerates http-veth.pcap: curl against a small python HTTP server in a network namespace of its own
# (10.99.0.1, joined to 10.99.0.2 by a veth pair with offloads off, MTU 1500, so bodies span segments),
# captured with tcpdump on the client side. Needs root, iproute2, ethtool, python3, curl, tcpdump.
# Goldens: regen-goldens.sh. The namespace and veth are removed at the end.
set -e
cd "$(dirname "$0")"
PORT=${PORT:-8000}
cat > /tmp/dissect4j_http_server.py <<'PY'
import http.server, socketserver, sys
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def do_HEAD(self):
        self.send_response(200); self.send_header("Content-Type", "text/plain"); self.send_header("Content-Length", "5000"); self.end_headers()
    def do_GET(self):
        if self.path == "/chunked":
            self.send_response(200); self.send_header("Content-Type", "text/plain"); self.send_header("Transfer-Encoding", "chunked"); self.end_headers()
            for i in range(4):
                data = ("line of chunk %d\n" % i).encode() * (40 * (i + 1))
                self.wfile.write(b"%x\r\n" % len(data) + data + b"\r\n"); self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
        elif self.path == "/notmod":
            self.send_response(304); self.end_headers()
        elif self.path == "/old":
            self.protocol_version = "HTTP/1.0"
            self.send_response(200); self.send_header("Content-Type", "text/html"); self.end_headers()
            self.wfile.write(b"<html><body>" + b"x" * 3000 + b"</body></html>\n")
            self.close_connection = True
        else:
            body = b"0123456789abcdef" * 400
            self.send_response(200); self.send_header("Content-Type", "application/octet-stream"); self.send_header("Content-Length", str(len(body))); self.end_headers()
            self.wfile.write(body)
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0")); self.rfile.read(n)
        body = b'{"ok":true}\n'
        self.send_response(201); self.send_header("Content-Type", "text/plain"); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
socketserver.TCPServer.allow_reuse_address = True
with socketserver.TCPServer(("127.0.0.1", int(sys.argv[1])), H) as s: s.serve_forever()
PY
NS=d4jcap
ip netns del $NS 2>/dev/null || true
ip link del d4jc0 2>/dev/null || true
ip netns add $NS
ip link add d4jc0 type veth peer name d4jc1
ip link set d4jc1 netns $NS
ip addr add 10.99.1.2/24 dev d4jc0
ip link set d4jc0 up
ip netns exec $NS ip addr add 10.99.1.1/24 dev d4jc1
ip netns exec $NS ip link set d4jc1 up
ip netns exec $NS ip link set lo up
ethtool -K d4jc0 tso off gso off gro off tx off rx off >/dev/null 2>&1 || true
ip netns exec $NS ethtool -K d4jc1 tso off gso off gro off tx off rx off >/dev/null 2>&1 || true
sed -i 's/("127.0.0.1", int/("10.99.1.1", int/' /tmp/dissect4j_http_server.py
ip netns exec $NS python3 /tmp/dissect4j_http_server.py $PORT >/dev/null 2>&1 & SRV1=$!
ip netns exec $NS python3 /tmp/dissect4j_http_server.py 80 >/dev/null 2>&1 & SRV2=$!
sleep 1
tcpdump -U -Z root -i d4jc0 -s 0 -w http-veth.pcap "tcp" 2>/dev/null & DUMP=$!
sleep 1
S=http://10.99.1.1
curl -s -o /dev/null $S:$PORT/file $S:$PORT/chunked
curl -s -o /dev/null -I $S:$PORT/file
curl -s -o /dev/null $S/notmod
curl -s -o /dev/null -H 'Expect:' -H 'Content-Type: text/plain' --data-binary @/etc/services $S/post
curl -s -o /dev/null --http1.0 $S/old
curl -s -o /dev/null $S/chunked
sleep 1
kill $DUMP; kill $SRV1 $SRV2
wait 2>/dev/null || true
ip netns del $NS
ip link del d4jc0 2>/dev/null || true
