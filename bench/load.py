"""Load through nginx: concurrent simulated conversations against 1 and 2 Rasa instances
(`make bench-load`; a benchmark, not a test).

Starts the production stack (tests/harness/stack.py: PostgreSQL, Redis, 2 `rasa run`, nginx, all
on 127.0.0.1), lets nginx route the chat to one instance and then to both, and each time runs
--conversations readers at once, each sending --turns questions (nl and en, from
bench/eval-questions.tsv) one after the other, each reader from its own loopback address.
Bounded: conversations x turns messages per run and --deadline seconds. Reports messages/s,
p50/p95 latency, errors, the 2-vs-1 ratio and where the CPU went.

    .venv/site/bin/python bench/load.py [--conversations 32] [--turns 8]
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # the harness

from harness.faults import route_to  # noqa: E402
from harness.process import StackError  # noqa: E402
from harness.stack import Stack  # noqa: E402
from harness.load import Conversation, LoadResult, run_conversations  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def questions() -> dict[str, list[str]]:
    with (REPO / "bench/eval-questions.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {lang: [row["question"] for row in rows if row["lang"] == lang] for lang in ("nl", "en")}


def conversations(count: int, turns: int, run: str, seed: int) -> list[Conversation]:
    pool, chooser = questions(), random.Random(seed)
    chosen = []
    for index in range(count):
        lang = ("nl", "en")[index % 2]
        chosen.append(Conversation(f"load-{run}-{index}", lang, chooser.sample(pool[lang], turns)))
    return chosen


# --- CPU time per server, from /proc (a process and all its children: PostgreSQL backends,
# nginx workers) -------------------------------------------------------------------------------
def _processes() -> dict[int, tuple[int, float]]:
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            found[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK)
    return found


def cpu_seconds(roots: dict[str, list[int]]) -> dict[str, float]:
    processes = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in processes.items():
        children.setdefault(parent, []).append(pid)
    totals = {}
    for name, pids in roots.items():
        todo, total = list(pids), 0.0
        while todo:
            pid = todo.pop()
            total += processes.get(pid, (0, 0.0))[1]
            todo.extend(children.get(pid, []))
        totals[name] = total
    return totals


def own_cpu() -> float:
    """This process only (the simulated readers' threads), not the servers it started."""
    times = os.times()
    return times.user + times.system


def machine_busy() -> tuple[float, float]:
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def measure(stack: Stack, routed: list[int], count: int, args, run: str) -> tuple[LoadResult, dict[str, float], float]:
    route_to(stack, routed)
    run_conversations(stack.url, conversations(4, 5, f"warm-{run}", seed=1))  # both instances warm
    roots = {"rasa": [stack.instances[i].pid for i in routed], "nginx": [stack.nginx.pid],
             "postgres": [stack.postgres.service.pid], "redis": [stack.redis.service.pid]}
    before, busy_before, client_before = cpu_seconds(roots), machine_busy(), own_cpu()
    # Few conversations: several rounds of them, for enough messages to have a p95.
    result = LoadResult()
    for round_ in range(max(1, args.conversations // (4 * count))):
        part = run_conversations(stack.url, conversations(count, args.turns, f"{run}r{round_}", seed=len(routed) + round_),
                                 deadline=args.deadline)
        result.latencies += part.latencies
        result.failures += part.failures
        result.skipped += part.skipped
        result.seconds += part.seconds
    after, busy_after, client_after = cpu_seconds(roots), machine_busy(), own_cpu()
    used = {name: after[name] - before[name] for name in roots}
    used["client"] = client_after - client_before
    # Whatever else ran on the machine meanwhile (the busy share is over all cores).
    busy_seconds = (busy_after[0] - busy_before[0]) / TICK
    used["other"] = max(0.0, busy_seconds - sum(used.values()))
    busy = (busy_after[0] - busy_before[0]) / max(1, busy_after[1] - busy_before[1])
    return result, used, busy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=32)
    parser.add_argument("--turns", type=int, default=8)
    parser.add_argument("--deadline", type=float, default=120, help="seconds per run, at most")
    parser.add_argument("--light", type=int, default=4, help="also 2 instances with this many conversations (0: no)")
    parser.add_argument("--site", type=Path, default=REPO / "build/site")
    args = parser.parse_args()
    if not 1 <= args.turns <= 50:
        parser.error("--turns: 1 to 50")

    rows = {}
    with tempfile.TemporaryDirectory(prefix="pw-bench-") as root:
        try:
            with Stack(Path(root), args.site, instances=2) as stack:
                runs = [(1, args.conversations), (2, args.conversations)] + ([(2, args.light)] if args.light else [])
                for instances, count in runs:
                    rows[instances, count] = measure(stack, list(range(instances)), count, args, f"{instances}i{count}c")
        except StackError as error:
            print(error, file=sys.stderr)
            return 1

    print(f"\nLoad through nginx: concurrent conversations x {args.turns} turns each (nl/en questions from "
          f"bench/eval-questions.tsv), every reader from its own loopback address; {os.cpu_count()} CPU cores")
    print(f"{'instances':>9} {'conv.':>5} {'answered':>8} {'errors':>6} {'msg/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'CPU busy':>8} | CPU ms per message: {'rasa':>5} {'nginx':>5} {'pg':>5} {'redis':>5} {'client':>6} {'other':>6}")
    for (instances, count), (result, used, busy) in rows.items():
        per = {name: 1000 * seconds / max(1, result.answered) for name, seconds in used.items()}
        print(f"{instances:>9} {count:>5} {result.answered:>8} {len(result.failures) + result.skipped:>6} "
              f"{result.rate:>7.1f} {result.median * 1000:>7.0f} {result.percentile(0.95) * 1000:>7.0f} {busy:>8.0%} | "
              f"{'':>19} {per['rasa']:>5.1f} {per['nginx']:>5.1f} {per['postgres']:>5.1f} "
              f"{per['redis']:>5.1f} {per['client']:>6.1f} {per['other']:>6.1f}")
    one, two = rows[1, args.conversations][0], rows[2, args.conversations][0]
    print(f"2 vs 1 instance at {args.conversations} conversations: throughput x{two.rate / one.rate:.2f}, "
          f"p50 x{two.median / one.median:.2f}, p95 x{two.percentile(0.95) / one.percentile(0.95):.2f}")
    result, used, _ = rows[2, args.conversations]
    per_message = sum(seconds for name, seconds in used.items() if name != "other") / max(1, result.answered)
    print(f"CPU per answered message, stack and readers: {per_message * 1000:.1f} ms -> at most "
          f"~{os.cpu_count() / per_message:.0f} messages/s on {os.cpu_count()} cores, however many instances.")
    for result, _, _ in rows.values():
        for failure in result.failures[:5]:
            print("  error:", failure)
    return 0 if all(not r[0].failures for r in rows.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
