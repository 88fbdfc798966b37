#!/usr/bin/env python3
"""An HTTP/2 client and server on loopback (python h2 4.x) that exercise every frame type for the capture tests.

Usage: h2peer.py PORT [--tls KEYLOG]   (cleartext prior knowledge, or TLS with ALPN h2 and a key log)
Frames: magic, SETTINGS (with header table size changes), HEADERS with priority and padding, CONTINUATION
(a header block larger than one frame), DATA with padding, PRIORITY, RST_STREAM, PUSH_PROMISE, PING and its
ACK, WINDOW_UPDATE, GOAWAY with debug data and an unknown frame type; HPACK with Huffman, indexed and literal
forms and dynamic table evictions. Bounded: every socket has a timeout and the server serves one connection.
"""
import socket, ssl, sys, threading, time
import h2.config, h2.connection, h2.events, h2.settings

PORT = int(sys.argv[1])
TLS = len(sys.argv) > 3 and sys.argv[2] == "--tls"
KEYLOG = sys.argv[3] if TLS else None
CERT_DIR = sys.argv[4] if TLS else None


def pump(sock, conn, seconds=0.15):
    """Sends what the connection has queued, then reads for a while; returns the events."""
    data = conn.data_to_send()
    if data:
        sock.sendall(data)
    events = []
    end = time.time() + seconds
    sock.settimeout(0.05)
    while time.time() < end:
        try:
            chunk = sock.recv(65536)
        except (socket.timeout, ssl.SSLWantReadError):
            continue
        except (ConnectionError, ssl.SSLError, OSError):
            break
        if not chunk:
            break
        events += conn.receive_data(chunk)
        data = conn.data_to_send()
        if data:
            sock.sendall(data)
    return events


def server(listener):
    sock, _ = listener.accept()
    conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=False, header_encoding=None))
    conn.initiate_connection()
    conn.update_settings({h2.settings.SettingCodes.MAX_CONCURRENT_STREAMS: 100})
    deadline = time.time() + 10
    pushed = False
    while time.time() < deadline:
        for ev in pump(sock, conn):
            if isinstance(ev, h2.events.RequestReceived):
                sid = ev.stream_id
                headers = dict(ev.headers)
                path = headers.get(b":path", b"/")
                if path == b"/reset":
                    conn.reset_stream(sid, error_code=8)
                    continue
                if not pushed and path == b"/":
                    pushed = True
                    promised = conn.get_next_available_stream_id()
                    conn.push_stream(sid, promised, [(b":method", b"GET"), (b":path", b"/style.css"),
                                                     (b":scheme", b"http"), (b":authority", b"localhost")])
                    conn.send_headers(promised, [(b":status", b"200"), (b"content-type", b"text/css")])
                    conn.send_data(promised, b"body { color: red }\n", end_stream=True)
                body = b"hello over h2 " + path + b"\n"
                if conn.streams.get(sid) is None or conn.streams[sid].closed:
                    continue
                conn.send_headers(sid, [(b":status", b"200"), (b"content-type", b"text/plain"),
                                        (b"content-length", str(len(body)).encode()), (b"server", b"h2peer/1"),
                                        (b"date", b"Mon, 07 Dec 2026 11:00:00 GMT"), (b"set-cookie", b"id=42; Path=/"),
                                        (b"x-trace", b"abc123"), (b"cache-control", b"no-cache")])
                conn.send_data(sid, body, end_stream=True, pad_length=7)
            elif isinstance(ev, h2.events.DataReceived):
                conn.acknowledge_received_data(ev.flow_controlled_length, ev.stream_id)
                conn.increment_flow_control_window(ev.flow_controlled_length)
            elif isinstance(ev, h2.events.ConnectionTerminated):
                sock.sendall(conn.data_to_send())
                sock.close()
                return
    sock.close()


def main():
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", PORT))
    listener.listen(1)
    listener.settimeout(10)
    if TLS:
        sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        sctx.load_cert_chain(CERT_DIR + "/cert.pem", CERT_DIR + "/key.pem")
        sctx.set_alpn_protocols(["h2"])
        listener = sctx.wrap_socket(listener, server_side=True)
    t = threading.Thread(target=server, args=(listener,), daemon=True)
    t.start()
    sock = socket.create_connection(("127.0.0.1", PORT), timeout=5)
    if TLS:
        cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        cctx.check_hostname = False
        cctx.verify_mode = ssl.CERT_NONE
        cctx.set_alpn_protocols(["h2"])
        cctx.keylog_filename = KEYLOG
        sock = cctx.wrap_socket(sock, server_hostname="localhost")
    conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding=None))
    conn.initiate_connection()
    pump(sock, conn)
    base = [(b":method", b"GET"), (b":scheme", b"http"), (b":authority", b"localhost"),
            (b"user-agent", b"h2peer-client/1.0"), (b"accept", b"*/*")]
    conn.send_headers(1, [base[0], (b":path", b"/")] + base[1:], end_stream=True,
                      priority_weight=32, priority_depends_on=0, priority_exclusive=True)
    pump(sock, conn)
    conn.ping(b"12345678")
    pump(sock, conn)
    conn.send_headers(3, [(b":method", b"POST"), (b":path", b"/upload")] + base[1:] +
                      [(b"content-type", b"application/x-www-form-urlencoded"), (b"content-length", b"11")])
    conn.send_data(3, b"a=1&b=hello", end_stream=True, pad_length=5)
    pump(sock, conn)
    conn.prioritize(5, weight=200, depends_on=3, exclusive=False)
    conn.send_headers(5, [base[0], (b":path", b"/big")] + base[1:] + [(b"x-big", b"v" * 20000)], end_stream=True)
    pump(sock, conn)
    conn.update_settings({h2.settings.SettingCodes.HEADER_TABLE_SIZE: 256})
    pump(sock, conn)
    conn.send_headers(7, [base[0], (b":path", b"/after-resize")] + base[1:] + [(b"cookie", b"a=b")], end_stream=True)
    pump(sock, conn)
    conn.send_headers(9, [base[0], (b":path", b"/reset")] + base[1:], end_stream=True)
    pump(sock, conn)
    conn.send_headers(11, [base[0], (b":path", b"/cancelled")] + base[1:], end_stream=False)
    conn.reset_stream(11, error_code=8)
    pump(sock, conn)
    conn.increment_flow_control_window(1000)
    # an extension frame of an unknown type (0x20) with two flags and 4 bytes of payload: ignored by peers (RFC 9113 5.5)
    sock.sendall(conn.data_to_send() + bytes([0, 0, 4, 0x20, 0x03, 0, 0, 0, 0]) + b"xyzw")
    pump(sock, conn)
    conn.close_connection(error_code=0, additional_data=b"bye")
    pump(sock, conn, 0.3)
    sock.close()
    t.join(5)


main()
