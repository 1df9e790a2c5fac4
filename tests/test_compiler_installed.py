"""The compiler is a package of its own: installed without the repository (not editable), it
compiles any content into any directory, given where they are."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO


def test_an_installed_compiler_builds_from_directories_it_is_given(tmp_path, content_copy):
    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--disable-pip-version-check", "--target", str(target), str(REPO)],
                   check=True, capture_output=True, text=True)
    assert not (target / "preventiewijzer" / "stack").exists()  # the harness is not part of it
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(target))

    def compiler(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "preventiewijzer", *args], cwd=elsewhere, env=env,
                              capture_output=True, text=True, timeout=300)

    found = subprocess.run([sys.executable, "-c", "import preventiewijzer; print(preventiewijzer.__file__)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout
    assert found.startswith(str(target)), found

    validated = compiler("validate", "--content", str(content_copy))
    assert validated.returncode == 0, validated.stderr
    bot = tmp_path / "bot"
    generated = compiler("bot-data", "--content", str(content_copy), "--bot", str(bot))
    assert generated.returncode == 0, generated.stderr
    assert (bot / "domain" / "generated.yml").is_file() and (bot / "data" / "generated" / "nlu.yml").is_file()
    site = compiler("site", "--project", str(REPO), "--content", str(content_copy), "--output", str(tmp_path / "site"))
    assert site.returncode == 0, site.stderr
    assert (tmp_path / "site" / "nl" / "index.html").is_file()
    assert not (elsewhere / "build").exists()  # nothing written where it was not asked
