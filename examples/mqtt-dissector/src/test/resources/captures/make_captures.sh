#!/bin/sh
# Regenerates the MQTT captures of this folder from real traffic: a mosquitto broker in one network
# namespace (10.99.7.1), its clients in another (10.99.7.2), joined by a veth pair (MTU 1500, offloads
# off, so a large PUBLISH spans several segments), captured with tcpdump on the client side.
#
#   mqtt311.pcap       MQTT 3.1.1 on 1883: will, user name/password, retained, QoS 0/1/2, subscribe,
#                      unsubscribe, ping (keep alive 5 s), a 2.4 KB publish, a burst of small publishes,
#                      an unexpected disconnect that makes the broker publish the will; MQTT 3.1 (raw_client.py v31)
#   mqtt5.pcap         the same with MQTT 5.0 (properties, will properties, reason codes, topic alias), and a
#                      subscriber whose CONNECT happened before the capture started
#   mqtt5-edge.pcap    what mosquitto's clients never send, from raw_client.py: several messages in one
#                      segment, messages cut at chosen bytes, subscription options, an AUTH, a CONNECT with an
#                      unknown authentication method, acknowledgements with reason codes and properties, a
#                      DISCONNECT with a reason code, an unknown topic alias, an empty topic
#   mqtt-port18830.pcap  MQTT 5.0 and 3.1.1 on port 18830 (password required there): good and bad
#                      passwords, QoS 1, a 1.8 KB publish
#
# Needs root, iproute2, ethtool, tcpdump, mosquitto, mosquitto-clients, python3. Every client runs under
# `timeout`; the namespaces are removed at the end. Goldens: regen-goldens.sh.
set -eu
cd "$(dirname "$0")"
HERE=$(pwd)
S=d4jmqs
C=d4jmqc
SRV=10.99.7.1
WORK=$(mktemp -d)
chmod 0755 "$WORK"   # mosquitto drops root for its own user, which must read the password file
T="timeout 20"

