"""Broken and hostile input, through nginx and straight to a Rasa instance: each gets a clear 4xx
or a safe answer, and the server keeps answering everyone else. A property-based test
(Hypothesis) sends random messages and random JSON to the REST channel."""
from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from harness.client import ChatClient
from harness.faults import stored_user_messages

_numbers = itertools.count()


def fresh(url: str) -> ChatClient:
    """A client from an address of its own, so these tests never meet the per-client rate limit."""
    number = next(_numbers)
    return ChatClient(url, source=f"127.0.{20 + number // 250}.{1 + number % 250}")


@pytest.fixture(params=["nginx", "instance"])
def client(request, stack_up):
    url = stack_up.url if request.param == "nginx" else stack_up.instance_urls[0]
    chat = fresh(url)
    yield chat
    # ... and the server still answers a normal question afterwards.
    answer = chat.ask(f"after-{next(_numbers)}", "Hoe voorkom ik een overval in mijn winkel?", "nl")
    chat.close()
    assert answer.answered, f"no answer after the bad input: HTTP {answer.status} {answer.body[:300]!r}"


def body(**fields) -> bytes:
    return json.dumps(fields).encode()


def sender() -> str:
    return f"bad-{next(_numbers)}"


def assert_refused(response, status: int, reason: str | None = None):
    assert response.status == status, f"HTTP {response.status} {response.error} {response.body[:300]!r}"
    if reason is not None:
        assert response.headers.get("content-type", "").startswith("application/json")
        assert reason in response.json()["error"]


def assert_safe_answer(response, who: str):
    assert response.status == 200, f"HTTP {response.status} {response.error} {response.body[:300]!r}"
    assert response.headers["content-type"].startswith("application/json")
    replies = response.json()
    assert replies and all(reply["recipient_id"] == who and isinstance(reply.get("text", ""), str) for reply in replies)
    assert "<script" not in response.body.decode().lower()


def test_a_1_mb_body_is_refused(client):
    payload = body(sender=sender(), message="x" * 1_000_000)
    assert_refused(client.post(payload), 413)


@pytest.mark.parametrize("raw", [b'{"sender": "a", "message": ', b"\xff\xfe not json", b"[" * 5000, b""])
def test_invalid_json_is_refused(client, raw):
    assert_refused(client.post(raw), 400, "not valid JSON")


@pytest.mark.parametrize("payload, reason", [
    ([{"sender": "a", "message": "hallo"}], "JSON object"),
    ({"message": "hallo"}, "sender"),
    ({"sender": "", "message": "hallo"}, "sender"),
    ({"sender": "x" * 10_000, "message": "hallo"}, "sender"),
    ({"sender": 12345, "message": "hallo"}, "sender"),
    ({"sender": "a b\n", "message": "hallo"}, "sender"),
    ({"sender": "a"}, "message"),
    ({"sender": "a", "message": None}, "message"),
    ({"sender": "a", "message": ["hallo"]}, "message"),
    ({"sender": "a", "message": "\x00\x07\u202e "}, "empty"),
    ({"sender": "a", "message": "hallo", "metadata": "nl"}, "metadata"),
])
def test_a_malformed_request_is_refused_with_its_reason(client, payload, reason):
    assert_refused(client.post(json.dumps(payload).encode()), 400, reason)


def test_a_10000_character_message_is_refused(client):
    assert_refused(client.post(body(sender=sender(), message="overval " * 1250)), 413)


