"""Command line: validate the content, build the site, generate the bot data.

    python -m preventiewijzer validate
    python -m preventiewijzer site [--output build/site]
    python -m preventiewijzer bot-data
    python -m preventiewijzer folders [--output build/folders]
    python -m preventiewijzer translations [--stamp content/<lang>/hulp/contact.md ...]
    python -m preventiewijzer deploy [--settings deploy/settings.yml] [--output build/deploy]

Every directory is an option; by default they are those of the project directory (--project,
the current directory): content/, mkdocs.yml, folders/, bot/ and build/ (see layout.py).
"""
from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from pathlib import Path

from .botdata import write_bot_data
from .deploy_targets import SettingsInvalid, render_all
from .errors import ContentInvalid
from .folders import folder_pages, render_folder
from .freshness import stale_translations, stamp, structure_differences, translations
from .layout import Layout
from .sitebuild import SiteBuildFailed, build_site
from .validate import load_valid_tree


def parse_layout(argv: list[str] | None) -> tuple[argparse.Namespace, Layout]:
    parser = argparse.ArgumentParser(prog="preventiewijzer", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["validate", "site", "bot-data", "folders", "translations", "deploy"])
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="project directory (default: here)")
    parser.add_argument("--content", type=Path, help="content directory (default: PROJECT/content)")
    parser.add_argument("--mkdocs-config", type=Path, help="base MkDocs configuration (default: PROJECT/mkdocs.yml)")
    parser.add_argument("--folder-templates", type=Path, help="folder templates (default: PROJECT/folders)")
    parser.add_argument("--bot", type=Path, help="Rasa project directory (default: PROJECT/bot)")
    parser.add_argument("--output", type=Path, help="output directory (default: PROJECT/build/site or build/folders)")
    parser.add_argument("--settings", type=Path, help="deploy: the installation's settings (default: PROJECT/deploy/settings.yml)")
    parser.add_argument("--stamp", nargs="+", type=Path, default=[], metavar="PAGE",
                        help="translations: record that these translated pages follow their current source")
    args = parser.parse_args(argv)
    layout = Layout.of(args.project)
    chosen = {"content": args.content, "mkdocs_config": args.mkdocs_config,
              "folder_templates": args.folder_templates, "bot": args.bot}
    layout = dataclasses.replace(layout, **{k: v.resolve() for k, v in chosen.items() if v is not None})
    return args, layout


def main(argv: list[str] | None = None) -> int:
    args, layout = parse_layout(argv)
    default_output = {"site": layout.build / "site", "folders": layout.build / "folders", "deploy": layout.build / "deploy"}
    output = (args.output or default_output.get(args.command, layout.build)).resolve()
    # mkdocs reports what is wrong (a dead link, a missing file) through logging warnings.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    try:
        tree = load_valid_tree(layout.content)
    except ContentInvalid as invalid:
        print(f"Content is invalid; nothing was built.\n{invalid}", file=sys.stderr)
        return 1
    if args.command == "validate":
        print(f"Content is valid: {len(tree.pages)} pages in {len(tree.settings.languages)} languages.")
    elif args.command == "site":
        try:
            build_site(tree, layout, output)
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
        report_stale(load_valid_tree(layout.content))
    elif args.command == "deploy":
        settings = (args.settings or layout.deploy_templates.parent / "settings.yml").resolve()
        try:
            targets = render_all(tree, layout.deploy_templates, settings, output, project=args.project.resolve())
        except SettingsInvalid as invalid:
            print(f"The deployment settings are invalid; nothing was rendered.\n{invalid}", file=sys.stderr)
            return 1
        for target in targets:
            print(f"Rendered {target}")
    elif args.command == "folders":
        for page in folder_pages(tree):
            print(f"Wrote {render_folder(page, tree, layout.folder_templates, output)}")
    else:
        for path in write_bot_data(tree, layout.bot):
            print(f"Wrote {path}")
    return 0


def report_stale(tree) -> None:
    """Translations whose source changed, and drafts whose structure differs from their source:
    a report for editors, never a failure (for a reviewed translation `validate` fails)."""
    stale = stale_translations(tree)
    if not stale:
        print("Every translation follows the current source.")
    else:
        print(f"{len(stale)} translation(s) follow an older source; update them, then run "
              "`python -m preventiewijzer translations --stamp PAGE`:")
        for item in stale:
            print(f"  - {item}")
    incomplete = structure_differences(tree, "draft")
    if incomplete:
        print(f"{len(incomplete)} draft translation(s) differ from their source in sections, lists, links or numbers:")
        for translation, _source, differences in incomplete:
            print(f"  - {translation.repo_path}: {'; '.join(differences)}")


if __name__ == "__main__":
    sys.exit(main())
