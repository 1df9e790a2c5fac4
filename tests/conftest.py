"""Shared fixtures: the repository's content, a site built from it, a running Rasa server, and the
site with its chat in real Chromium."""
from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import tempfile
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright import sync_api as playwright_api

from harness.process import Service, StackError, free_port, http_ok, wait_ready
from harness.rasa import model_path, rasa_run
from harness.serve import SiteHandler
from preventiewijzer.layout import Layout
from preventiewijzer.sitebuild import build_site
from preventiewijzer.validate import load_valid_tree

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"


@pytest.fixture(scope="session")
def tree():
    return load_valid_tree(CONTENT)


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A private copy of the real content, for tests that break it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(scope="session")
def built_site(tree, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("site") / "site"
    build_site(tree, Layout.of(REPO), output)
    return output


class Bot:
    """A client for the Rasa REST channel of a running server."""

    def __init__(self, url: str):
        self.url = url

    def ask(self, sender: str, message: str, language: str | None) -> list[dict]:
        payload: dict = {"sender": sender, "message": message}
        if language is not None:
            payload["metadata"] = {"language": language}
        request = urllib.request.Request(
            f"{self.url}/webhooks/rest/webhook", data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"}, method="POST",
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())


@contextlib.contextmanager
def running_bot(log: Path, endpoints: Path = REPO / "bot/endpoints.yml"):
    """`rasa run` with the model that `make train` built, on a free loopback port."""
    if not model_path().exists():
        pytest.fail(f"No trained model at {model_path()}: run `make train` (make test does it).")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = rasa_run(port, endpoints=endpoints)
    server = Service("rasa run", command.args, log, lambda: http_ok(url + "/"), cwd=command.cwd, env=command.env)
    server.start()
    try:
        try:
            wait_ready([server], timeout=240)
        except StackError as error:
            pytest.fail(str(error))
        yield Bot(url)
    finally:
        server.stop(timeout=20)


@pytest.fixture(scope="session")
def bot(tmp_path_factory):
    with running_bot(tmp_path_factory.mktemp("rasa") / "rasa.log") as client:
        yield client


# --- the site in a real browser (chat widget and accessibility tests) ---------------------------
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def site(built_site, bot):
    """The built site and the chat path, as `make run` serves them, on a free port."""
    handler = functools.partial(SiteHandler, directory=str(built_site))
    SiteHandler.bot_url = bot.url
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    SiteHandler.bot_url = bot.url


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.fail("Chromium is not installed (.ci/run installs Debian's chromium)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def ask(page, question: str):
    page.fill("#pw-chat-input", question)
    page.keyboard.press("Enter")


def last_bot_message(page, count: int):
    """Wait until the log holds `count` bot messages and return the last one."""
    page.wait_for_function(
        f"document.querySelectorAll('.pw-chat__message--bot').length >= {count}", timeout=30000)
    return page.locator(".pw-chat__message--bot").nth(count - 1)


# --- the production stack: PostgreSQL, Redis, two Rasa instances, nginx (tests/test_prod_*.py) ---
@pytest.fixture(scope="session")
def prod_stack(built_site):
    """One stack for every production test, torn down at the end even when a test fails."""
    from harness.stack import Stack

    # Not under pytest's tmp directory: that is private to us, and PostgreSQL runs as its own user.
    root = Path(tempfile.mkdtemp(prefix="pw-stack-"))
    stack = None
    try:
        try:
            stack = Stack(root, built_site, instances=2)
            stack.start()
        except StackError as error:
            pytest.fail(f"The production stack did not start: {error}")
        yield stack
    finally:  # also when it did not start: no servers or directories left behind
        if stack is not None:
            stack.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def stack_up(prod_stack):
    """The stack with every server running (a fault test before may have stopped one)."""
    try:
        prod_stack.revive()
    except Exception as error:
        pytest.fail(f"Could not bring the stack back up: {error}")
    return prod_stack
