"""Page weight and load timings per page type (a benchmark, not a test).

Serves build/site on a free loopback port, opens each page type in real Chromium on a phone-sized
window and reports what the page loads (requests, raw and gzip-compressed KB, as nginx sends it)
and Lighthouse-style timings from the browser's own Navigation and Paint Timing: time to first
byte, first contentful paint, largest contentful paint, DOMContentLoaded and load. Medians over
--runs loads with an empty cache. The chat widget is loaded on every page (not opened here; the
page-weight test covers a page with the chat in use).

    .venv/site/bin/python bench/site.py [--runs 5]
"""
from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import socket
import statistics
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # the harness
from harness.pageweight import TransferRecorder, total_compressed  # noqa: E402

PAGE_TYPES = {
    "home (nl)": "/nl/",
    "topic (nl)": "/nl/senioren/babbeltrucs/",
    "topic with folder (nl)": "/nl/ondernemers/overvalfolder/",
    "topic, draft (ber)": "/ber/senioren/babbeltrucs/",
    "officer kit (en)": "/en/kit/",
}

TIMINGS = """() => new Promise(resolve => {
  let lcp = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) lcp = e.startTime; })
    .observe({type: "largest-contentful-paint", buffered: true});
  setTimeout(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    resolve({ttfb: nav.responseStart, fcp: fcp ? fcp.startTime : NaN, lcp,
             dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd});
  }, 300);
})"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path) -> http.server.ThreadingHTTPServer:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure(browser, url: str, runs: int) -> dict:
    weights, timings = [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 360, "height": 740})  # empty cache each run
        page = context.new_page()
        recorder = TransferRecorder(page)
        page.goto(url, wait_until="networkidle")
        timings.append(page.evaluate(TIMINGS))
        transfers = recorder.collect()
        weights.append((len(transfers), sum(t.raw for t in transfers), total_compressed(transfers)))
        context.close()
    median = {key: statistics.median(t[key] for t in timings) for key in timings[0]}
    requests, raw, compressed = weights[-1]
    return dict(median, requests=requests, raw=raw, compressed=compressed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, default=REPO / "build/site")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium or not (args.site / "index.html").is_file():
        print("needs Debian's chromium and a built site (make site)", file=sys.stderr)
        return 1
    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        results = {name: measure(browser, base + path, args.runs) for name, path in PAGE_TYPES.items()}
        browser.close()
    server.shutdown()

    print(f"Phone window 360x740, empty cache, local server; timings are medians of {args.runs} loads (ms).")
    print(f"{'page type':24} {'req':>4} {'raw KB':>7} {'gzip KB':>8} {'TTFB':>6} {'FCP':>6} {'LCP':>6} {'DCL':>6} {'load':>6}")
    for name, r in results.items():
        print(f"{name:24} {r['requests']:4d} {r['raw'] / 1024:7.0f} {r['compressed'] / 1024:8.0f} "
              f"{r['ttfb']:6.0f} {r['fcp']:6.0f} {r['lcp']:6.0f} {r['dcl']:6.0f} {r['load']:6.0f}")
    heaviest = max(results, key=lambda name: results[name]["compressed"])
    print(f"Heaviest: {heaviest}, {results[heaviest]['compressed'] / 1024:.0f} KB compressed (limit 200 KB).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
