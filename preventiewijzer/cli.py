"""Command line: validate the content, build the site, generate the bot data.

    python -m preventiewijzer validate
    python -m preventiewijzer site [--output build/site]
    python -m preventiewijzer bot-data
    python -m preventiewijzer folders [--output build/folders]
    python -m preventiewijzer translations [--stamp content/en/hulp/contact.md ...]
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .botdata import write_bot_data
from .errors import ContentInvalid
from .folders import folder_pages, render_folder
from .freshness import stale_translations, stamp, translations
from .sitebuild import SiteBuildFailed, build_site
from .validate import load_valid_tree

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = {"site": REPO / "build" / "site", "folders": REPO / "build" / "folders"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="preventiewijzer", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["validate", "site", "bot-data", "folders", "translations"])
    parser.add_argument("--content", type=Path, default=REPO / "content", help="content directory")
    parser.add_argument("--output", type=Path, help="output directory (default: build/site or build/folders)")
    parser.add_argument("--stamp", nargs="+", type=Path, default=[], metavar="PAGE",
                        help="translations: record that these translated pages follow their current source")
    parser.add_argument("--bot", type=Path, default=REPO / "bot", help="Rasa project directory")
    args = parser.parse_args(argv)
    output = (args.output or DEFAULT_OUTPUT.get(args.command, REPO / "build")).resolve()
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
            build_site(tree, REPO, output)
        except SiteBuildFailed as failed:
            print(f"{failed}\nThe previous site in {output} is unchanged.", file=sys.stderr)
            return 1
        print(f"Site built in {output}")
        report_stale(tree)
    elif args.command == "translations":
        wanted = {path.resolve() for path in args.stamp}
        for translation, source in translations(tree):
            if translation.file in wanted:
                stamp(translation, source)
                print(f"Stamped {translation.repo_path}")
        report_stale(load_valid_tree(args.content.resolve()))
    elif args.command == "folders":
        for page in folder_pages(tree):
            print(f"Wrote {render_folder(page, tree, output)}")
    else:
        for path in write_bot_data(tree, args.bot.resolve()):
            print(f"Wrote {path}")
    return 0


def report_stale(tree) -> None:
    """Translations whose source changed: a report for editors, never a failure."""
    stale = stale_translations(tree)
    if not stale:
        print("Every translation follows the current source.")
        return
    print(f"{len(stale)} translation(s) follow an older source; update them, then run "
          "`python -m preventiewijzer translations --stamp PAGE`:")
    for item in stale:
        print(f"  - {item}")


if __name__ == "__main__":
    sys.exit(main())