@pytest.mark.parametrize("message", [
    "\x00hallo\x07 ik \x1b[31mwil\x7f tips\u0085 tegen overvallen\r\n",      # control characters
    "\ud800 hallo \udfff",                                                  # lone surrogates
    "مرحبا، كيف أحمي متجري من السرقة؟",                                     # Arabic, right to left
    "שלום, איך אני מגן על החנות שלי?",                                      # Hebrew, right to left
    "\u202ehallo\u202c \u2067overval\u2069",                                # bidirectional overrides
    "ⴰⵣⵓⵍ, ⵎⴰⵎⴽ ⴰⴷ ⵃⴹⴻⵖ ⵜⴰⵃⴰⵏⵓⵜ ⵉⵏⵓ?",                                     # Tifinagh
    "🚨🏪💰 help 👮‍♀️ 👨‍👩‍👧",                                                     # emoji, with joiners
    "<script>alert(document.cookie)</script>",
    "<img src=x onerror=alert(1)> [klik](javascript:alert(1))",
    "'; drop table events; --",
    "/affirm{\"chosen_language\": ",                                         # a broken intent payload
])
def test_unusual_text_gets_a_safe_answer(client, message):
    who = sender()
    assert_safe_answer(client.ask(who, message, "nl"), who)


def test_control_characters_are_not_stored(stack_up):
    who = sender()
    assert fresh(stack_up.url).ask(who, "hallo\x00\x1b[2J\u202e daar", "nl").answered
    assert stored_user_messages(stack_up, who) == ["hallo[2J daar"]


def test_unknown_metadata_is_not_stored(stack_up):
    who = sender()
    payload = body(sender=who, message="hallo", metadata={"language": "en", "tracking": "x" * 500})
    assert fresh(stack_up.url).post(payload).answered
    stored = stack_up.postgres.psql(f"select data from events where sender_id = '{who}' and type_name = 'user'")
    metadata = json.loads(stored)["metadata"]
    assert metadata["language"] == "en" and "tracking" not in metadata


@pytest.mark.parametrize("page, kept", [
    ("/en/hulp/schadefonds/", True),
    ("/en/", True),
    ("https://elsewhere.example/en/", False),  # another host's address
    ("/xx/hulp/schadefonds/", False),  # not a language of this site
    ("/en/" + "a" * 300, False),  # too long
    ("/en/<script>/", False),
])
def test_the_page_is_stored_only_when_it_is_a_path_of_this_site(stack_up, page, kept):
    who = sender()
    assert fresh(stack_up.url).post(body(sender=who, message="hallo", metadata={"language": "en", "page": page})).answered
    stored = stack_up.postgres.psql(f"select data from events where sender_id = '{who}' and type_name = 'user'")
    assert (json.loads(stored)["metadata"].get("page") == page) is kept


# --- property-based: whatever arrives, a 200 with a list of answers or a clear 4xx -----------------
@pytest.fixture(scope="module")
def instance(prod_stack):
    prod_stack.revive()
    chat = fresh(prod_stack.instance_urls[0])
    yield chat
    chat.close()


def assert_answer_or_refusal(response):
    assert response.status in (200, 400, 413), f"HTTP {response.status} {response.error} {response.body[:300]!r}"
    data = response.json()
    if response.status == 200:
        assert isinstance(data, list) and all(isinstance(reply.get("text", ""), str) for reply in data)
    else:
        assert isinstance(data["error"], str)


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(message=st.text(max_size=300), language=st.sampled_from(["nl", "en", "ber", None, "xx"]))
def test_random_messages(instance, message, language):
    assert_answer_or_refusal(instance.ask(f"fuzz-{next(_numbers)}", message, language))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
requests = json_values | st.fixed_dictionaries({}, optional={
    "sender": st.from_regex(r"[A-Za-z0-9_.:@-]{1,20}", fullmatch=True) | json_values,
    "message": st.text(max_size=200) | json_values,
    "metadata": st.fixed_dictionaries({}, optional={"language": st.sampled_from(["nl", "en", "ber"]) | json_values})
                | json_values,
})


@FUZZ
@given(payload=requests)
def test_random_json(instance, payload):
    assert_answer_or_refusal(instance.post(json.dumps(payload).encode()))
    # and a normal question still gets its answer
    assert instance.ask(f"fuzz-check-{next(_numbers)}", "hallo", "nl").answered
