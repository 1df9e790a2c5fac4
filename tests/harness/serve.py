"""Serve the built site and the bot together for local use (`make run`).

The site is served from one port; POST /webhooks/rest/webhook is passed on to the Rasa server,
so the chat talks to its own origin, as it does behind nginx in production. Ctrl-C stops both.

    PYTHONPATH=tests python -m harness.serve --site build/site [--port 8000] [--bot-port 5005]
"""
from __future__ import annotations

import argparse
import functools
import http.server
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from .rasa import rasa_run

CHAT_PATH = "/webhooks/rest/webhook"
MAX_CHAT_BODY = 64 * 1024


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    bot_url = ""

    def do_POST(self):  # noqa: N802 (http.server naming)
        if self.path.split("?", 1)[0] != CHAT_PATH:
            self.send_error(404)
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_CHAT_BODY:
            self.send_error(413)
            return
        request = urllib.request.Request(
            self.bot_url + CHAT_PATH, data=self.rfile.read(length),
            headers={"Content-Type": "application/json"}, method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        except (urllib.error.URLError, TimeoutError):
            status, body = 502, b'{"error": "bot unavailable"}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def wait_for(url: str, process: subprocess.Popen, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bot-port", type=int, default=5005)
    args = parser.parse_args()

    bot_url = f"http://localhost:{args.bot_port}"
    command = rasa_run(args.bot_port)
    bot = subprocess.Popen(command.args, cwd=command.cwd, env=command.env)
    handler = functools.partial(SiteHandler, directory=str(args.site))
    SiteHandler.bot_url = bot_url
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)

    def stop(*_):
        raise KeyboardInterrupt

    # SIGINT too: a shell that starts this in the background may have set it to "ignore".
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        print(f"Starting the bot on {bot_url} ...", flush=True)
        if not wait_for(bot_url + "/", bot, timeout=180):
            print("The bot did not start; see its output above.", file=sys.stderr)
            return 1
        print(f"\n  Site: http://localhost:{args.port}/\n  Bot:  {bot_url}{CHAT_PATH}\n\nCtrl-C stops both.", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopping.")
    finally:
        server.server_close()
        bot.terminate()
        try:
            bot.wait(timeout=15)
        except subprocess.TimeoutExpired:
            bot.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
