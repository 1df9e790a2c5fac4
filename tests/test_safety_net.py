"""The 112 safety net on its own: danger now is caught whatever the classifier says; questions
about such situations, and stories about the past, are not. These cases were written apart from
the benchmark sets (bench/, shared/eval) on which the patterns were tuned."""
import sys

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "bot"))
from components import danger  # noqa: E402 (plain patterns, no Rasa needed)

DANGER_NOW = [
    "help er staat een man met een mes in mijn zaak",
    "Er wordt nu ingebroken in mijn schuur, ik zie een zaklamp",
    "ik word op dit moment bedreigd door twee jongens bij de bushalte",
    "er is nu een overval bij de snackbar naast ons",
    "Er staat een man aan de deur die zegt dat hij van de politie is en hij eist nu mijn bankpas",
    "een man houdt me vast en wil mijn tas, help",
    "someone is kicking my front door in right now",
    "help, a man is threatening my colleague with a knife",
    "there's a masked man in the shop demanding the cash",
    "a fake policeman is in my kitchen now and wants my jewellery",
    "i am being followed by a man with a knife",
    "ixfenni yella umakeṛ deg ḥanut-inu s lmus",
    "ɛawnet-ayi, yella ca n bnadem deg taddart-inu ixfenni",
]

NOT_DANGER_NOW = [
    "Wat moet ik doen als iemand mijn winkel overvalt?",
    "hoe voorkom ik een overval op mijn tankstation",
    "Mag ik een mes onder de toonbank leggen tegen overvallers?",
    "Ik ben vorige maand beroofd, heb ik recht op geld van het Schadefonds?",
    "We zijn gisteren overvallen, hoe vang ik mijn personeel op?",
    "Welke maatregelen helpen tegen inbrekers?",
    "What should I do if a robber points a gun at me?",
    "How can I prevent burglars from breaking in?",
    "I was attacked last year, can I still get compensation?",
    "Is het gevaarlijk om boven een pinautomaat te wonen?",
    "tips tegen straatroof voor mijn dochter",
    "mamec ad ḥḍeɣ ḥanut-inu zi overval",
    "overval nou ja weet niet",  # "nou" is "well", not "now"
    "Hoe beveilig ik mijn zaak net als de supermarkt tegen overvallen?",
]


@pytest.mark.parametrize("message", DANGER_NOW)
def test_danger_now_is_caught(message):
    assert danger.is_danger_now(message)


@pytest.mark.parametrize("message", NOT_DANGER_NOW)
def test_questions_and_past_events_are_not_an_alarm(message):
    assert not danger.is_danger_now(message)
