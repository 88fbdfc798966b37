#!/usr/bin/env python3
"""CPU time per thread of one dissect4j run: where a --threads run spends its time.

    benchmarks/thread-cpu.py [--pin CPUS] -- ./dissect4j --threads 2 -r benchmarks/target/bench-1m.pcap

Runs the command (stdout to /dev/null), reads /proc/PID/task/*/stat every 50 ms and keeps each thread's
last user+system time, then prints the CPU seconds of each group of threads:
  reader   the JVM's main thread: start-up, engine loading, reading, the hand-off and the ordered output
  workers  dissect4j-worker-N: dissection, filter, formatting into the slots
  jit      the JIT compiler threads;  gc  the garbage collector;  other  everything else
with the wall time, and, for a --threads run, the serial fraction (reader / (reader + workers)) and the
bound the run would meet on k cores if the workers' share divided perfectly: wall(k) >= max(reader, all / k).
--pin runs the command under taskset -c CPUS (e.g. 0 for one core).
"""
import os
import subprocess
import sys
import time

CLK = os.sysconf("SC_CLK_TCK")


def group(name):
    if name == "java" or name == "main":
        return "reader"
    if name.startswith("dissect4j-worke"):
        return "workers"
    if name.startswith("C1 Compiler") or name.startswith("C2 Compiler") or name.startswith("C2 CompilerThre") \
            or name.startswith("C1 CompilerThre"):
        return "jit"
    if "GC" in name or name.startswith("VM Thread"):
        return "gc"
    return "other"


def sample(pid, last):
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except (FileNotFoundError, ProcessLookupError):
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        cpu = (int(fields[11]) + int(fields[12])) / CLK
        last[tid] = (name, cpu)


def main():
    args = sys.argv[1:]
    pin = None
    if args[:1] == ["--pin"]:
        pin, args = args[1], args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        sys.exit(__doc__)
    if pin is not None:
        args = ["taskset", "-c", pin] + args
    start = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    last = {}
    java = None
    while proc.poll() is None:
        if java is None:
            # the launcher execs java: the process itself, or its child under taskset
            java = proc.pid
        sample(java, last)
        time.sleep(0.05)
    wall = time.monotonic() - start
    totals = {}
    for name, cpu in last.values():
        g = group(name)
        totals[g] = totals.get(g, 0) + cpu
    everything = sum(totals.values())
    print(f"wall {wall:.2f} s, CPU {everything:.2f} s (exit status {proc.returncode})")
    for g in ("reader", "workers", "jit", "gc", "other"):
        print(f"  {g:8s} {totals.get(g, 0):7.2f} s")
    reader = totals.get("reader", 0)
    workers = totals.get("workers", 0)
    if workers > 0:
        # the reader thread is serial; the workers' share divides by the cores (the JIT threads run beside)
        print(f"serial fraction (reader / reader + workers): {reader / (reader + workers):.2f}")
        for k in (2, 8, 16):
            print(f"  bound on {k:2d} cores: wall >= max(reader, all CPU / {k}) = {max(reader, everything / k):.2f} s")


if __name__ == "__main__":
    main()
