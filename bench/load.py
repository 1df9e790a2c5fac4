"""Load through nginx, the code before the performance work against the code now, in one run
(`make bench-load`; a benchmark, not a test).

For each version (the commit tagged `perf-baseline`, checked out into a temporary worktree, then
this checkout) it starts the production stack (tests/harness/stack.py: PostgreSQL, Redis, 2
`rasa run`, nginx, all on 127.0.0.1) with that version's bot code and deploy templates, and the
same model, site and content (the performance work changes neither), and runs:
- the capacity run: --conversations readers at once, each sending --turns questions (nl and en,
  from bench/eval-questions.tsv) one after the other, each reader from its own loopback address:
  messages/s, p50/p95 latency, errors, CPU per answered message of each server;
- the turn bands: --band-conversations readers of 40 turns each, measured per band of turns
  (1-5, 6-20, 21-40), to show whether a message costs more as the conversation grows.
- a second message 10 ms after the first in one conversation: how long after the first answer
  it is answered (the conversation's lock).
Then understanding's own CPU per message (bench/nlu_cpu.py --summary, in process), which
includes answer selection, reported on its own line.
Bounded: a fixed number of messages and --deadline seconds per run.

    .venv/site/bin/python bench/load.py [--conversations 32] [--turns 8] [--baseline perf-baseline]
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # the harness

from harness.process import StackError  # noqa: E402
from harness.rasa import BOT, model_path, rasa_executable  # noqa: E402
from harness.stack import Stack  # noqa: E402
from harness.client import ChatClient  # noqa: E402
from harness.load import Conversation, LoadResult, run_conversations, source_address  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
SERVERS = ("rasa", "nginx", "postgres", "redis")
BANDS = ((1, 5), (6, 20), (21, 40))


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


@dataclass
class Measured:
    result: LoadResult
    cpu: dict[str, float] = field(default_factory=dict)  # seconds per server

    def per_message_ms(self, server: str) -> float:
        return 1000 * self.cpu[server] / max(1, self.result.answered)

    @property
    def stack_ms(self) -> float:
        return sum(self.per_message_ms(server) for server in SERVERS)


def measured(stack: Stack, talk) -> Measured:
    roots = {"rasa": [instance.pid for instance in stack.instances], "nginx": [stack.nginx.pid],
             "postgres": [stack.postgres.service.pid], "redis": [stack.redis.service.pid]}
    before = cpu_seconds(roots)
    result = talk()
    after = cpu_seconds(roots)
    return Measured(result, {name: after[name] - before[name] for name in roots})


def second_message_waits(stack: Stack, pairs: int = 12) -> list[float]:
    """Two messages of one conversation, the second sent 10 ms after the first (a double click, a
    quick follow-up), so it finds the conversation's lock taken: how long after the first
    answer the second one comes. That is the second's own work plus the wait for the lock's
    next check."""
    waits = []
    for pair in range(pairs):
        sender, done = f"double-{pair}", [0.0, 0.0]

        def send(index: int) -> None:
            time.sleep(0.01 * index)
            client = ChatClient(stack.url, source=source_address(240 + index))
            if client.ask(sender, "hoe voorkom ik een overval", "nl").answered:
                done[index] = time.monotonic()
            client.close()

        threads = [threading.Thread(target=send, args=(index,)) for index in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        if all(done):
            waits.append(done[1] - done[0])
    return waits


def run_version(code: Path, root: Path, args) -> tuple[Measured, list[Measured], list[float]]:
    with Stack(root, args.site, instances=2, code=code) as stack:
        run_conversations(stack.url, conversations(4, 5, "warm", seed=1))  # both instances warm
        capacity = measured(stack, lambda: run_conversations(
            stack.url, conversations(args.conversations, args.turns, "capacity", seed=2), deadline=args.deadline))
        long = conversations(args.band_conversations, BANDS[-1][1], "bands", seed=3)
        bands = []
        for first, last in BANDS:
            part = [Conversation(c.sender, c.language, c.messages[first - 1:last]) for c in long]
            bands.append(measured(stack, lambda: run_conversations(stack.url, part, deadline=args.deadline)))
        return capacity, bands, second_message_waits(stack)


def baseline_checkout(ref: str, into: Path) -> Path | None:
    """The baseline's code in a temporary worktree, with this checkout's generated answers
    (built with the model both versions run)."""
    found = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
                           capture_output=True, text=True)
    if found.returncode != 0:
        print(f"No commit {ref!r} here (tags not fetched? `git fetch --tags`): measuring this checkout only.")
        return None
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "--quiet", str(into), ref], check=True)
    shutil.copytree(BOT / "answers", into / "bot" / "answers", dirs_exist_ok=True)
    changed = subprocess.run(["git", "-C", str(REPO), "diff", "--stat", ref, "--", "bot/components", "bot/config.yml"],
                             capture_output=True, text=True).stdout.strip()
    if changed:
        print(f"Note: the model's components changed since {ref}; both versions run the current model:\n{changed}")
    return into


def understanding_line() -> str:
    """bench/nlu_cpu.py --summary in the bot environment: the NLU pipeline's CPU per message."""
    done = subprocess.run([str(rasa_executable().parent / "python"), str(REPO / "bench/nlu_cpu.py"), str(model_path()), "--summary"],
                          cwd=BOT, env=dict(os.environ, PYTHONPATH=str(BOT), RASA_TELEMETRY_ENABLED="false"),
                          capture_output=True, text=True, timeout=900)
    lines = [line for line in done.stdout.splitlines() if line.startswith("understanding")]
    return lines[0] if lines else f"understanding: bench/nlu_cpu.py failed: {done.stderr[-500:]}"


