#!/usr/bin/env python3
"""-V protocol by protocol on a folder of captures with tshark goldens (NAME.verbose.txt beside NAME).

Usage (from the repository root): benchmarks/verbose-sections.py [DIR]   (default ../shared/realworld/zeek)

Runs ./dissect4j -r NAME -V on every capture that has a golden, cuts both outputs into packets and each packet
into its top-level subtrees (a line that does not start with a space and the lines under it; hex dumps left
out), and counts, per protocol (the subtree's first line up to its first ',', '(' or ': '), the subtrees equal
to tshark's and those that differ. Subtrees of protocols dissect4j does not dissect (SSH, SMTP, ...) count as
differing: the table shows where the packet tree still differs from tshark's on real-world traffic.
Last line: "N same, M differ" over all subtrees.
"""
import collections
import os
import re
import subprocess
import sys

PACKET = re.compile(r"\n(?=Frame \d+: )")
HEX = re.compile(r"^[0-9a-f]{4}  ")


def subtrees(text):
    packets = []
    for packet in PACKET.split(text):
        sections, current = {}, None
        for line in packet.split("\n"):
            if not line or HEX.match(line):
                continue
            if not line.startswith(" "):
                key, n = line, 2
                while key in sections:
                    key, n = f"{line} #{n}", n + 1
                current = sections[key] = []
            if current is not None:
                current.append(line)
        packets.append(sections)
    return packets


def protocol(first_line):
    name = re.split(r"[,(]| #|: ", first_line)[0].strip()
    return "Frame" if re.fullmatch(r"Frame \d+", name) else name


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "../shared/realworld/zeek"
    same, differ, traces = collections.Counter(), collections.Counter(), collections.defaultdict(set)
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".verbose.txt") or ".keys." in name:
            continue
        capture = os.path.join(folder, name[:-len(".verbose.txt")])
        with open(os.path.join(folder, name), "rb") as fh:
            golden = subtrees(fh.read().decode("utf-8", "replace"))
        run = subprocess.run(["./dissect4j", "-r", capture, "-V"], capture_output=True, timeout=600)
        ours = subtrees(run.stdout.decode("utf-8", "replace"))
        for i, sections in enumerate(golden):
            mine = ours[i] if i < len(ours) else {}
            for key, lines in sections.items():
                p = protocol(key)
                if mine.get(key) == lines:
                    same[p] += 1
                else:
                    differ[p] += 1
                    traces[p].add(name)
    for p in sorted(set(same) | set(differ), key=lambda k: (-differ[k], k)):
        print(f"{p}: {same[p]} same, {differ[p]} differ" + (f" (in {len(traces[p])} traces)" if differ[p] else ""))
    print(f"{sum(same.values())} same, {sum(differ.values())} differ")


if __name__ == "__main__":
    main()
