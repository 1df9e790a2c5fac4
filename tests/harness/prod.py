"""`make prod`: the production layout on this machine, in the foreground; Ctrl-C stops it.

    PYTHONPATH=tests python -m harness.prod [--root build/prod] [--site build/site] [--port 0] [--instances 2]
"""
from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from .stack import REPO, Stack, StackError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO / "build/prod", help="configuration, data and logs")
    parser.add_argument("--site", type=Path, default=REPO / "build/site", help="the built site")
    parser.add_argument("--port", type=int, default=0, help="nginx's port on 127.0.0.1 (0: a free one)")
    parser.add_argument("--instances", type=int, default=2, help="number of `rasa run` instances")
    args = parser.parse_args(argv)

    def stop(*_):
        raise KeyboardInterrupt

    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, stop)
    stack = Stack(args.root, args.site, instances=args.instances, port=args.port)
    try:
        print(f"Starting PostgreSQL, Redis, {args.instances} Rasa instances and nginx (about a minute) ...", flush=True)
        stack.start()
        info = stack.describe()
        print(f"\n  Site and chat: {info['site']}\n  Rasa instances: {', '.join(info['instances'])} (not for readers)"
              f"\n  Configuration, data and logs: {args.root}\n\nCtrl-C stops everything.", flush=True)
        while True:
            time.sleep(5)
            # A server that died is started again, like a service manager would.
            for name in stack.revive():
                print(f"{name} had stopped; started it again (see {stack.logs}).", flush=True)
    except StackError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping.", flush=True)
    finally:
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(number, signal.SIG_IGN)  # a second Ctrl-C must not cut the shutdown short
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
