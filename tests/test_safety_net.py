"""The 112 safety net's decision on its own (components/danger.py, no Rasa needed): danger now,
fraud in progress, about danger, distress, and how the conversation counts. These cases were
written apart from the safety sets in bench/safety/ (tests/test_safety_sets.py runs those)."""
import sys

import pytest
import yaml

from conftest import REPO

sys.path.insert(0, str(REPO / "bot"))
from components import danger, danger_patterns  # noqa: E402 (plain patterns, no Rasa needed)

DANGER_NOW = [
    "help er staat een man met een mes in mijn zaak",
    "Er wordt nu ingebroken in mijn schuur, ik zie een zaklamp",
    "ik word op dit moment bedreigd door twee jongens bij de bushalte",
    "een man houdt me vast en wil mijn tas, help",
    "als ik de kassa niet open slaat hij me",  # "als" does not cancel the main clause
    "hij was eerst rustig maar nu richt hij een pistool op me",  # a past word does not cancel
    "overvl!!",  # a typo in panic
    "someone is kicking my front door in right now",
    "there's a masked man in the shop demanding the cash",
    "i am being followed by a man with a knife",
    "he came in quietly but now he has a gun",
    "ixfenni yella umakeṛ deg ḥanut-inu s lmus",
    "ɛawnet-ayi, ɣaṛ-s lmus",
]

NOT_NOW = [
    "Wat moet ik doen als iemand mijn winkel overvalt?",
    "hoe voorkom ik een overval op mijn tankstation",
    "Wat doe je als er iemand met een wapen bij de kassa staat?",
    "We zijn vorige week overvallen, wat moet ik nu doen met mijn personeel?",  # weak "nu" in a past story
    "Ik ben vorige maand beroofd, heb ik recht op geld van het Schadefonds?",
    "What should I do if a robber points a gun at me?",
    "what if he has a knife, do I still hand over the money",
    "I was attacked last year, can I still get compensation?",
    "Is het gevaarlijk om boven een pinautomaat te wonen?",
    "overval nou ja weet niet",  # "nou" is "well", not "now"
]

GENERAL_NO_PREFIX = [
    "Hoe voorkom ik een overval?",
    "What should staff do during a robbery?",
    "mamec ad ḥḍeɣ ḥanut-inu zi overval",
]

ABOUT = [
    "Ik ben vorige maand beroofd, heb ik recht op geld van het Schadefonds?",
    "my shop was robbed last month and my staff are still scared",
]


@pytest.mark.parametrize("message", DANGER_NOW)
def test_danger_now(message):
    assert danger.assess(message).danger == danger.NOW


@pytest.mark.parametrize("message", NOT_NOW)
def test_questions_and_past_events_are_not_danger_now(message):
    assert danger.assess(message).danger != danger.NOW


@pytest.mark.parametrize("message", GENERAL_NO_PREFIX)
def test_a_general_how_to_question_gets_its_topic_as_usual(message):
    assert danger.assess(message) == danger.Assessment()


@pytest.mark.parametrize("message", ABOUT)
def test_a_past_scene_gets_the_112_line_before_the_topic(message):
    assert danger.assess(message).danger == danger.ABOUT


def test_a_scene_told_in_two_messages_is_danger_now():
    assert danger.assess("hij pakt nu iets uit zijn jas").danger is None
    assert danger.assess("hij heeft een mes", previous="er staat een man bij de kassa").danger == danger.NOW
    assert danger.assess("now he's running at me", previous="a man has been following me").danger == danger.NOW


def test_danger_right_after_a_danger_reply_gets_112_again():
    assert danger.assess("hij heeft mijn tas gepakt", after_danger=True).danger == danger.NOW


def test_the_classifiers_emergency_is_never_overruled():
    assert danger.assess("iets raars hier", classifier_intent="emergency").danger == danger.ABOUT
    assert danger.assess("hij staat nu hier", classifier_intent="emergency").danger == danger.NOW


@pytest.mark.parametrize("message, kind", [
    ("ik heb de bank aan de lijn, ze willen dat ik geld overboek naar een veilige rekening", danger.FRAUD_CALL),
    ("the police officer on the phone wants me to install an app", danger.FRAUD_CALL),
    ("er komt zo een koerier mijn bankpas ophalen", danger.FRAUD_DOOR),
    ("a man at my door says he's from the police and wants to take my jewellery", danger.FRAUD_DOOR),
])
def test_fraud_in_progress(message, kind):
    assert danger.assess(message).danger == kind


def test_a_question_about_fraud_is_not_fraud_in_progress():
    assert danger.assess("komt de politie ooit sieraden ophalen?").danger is None


@pytest.mark.parametrize("message, kind, now", [
    ("mijn man slaat me, hij staat nu in de keuken", "domestic", True),
    ("my boyfriend hits me when he drinks", "domestic", False),
    ("ik ben vorig jaar verkracht", "sexual", False),
    ("ik wil niet meer leven", "suicide", False),
    ("i keep thinking about killing myself", "suicide", False),
])
def test_distress_we_have_no_page_for(message, kind, now):
    assessment = danger.assess(message)
    assert assessment.distress == kind
    assert (assessment.danger == danger.NOW) is now


def test_typed_without_tarifit_letters_or_accents():
    assert danger.normalize("Ɛawnet-ayi, ḥanut") == "3awnet-ayi, hanut"
    assert danger.assess("3awnet-ayi, ghar-s lmus").danger == danger.NOW


def test_every_language_of_the_site_has_its_patterns():
    codes = {lang["code"] for lang in yaml.safe_load((REPO / "content/site.yml").read_text())["languages"]}
    groups = {name: getattr(danger_patterns, name) for name in
              ("THREAT", "PRESENT", "CRY_FOR_HELP", "CONDITIONAL", "WEAK_PRESENT", "PAST", "GENERAL", "VIOLENT",
               "QUESTION", "CRY", "FUZZY_WORDS")}
    groups.update({f"DISTRESS.{kind}": by_language for kind, by_language in danger_patterns.DISTRESS.items()})
    groups.update({f"FRAUD_CALL.{part}": by_language for part, by_language in danger_patterns.FRAUD_CALL.items()})
    groups.update({f"FRAUD_DOOR.{part}": by_language for part, by_language in danger_patterns.FRAUD_DOOR.items()})
    for name, by_language in groups.items():
        assert codes <= set(by_language), f"{name} lacks patterns for {codes - set(by_language)}"
