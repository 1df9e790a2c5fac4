"""Latency of the bot through the REST channel (a benchmark, not a test).

Starts `rasa run` with the trained model on a free loopback port and measures, for the plain
server and for the same server behind the site server of `make run` (tests/harness/serve.py, the
way a page reaches it), p50 and p95 over sequential requests and with 16 concurrent senders.
All traffic stays on 127.0.0.1; request counts are bounded.

    .venv/site/bin/python bench/latency.py [--requests 200]
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # the harness
from harness.load import percentile  # noqa: E402
from harness.process import Service, free_port, http_ok, wait_ready  # noqa: E402
from harness.rasa import rasa_run  # noqa: E402

CONCURRENCY = 16


@contextmanager
def process(name: str, args: list[str], url: str, log_dir: Path, **kwargs):
    """A server for the length of the block, ready when `url` answers (logs in log_dir)."""
    server = Service(name, args, log_dir / f"{name}.log", lambda: http_ok(url), **kwargs)
    server.start()
    try:
        wait_ready([server], timeout=240)
        yield
    finally:
        server.stop()


@contextmanager
def bot_server(model: Path, name: str):
    """A `rasa run` of `model` on a free port for the length of the block; yields its address
    (logs in a temporary directory named after `name`)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    bot = rasa_run(port, model=model)
    with process("rasa", bot.args, url + "/", Path(tempfile.mkdtemp(prefix=f"pw-{name}-")), cwd=bot.cwd, env=bot.env):
        yield url


def ask(url: str, sender: str, message: str) -> float:
    body = json.dumps({"sender": sender, "message": message, "metadata": {"language": "nl"}}).encode()
    request = urllib.request.Request(url + "/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json"}, method="POST")
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        replies = json.loads(response.read())
    elapsed = time.perf_counter() - start
    if not replies:
        raise RuntimeError(f"no answer to {message!r}")
    return elapsed


def measure(url: str, messages: list[str], requests: int) -> dict[str, tuple[float, float, float]]:
    for warm_up in messages[:5]:
        ask(url, "warm-up", warm_up)
    sequential = [ask(url, f"seq-{i % 20}", messages[i % len(messages)]) for i in range(requests)]

    start = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        concurrent = list(pool.map(lambda i: ask(url, f"con-{i % CONCURRENCY}", messages[i % len(messages)]),
                                   range(requests)))
    wall = time.perf_counter() - start
    return {
        "sequential": (statistics.median(sequential), percentile(sequential, 0.95), len(sequential) / sum(sequential)),
        f"{CONCURRENCY} concurrent": (statistics.median(concurrent), percentile(concurrent, 0.95), len(concurrent) / wall),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--model", type=Path, default=REPO / "bot/models/preventiewijzer.tar.gz")
    args = parser.parse_args()
    with (REPO / "bench/eval-questions.tsv").open(encoding="utf-8") as handle:
        messages = [row["question"] for row in csv.DictReader(handle, delimiter="\t")]

    bot_port, site_port = free_port(), free_port()
    bot_url, site_url = f"http://127.0.0.1:{bot_port}", f"http://127.0.0.1:{site_port}"
    bot = rasa_run(bot_port, model=args.model)
    results = {}
    logs = Path(tempfile.mkdtemp(prefix="pw-latency-"))
    with process("rasa", bot.args, bot_url + "/", logs, cwd=bot.cwd, env=bot.env):
        results["rasa run"] = measure(bot_url, messages, args.requests)
        # The same server behind the site server of `make run`: a page's path to the bot.
        serve = [sys.executable, "-c", SERVE_PROXY_ONLY, str(REPO / "build"), str(site_port), bot_url]
        with process("site-server", serve, site_url + "/", logs, env=dict(os.environ, PYTHONPATH=str(REPO / "tests"))):
            results["via site server"] = measure(site_url, messages, args.requests)

    print(f"{args.requests} requests per row, messages from bench/eval-questions.tsv, metadata.language=nl")
    print(f"{'setup':18} {'load':14} {'p50 ms':>8} {'p95 ms':>8} {'msg/s':>7}")
    for setup, rows in results.items():
        for load, (p50, p95, rate) in rows.items():
            print(f"{setup:18} {load:14} {p50 * 1000:8.1f} {p95 * 1000:8.1f} {rate:7.1f}")
    for load in results["rasa run"]:
        plain, proxied = results["rasa run"][load], results["via site server"][load]
        print(f"ratio via site server / rasa run, {load}: p50 {proxied[0] / plain[0]:.2f}, p95 {proxied[1] / plain[1]:.2f}")
    return 0


# Only the site server, without starting a second bot: serve.SiteHandler pointed at bot_url.
SERVE_PROXY_ONLY = """
import functools, http.server, sys
from harness.serve import SiteHandler
SiteHandler.bot_url = sys.argv[3]
handler = functools.partial(SiteHandler, directory=sys.argv[1])
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), handler).serve_forever()
"""

if __name__ == "__main__":
    sys.exit(main())
