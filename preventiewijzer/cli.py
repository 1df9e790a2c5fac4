"""Command line: validate the content, build the site, generate the bot data.

    python -m preventiewijzer validate
    python -m preventiewijzer site [--output build/site]
    python -m preventiewijzer bot-data
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .botdata import write_bot_data
from .errors import ContentInvalid
from .sitebuild import SiteBuildFailed, build_site
from .validate import load_valid_tree

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="preventiewijzer", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["validate", "site", "bot-data"])
    parser.add_argument("--content", type=Path, default=REPO / "content", help="content directory")
    parser.add_argument("--output", type=Path, default=REPO / "build" / "site", help="site output directory")
    parser.add_argument("--bot", type=Path, default=REPO / "bot", help="Rasa project directory")
    args = parser.parse_args(argv)
    # mkdocs reports what is wrong (a dead link, a missing file) through logging warnings.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    try:
        tree = load_valid_tree(args.content.resolve())
    except ContentInvalid as invalid:
        print(f"Content is invalid; nothing was built.\n{invalid}", file=sys.stderr)
        return 1
    if args.command == "validate":
        print(f"Content is valid: {len(tree.pages)} pages in {len(tree.settings.languages)} languages.")
    elif args.command == "site":
        try:
            build_site(tree, REPO, args.output.resolve())
        except SiteBuildFailed as failed:
            print(f"{failed}\nThe previous site in {args.output} is unchanged.", file=sys.stderr)
            return 1
        print(f"Site built in {args.output}")
    else:
        for path in write_bot_data(tree, args.bot.resolve()):
            print(f"Wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
