"""What nginx shows the world in the production layout: security headers, security.txt, small
bodies, a rate limit on the chat, CORS for the site's own origin only, and nothing of Rasa but
the chat path; the Rasa instances have no HTTP API and, like every server, listen on loopback."""
from __future__ import annotations

import datetime
import gzip
import threading
import urllib.request
from pathlib import Path

import pytest

from harness.client import ChatClient

HEADERS = {
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


def get(stack, path: str, source: str = "127.0.50.1", method: str = "GET", **kwargs):
    client = ChatClient(stack.url, source=source)
    try:
        return client.request(method, path, **kwargs)
    finally:
        client.close()


@pytest.mark.parametrize("path", ["/", "/nl/", "/en/senioren/babbeltrucs/", "/ber/no-such-page/",
                                  "/.well-known/security.txt", "/webhooks/rest/webhook"])
def test_every_response_carries_the_security_headers(stack_up, path):
    response = get(stack_up, path)
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, f"{path}: {name}"
    assert "content-security-policy" in response.headers and "permissions-policy" in response.headers
    assert response.headers["server"] == "nginx"  # no version


def test_a_chat_answer_carries_the_security_headers(stack_up):
    response = ChatClient(stack_up.url, source="127.0.50.2").ask("headers-1", "hallo", "nl")
    assert response.answered
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value


def test_the_content_security_policy_allows_no_inline_script_and_no_other_host(stack_up):
    policy = dict(
        (part.split()[0], part.split()[1:]) for part in get(stack_up, "/nl/").headers["content-security-policy"].split(";")
    )
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    sources = [source for values in policy.values() for source in values]
    assert not [s for s in sources if "unsafe" in s or "://" in s or s in ("*", "http:", "https:")]


def test_the_permissions_policy_switches_off_what_the_site_does_not_use(stack_up):
    policy = get(stack_up, "/").headers["permissions-policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in policy


def test_security_txt(stack_up):
    response = get(stack_up, "/.well-known/security.txt")
    assert response.status == 200 and response.headers["content-type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in response.body.decode().splitlines() if ": " in line and not line.startswith("#"))
    assert fields["Contact"].startswith(("mailto:", "https://"))
    expires = datetime.datetime.fromisoformat(fields["Expires"].replace("Z", "+00:00"))
    now = datetime.datetime.now(datetime.timezone.utc)
    assert now < expires < now + datetime.timedelta(days=366)  # RFC 9116: less than a year ahead
    assert fields["Canonical"].endswith("/.well-known/security.txt")


@pytest.mark.parametrize("method, path, status", [
    ("GET", "/webhooks/rest/webhook", 405),
    ("PUT", "/webhooks/rest/webhook", 405),
    ("GET", "/webhooks/rest/", 404),
    ("GET", "/webhooks/rest", 404),
    ("POST", "/webhooks/callback/webhook", 404),
    ("GET", "/status", 404),
    ("GET", "/version", 404),
    ("POST", "/model/parse", 404),
    ("GET", "/conversations/someone/tracker", 404),
    ("POST", "/conversations/someone/messages", 404),
])
def test_nothing_of_rasa_but_the_chat_is_reachable_through_nginx(stack_up, method, path, status):
    response = get(stack_up, path, method=method, body=b'{"text": "hallo"}' if method != "GET" else None)
    assert response.status == status
    assert b"rasa" not in response.body.lower()


@pytest.mark.parametrize("method, path", [
    ("GET", "/status"), ("GET", "/version"), ("POST", "/model/parse"),
    ("GET", "/conversations/someone/tracker"), ("POST", "/conversations/someone/tracker/events"),
])
def test_the_rasa_instances_have_no_http_api(stack_up, method, path):
    client = ChatClient(stack_up.instance_urls[0])
    response = client.request(method, path, body=b'{"text": "hallo"}' if method == "POST" else None)
    assert response.status == 404


def listening(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on `port`."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_every_server_listens_on_loopback_only(stack_up):
    ports = [stack_up.port, stack_up.postgres.port, stack_up.redis.port, *stack_up.instance_ports]
    for port in ports:
        assert listening(port) == {"0100007F"}, f"port {port}: {listening(port)}"  # 127.0.0.1 only


def test_cors_only_for_the_sites_own_origin(stack_up):
    chat = ChatClient(stack_up.url, source="127.0.50.3")
    foreign = chat.ask("cors-1", "hallo", "nl", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in foreign.headers
    own = chat.ask("cors-1", "hallo", "nl", headers={"Origin": stack_up.origin})
    assert own.headers.get("access-control-allow-origin") in (None, stack_up.origin)
    preflight = chat.request("OPTIONS", "/webhooks/rest/webhook", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


def test_bodies_over_the_limit_are_refused(stack_up):
    response = ChatClient(stack_up.url, source="127.0.50.4").post(b'{"sender": "a", "message": "' + b"x" * 17_000 + b'"}')
    assert response.status == 413 and "too large" in response.json()["error"]


def test_the_chat_is_rate_limited_per_client(stack_up):
    statuses, lock = [], threading.Lock()

    def burst(source: str):
        client = ChatClient(stack_up.url, source=source)
        for _ in range(20):
            status = client.post(b"{").status  # refused by Rasa at once: only the limit is measured
            with lock:
                statuses.append((source, status))
        client.close()

    threads = [threading.Thread(target=burst, args=("127.0.51.1",)) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    limited = [status for _, status in statuses if status == 429]
    assert limited and set(status for _, status in statuses) <= {400, 429}
    # Someone else, at the same moment, is not affected.
    assert ChatClient(stack_up.url, source="127.0.51.2").post(b"{").status == 400


# --- the site in Chromium, under the production headers ----------------------------------------
def visit(stack, browser):
    """Three pages and one chat question; what the browser refused and where it went."""
    context = browser.new_context()
    page = context.new_page()
    refused, elsewhere = [], []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.on("request", lambda request: elsewhere.append(request.url)
            if not request.url.startswith((stack.url + "/", "data:")) else None)
    try:
        for path in ("/nl/", "/en/senioren/babbeltrucs/", "/ber/kit/"):
            page.goto(stack.url + path)
            page.wait_for_load_state("networkidle")
        page.click(".pw-chat__toggle")
        page.fill("#pw-chat-input", "wat is een babbeltruc")
        page.keyboard.press("Enter")
        # (no wait_for_function: Playwright evaluates it as a string, which this CSP forbids)
        answer = page.locator(".pw-chat__message--bot").nth(1)
        answer.wait_for(timeout=30000)
        return answer.locator("a").last.get_attribute("href"), refused, elsewhere
    finally:
        context.close()


def test_the_site_and_its_chat_work_under_the_headers_without_other_hosts(stack_up, browser):
    link, _, elsewhere = visit(stack_up, browser)
    assert link.startswith("/nl/senioren/babbeltrucs/")  # the doorstep-trick answer, in Dutch
    assert elsewhere == []


def test_the_browser_refuses_nothing_on_the_site(stack_up, browser):
    _, refused, _ = visit(stack_up, browser)
    assert refused == []


def test_search_works_under_the_headers(stack_up, browser):
    # Material's search runs in a web worker fed by search_index.json: both from our own origin.
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # the search box in view
    page = context.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    try:
        page.goto(stack_up.url + "/en/")
        page.wait_for_load_state("networkidle")
        page.click("input.md-search__input")
        # Typing before the search worker has loaded its index finds nothing: wait until it is ready.
        page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for(timeout=15000)
        page.keyboard.type("doorstep", delay=30)  # as a reader types: Material searches on key events
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert "Doorstep" in page.locator(".md-search-result__list").inner_text()
        assert page.locator(".pw-large-text-toggle").is_visible()  # our own scripts ran too
        assert refused == []
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/nl/senioren/babbeltrucs/", "/nl/assets/chat.js", "/nl/search/search_index.json"])
def test_text_is_sent_compressed(stack_up, path):
    request = urllib.request.Request(stack_up.url + path, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert len(gzip.decompress(response.read())) > 1000