def report(results: dict[str, tuple[Measured, list[Measured], list[float]]], args, understanding: str) -> None:
    print(f"\nLoad through nginx, 2 Rasa instances, {os.cpu_count()} CPU cores; nl/en questions from "
          f"bench/eval-questions.tsv, every reader from its own loopback address.")
    print(f"\nCapacity: {args.conversations} conversations x {args.turns} turns at once")
    print(f"{'version':<10} {'answered':>8} {'errors':>6} {'msg/s':>7} {'p50 ms':>7} {'p95 ms':>7} | CPU ms per message: "
          f"{'rasa':>5} {'nginx':>5} {'pg':>5} {'redis':>5} {'stack':>6}")
    for version, (capacity, _, _) in results.items():
        r = capacity.result
        print(f"{version:<10} {r.answered:>8} {len(r.failures) + r.skipped:>6} {r.rate:>7.1f} {r.median * 1000:>7.0f} "
              f"{r.percentile(0.95) * 1000:>7.0f} | {'':>19} "
              + " ".join(f"{capacity.per_message_ms(s):>5.1f}" for s in SERVERS) + f" {capacity.stack_ms:>6.1f}")
    print(f"\nTurn bands: {args.band_conversations} conversations x {BANDS[-1][1]} turns at once, measured per band")
    print(f"{'version':<10} {'turns':>6} {'answered':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} | CPU ms per message: "
          f"{'rasa':>5} {'nginx':>5} {'pg':>5} {'redis':>5} {'stack':>6}")
    for version, (_, bands, _) in results.items():
        for (first, last), band in zip(BANDS, bands):
            r = band.result
            print(f"{version:<10} {f'{first}-{last}':>6} {r.answered:>8} {len(r.failures) + r.skipped:>6} "
                  f"{r.median * 1000:>7.0f} {r.percentile(0.95) * 1000:>7.0f} | {'':>19} "
                  + " ".join(f"{band.per_message_ms(s):>5.1f}" for s in SERVERS) + f" {band.stack_ms:>6.1f}")
    print()
    for version, (_, bands, waits) in results.items():
        print(f"{version}: CPU per message at turns 21-40 / turns 1-5: x{bands[-1].stack_ms / bands[0].stack_ms:.2f}; "
              f"a second message 10 ms after the first in one conversation is answered {statistics.median(waits) * 1000:.0f} ms "
              f"after it (median of {len(waits)})" if waits else f"{version}: no pair of messages was answered")
    if "before" in results:
        (old, _, _), (new, _, _) = results["before"], results["after"]
        print(f"after / before, capacity run: throughput x{new.result.rate / old.result.rate:.2f}, "
              f"p95 x{new.result.percentile(0.95) / old.result.percentile(0.95):.2f}, "
              f"stack CPU per message x{new.stack_ms / old.stack_ms:.2f}")
    print(understanding)
    for version, (capacity, bands, _) in results.items():
        for measured_run in (capacity, *bands):
            for failure in measured_run.result.failures[:5]:
                print(f"  error ({version}):", failure)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=32)
    parser.add_argument("--turns", type=int, default=8)
    parser.add_argument("--band-conversations", type=int, default=16)
    parser.add_argument("--deadline", type=float, default=180, help="seconds per run, at most")
    parser.add_argument("--baseline", default="perf-baseline", help="the commit to compare with ('' for none)")
    parser.add_argument("--site", type=Path, default=REPO / "build/site")
    args = parser.parse_args()
    if not 1 <= args.turns <= 50:
        parser.error("--turns: 1 to 50")

    results: dict[str, tuple[Measured, list[Measured], list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="pw-bench-") as temporary:
        temporary = Path(temporary)
        temporary.chmod(0o755)  # PostgreSQL's user must reach its directory inside
        baseline = baseline_checkout(args.baseline, temporary / "baseline") if args.baseline else None
        try:
            versions = ([("before", baseline)] if baseline else []) + [("after", REPO)]
            for version, code in versions:
                results[version] = run_version(code, temporary / f"stack-{version}", args)
        except StackError as error:
            print(error, file=sys.stderr)
            return 1
        finally:
            if baseline:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(baseline)], check=False)
    report(results, args, understanding_line())
    failed = [r for capacity, bands, _ in results.values() for r in (capacity, *bands) if r.result.failures]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
