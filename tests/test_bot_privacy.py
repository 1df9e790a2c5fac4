"""No conversation is stored by default; with a tracker store, personal data never reaches it."""
import json
import sqlite3

import yaml

from conftest import REPO, running_bot

PERSONAL = ["06-12345678", "jan@example.nl", "NL91ABNA0417164300", "1234 AB 5"]


def test_no_tracker_store_is_configured_by_default():
    endpoints = yaml.safe_load((REPO / "bot/endpoints.yml").read_text(encoding="utf-8")) or {}
    assert "tracker_store" not in endpoints


def test_a_configured_store_gets_redacted_conversations(tmp_path):
    database = tmp_path / "conversations.db"
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(yaml.safe_dump({"tracker_store": {
        "type": "serving.tracker_store.RedactingSQLTrackerStore", "dialect": "sqlite", "db": str(database),
    }}))
    message = ("Er belde een man aan over de waterleiding. Bel me terug op 06-12345678 of mail jan@example.nl, "
               "mijn rekening is NL91ABNA0417164300 en ik woon op 1234 AB 5")
    with running_bot(tmp_path / "rasa.log", endpoints) as bot:
        replies = bot.ask("privacy-test", message, "nl")
        assert replies and replies[0]["text"]  # the reader still gets an answer

    rows = sqlite3.connect(database).execute("select data from events").fetchall()
    stored = "\n".join(row[0] for row in rows)
    user_texts = [json.loads(row[0]).get("text") for row in rows if json.loads(row[0]).get("event") == "user"]
    assert user_texts == ["Er belde een man aan over de waterleiding. Bel me terug op [telefoonnummer] of mail "
                          "[e-mail], mijn rekening is [IBAN] en ik woon op [adres]"]
    for item in PERSONAL:
        assert item not in stored