cleanup() {
  [ -n "${DUMP:-}" ] && kill "$DUMP" 2>/dev/null || true
  [ -n "${BROKER:-}" ] && kill "$BROKER" 2>/dev/null || true
  [ -n "${EARLY:-}" ] && kill "$EARLY" 2>/dev/null || true
  ip netns del $S 2>/dev/null || true
  ip netns del $C 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

ip netns del $S 2>/dev/null || true
ip netns del $C 2>/dev/null || true
ip netns add $S
ip netns add $C
ip link add d4jmq0 netns $C type veth peer name d4jmq1 netns $S
ip -n $C addr add 10.99.7.2/24 dev d4jmq0
ip -n $S addr add $SRV/24 dev d4jmq1
for ns in $S $C; do ip -n $ns link set lo up; done
ip -n $C link set d4jmq0 up mtu 1500
ip -n $S link set d4jmq1 up mtu 1500
ip netns exec $C ethtool -K d4jmq0 tso off gso off gro off tx off rx off >/dev/null 2>&1 || true
ip netns exec $S ethtool -K d4jmq1 tso off gso off gro off tx off rx off >/dev/null 2>&1 || true

mosquitto_passwd -b -c "$WORK/passwd" alice secret >/dev/null 2>&1
cat > "$WORK/mosquitto.conf" <<EOF
per_listener_settings true
persistence false
log_dest none
listener 1883 $SRV
allow_anonymous true
listener 18830 $SRV
allow_anonymous false
password_file $WORK/passwd
EOF
chmod 0644 "$WORK/passwd" "$WORK/mosquitto.conf"
ip netns exec $S mosquitto -c "$WORK/mosquitto.conf" >/dev/null 2>&1 & BROKER=$!
sleep 1

# 2.4 KB and 1.8 KB of readable text, so the payload is easy to eyeball in -V output.
i=0; : > "$WORK/big2k"; while [ $i -lt 40 ]; do printf 'line %02d of a publish that spans TCP segments 0123456789\n' $i >> "$WORK/big2k"; i=$((i+1)); done
head -c 1800 "$WORK/big2k" > "$WORK/big1k"

run() { ip netns exec $C $T "$@"; }
spawn() { ip netns exec $C timeout 30 "$@" >/dev/null 2>&1 & CLIENTS="$CLIENTS $!"; }
CLIENTS=
wait_clients() { for pid in $CLIENTS; do wait "$pid" 2>/dev/null || true; done; CLIENTS=; }

start_dump() {
  ip netns exec $C tcpdump -U -Z root -i d4jmq0 -s 0 -w "$1" "tcp port $2" 2>/dev/null & DUMP=$!
  sleep 1
}
stop_dump() {
  sleep 1
  kill "$DUMP"; wait "$DUMP" 2>/dev/null || true; DUMP=
}

# ---- MQTT 3.1.1 on 1883 ---------------------------------------------------------------------------
start_dump "$WORK/mqtt311.pcap" 1883
V=mqttv311
run mosquitto_pub -V $V -h $SRV -i pub-retained -t d4j/retained -m 'retained hello' -r -q 1
spawn mosquitto_sub -V $V -h $SRV -i sub311 -k 5 -u alice -P secret --will-topic d4j/will --will-payload 'sub311 gone' \
   --will-qos 1 --will-retain -t 'd4j/#' -q 2 -C 11 -W 25 -v
sleep 1
spawn mosquitto_sub -V $V -h $SRV -i doomed311 -k 60 --will-topic d4j/will/doomed --will-payload 'doomed311 died' -t 'x/y' -W 30
DOOMED=${CLIENTS##* }
sleep 0.5
run mosquitto_pub -V $V -h $SRV -i pub-q0 -t d4j/q0 -m 'qos 0 message'
run mosquitto_pub -V $V -h $SRV -i pub-q1 -t d4j/q1 -m 'qos 1 message' -q 1
run mosquitto_pub -V $V -h $SRV -i pub-q2 -t d4j/q2 -m 'qos 2 message' -q 2 -u bob -P hunter2
run mosquitto_pub -V $V -h $SRV -i pub-big -t d4j/big -f "$WORK/big2k" -q 1
printf 'burst 1\nburst 2\nburst 3\nburst 4\n' | run mosquitto_pub -V $V -h $SRV -i pub-burst -t d4j/burst -l
run mosquitto_sub -V $V -h $SRV -i unsub311 -t d4j/none -t d4j/none2 -U d4j/none -E
# kill -9 the timeout wrapper's child: the broker sees the connection drop without DISCONNECT and publishes the will
for child in $(pgrep -P "$DOOMED"); do kill -9 "$child"; done
sleep 6.5   # > keep alive 5 s: PINGREQ/PINGRESP
run mosquitto_pub -V $V -h $SRV -i pub-clear -t d4j/retained -n -r
ip netns exec $C $T python3 "$HERE/raw_client.py" $SRV 1883 v31
wait_clients
stop_dump
cp "$WORK/mqtt311.pcap" "$HERE/mqtt311.pcap"

# ---- MQTT 5.0 on 1883 -----------------------------------------------------------------------------
V=mqttv5
# A subscriber connected before the capture starts: its packets show up without their CONNECT.
ip netns exec $C timeout 40 mosquitto_sub -V $V -h $SRV -i early5 -t d4j5/early -C 1 -W 30 >/dev/null 2>&1 & EARLY=$!
sleep 1
start_dump "$WORK/mqtt5.pcap" 1883
run mosquitto_pub -V $V -h $SRV -i pub5-retained -t d4j5/retained -m 'retained v5' -r -q 1 \
   -D publish content-type text/plain -D publish payload-format-indicator 1
spawn mosquitto_sub -V $V -h $SRV -i sub5 -k 5 -u alice -P secret --will-topic d4j5/will --will-payload 'sub5 gone' \
   --will-qos 1 -D will will-delay-interval 2 -D will user-property why test \
   -D connect session-expiry-interval 30 -D connect receive-maximum 50 -D connect user-property client sub5 \
   -D subscribe subscription-identifier 42 -t 'd4j5/#' -q 2 -C 9 -W 25 -v
sleep 1
run mosquitto_pub -V $V -h $SRV -i pub5-q0 -t d4j5/q0 -m 'qos 0 v5' -D publish message-expiry-interval 120
run mosquitto_pub -V $V -h $SRV -i pub5-q1 -t d4j5/q1 -m 'qos 1 v5' -q 1 -D publish response-topic d4j5/reply \
   -D publish correlation-data c0ffee -D publish user-property k v
run mosquitto_pub -V $V -h $SRV -i pub5-q2 -t d4j5/q2 -m 'qos 2 v5' -q 2
run mosquitto_pub -V $V -h $SRV -i pub5-alias -t d4j5/alias -m 'topic alias' -D publish topic-alias 1 --repeat 2
run mosquitto_pub -V $V -h $SRV -i pub5-big -t d4j5/big -f "$WORK/big2k" -q 2
run mosquitto_pub -V $V -h $SRV -i pub5-early -t d4j5/early -m 'to the early subscriber'
run mosquitto_sub -V $V -h $SRV -i unsub5 -t d4j5/none -U d4j5/none -E
sleep 5.5   # > keep alive 5 s: PINGREQ/PINGRESP
run mosquitto_pub -V $V -h $SRV -i pub5-clear -t d4j5/retained -n -r
wait "$EARLY" 2>/dev/null || true; EARLY=
wait_clients
stop_dump
cp "$WORK/mqtt5.pcap" "$HERE/mqtt5.pcap"

# ---- MQTT 5.0 edge cases from raw_client.py on 1883 ---------------------------------------------------
start_dump "$WORK/mqtt5-edge.pcap" 1883
for scenario in v5 auth v5acks v5bad; do
  ip netns exec $C $T python3 "$HERE/raw_client.py" $SRV 1883 $scenario
done
stop_dump
cp "$WORK/mqtt5-edge.pcap" "$HERE/mqtt5-edge.pcap"

# ---- MQTT on port 18830 (found by heuristic or Decode As) -----------------------------------------
start_dump "$WORK/mqtt-port18830.pcap" 18830
P="-p 18830"
spawn mosquitto_sub -V mqttv5 -h $SRV $P -i sub18830 -u alice -P secret -t 'p/#' -q 1 -C 3 -W 10
sleep 1
run mosquitto_pub -V mqttv5 -h $SRV $P -i pub18830-5 -u alice -P secret -t p/v5 -m 'v5 on 18830' -q 1
run mosquitto_pub -V mqttv311 -h $SRV $P -i pub18830-311 -u alice -P secret -t p/v311 -m 'v3.1.1 on 18830'
run mosquitto_pub -V mqttv311 -h $SRV $P -i pub18830-big -u alice -P secret -t p/big -f "$WORK/big1k" -q 1
run mosquitto_pub -V mqttv5 -h $SRV $P -i bad5 -u alice -P wrong -t p/v5 -m x || true
run mosquitto_pub -V mqttv311 -h $SRV $P -i bad311 -u alice -P wrong -t p/v311 -m x || true
wait_clients
stop_dump
cp "$WORK/mqtt-port18830.pcap" "$HERE/mqtt-port18830.pcap"
ls -l "$HERE"/*.pcap
