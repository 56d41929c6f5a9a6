#!/usr/bin/env python3
"""Start-up times of short commands, measured without a shell in between.

    startup.py RUNS NAME=COMMAND [NAME=COMMAND]...

Each round runs every command once, in turn, so that a change in the machine's load touches
all of them alike; the first round warms the file cache and is not counted. A command is
started with posix_spawn and reaped with wait4, which also gives its page faults. Prints one
line per command: the median and the tenth percentile of the wall time in milliseconds, and
the minor page faults of its last run. COMMAND is split on spaces; its output is discarded
and its exit status does not matter (a spec with findings exits with 1).
"""
import os
import statistics
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs = int(sys.argv[1])
    commands = []
    for argument in sys.argv[2:]:
        name, _, command = argument.partition("=")
        commands.append((name, command.split()))
    times = {name: [] for name, _ in commands}
    faults = {}
    null = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
    for round_number in range(runs + 1):
        for name, argv in commands:
            start = time.perf_counter_ns()
            pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
            _, _, usage = os.wait4(pid, 0)
            elapsed = (time.perf_counter_ns() - start) / 1e6
            if round_number > 0:
                times[name].append(elapsed)
                faults[name] = usage.ru_minflt
    for name, _ in commands:
        values = sorted(times[name])
        print(f"{name}\t{statistics.median(values):.1f}\t{values[len(values) // 10]:.1f}"
              f"\t{faults[name]}")


if __name__ == "__main__":
    main()
