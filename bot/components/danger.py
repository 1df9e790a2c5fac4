"""Does a message describe danger happening now? Plain patterns in Dutch, English and Tarifit.

Kept apart from the Rasa component (safety_net.py) so that the rules can be read and tested on
their own. Danger now = something dangerous (violence, an intruder, a demand for money or cards)
+ a sign that it is happening now (an explicit "now", a cry for help, a present-tense scene),
and no sign that the reader asks about it in general or tells about the past.
"""
from __future__ import annotations

import re

# Something happening at this moment: an explicit "now", a cry for help, or a present-tense scene.
NOW = (
    r"\b(nu|op dit moment|momenteel|op het moment|zojuist|daarnet)\b|\bnet\b(?! (als|zo|zoals|niet)\b)"  # not "nou" (= well)
    r"|\b(right now|now|at the moment|at this moment|currently|just now|as we speak|right here)\b"
    r"|\b(ixfenni|ixfenna|dɣya|dɣiya|ṛexxu|rexxu)\b"
    # a cry for help, not the verb ("welke maatregelen helpen tegen ...")
    r"|^\W*(help|hulp|ɛawnet|ɛawen)\b|\b(help|hulp)\W*$|\b(help|hulp)\s*[!,]|\bhelp (me|us|my)\b|\bɛawnet-ayi\b|\bɛawen-ayi\b|\bɛawnet-aɣ\b"
    # Dutch present-tense scenes: "ik word ...", "er staan twee mannen in ...", "ik zit verstopt"
    r"|\bik word\b|\b(ze zijn|hij is|zij is|is) (aan het|bezig)\b|\bwordt (nu )?(overvallen|beroofd|aangevallen|bedreigd)"
    r"|\ber (staat|staan|is|zijn|zit|zitten|loopt|lopen) .{0,40}\b(in|bij|aan|voor|door) (mijn|m'n|haar|zijn|onze|ons|de|het)\b"
    r"|\bik (zit|sta|lig|ben) (verstopt|opgesloten|aan het)\b|\bik heb me (verstopt|opgesloten)\b|\bik hoor (iemand|hem|ze|mensen)\b"
    r"|\b(houdt|eist|eisen|dwingt|dwingen|bedreigt|bedreigen|slaat|slaan|schiet|schieten|steekt|rammen|probeert|proberen|trekt|richt)\b"
    # English present progressive and present-tense scenes
    r"|\b(i am being|i'm being|im being|we are being|we're being|is being|are being)\b"
    r"|\b(i'?m|i am|we'?re|we are) (hiding|locked|trapped|running|texting|calling|stuck)\b"
    r"|\b(i can hear|i hear|there'?s (someone|somebody|a|an|two|three|some)|there are)\b"
    r"|\b(demanding|threatening|pointing|holding|kicking|smashing|ramming|forcing|hitting|punching)\b"
    r"|\b(is|are) (smashing|ramming|breaking|robbing|attacking|threatening|hitting|beating|pointing|emptying|taking|kicking|trying|blowing|following|chasing|holding)\b"
    r"|\b(is|are) (in|at|inside|outside) (my|her|his|our|the)\b|\b(won't|will not|wont) leave\b"
    r"|\b(pulls?|pulled|points?|demands?|forces?|threatens?) \b|\bit'?s happening\b|\bhet gebeurt\b"
    # Tarifit: "there is/are ... (here)", present scenes
    r"|\b(ttukerḍeɣ|ttukerḍen|ttukeṛen|yekcem|ttḍfaṛen|yettṛeẓẓi)\b"
)
# What makes it dangerous: violence, intruders, threats, someone demanding money or cards.
DANGER = (
    r"overval|overvallen|overvaller|beroofd|beroven|inbre(ek|kt|ker|ken|ekt)|inbraak|aangevallen|aanval|"
    r"bedreig|\bmes\b|messen|pistool|wapen|vuurwapen|geweer|slaat|slaan|schiet|schieten|steekt|"
    r"in elkaar|knal|klap|explosie|ontploff|bivakmuts|gemaskerd|rammen|ramkraak|"
    r"eist|eisen|dwingt|dwingen|(wil|willen|vraagt|vragen) .{0,25}(pinpas|bankpas|pincode|geld|sieraden|kassa)|"
    r"leeghalen|leeghaalt|achtervolgd|opengebroken|openbreken|breekt|breken|breekijzer|raam open|deur in|anders komt|"
    r"er (is|zit|loopt|staat) iemand (in|door) (mijn|m'n|ons|onze)|ingebroken|inbreken|houdt me vast|"
    r"(iemand|een man|een vreemde|mannen) in (mijn|m'n|ons|onze) (huis|woning|slaapkamer|tuin|schuur|kamer|winkel|zaak)|"
    r"(wil|willen|eist|eisen|pakt|grijpt) .{0,20}(tas|telefoon|portemonnee|pinpas|bankpas|pincode|geld|sieraden|kassa)|"
    r"nepagent|neppolitie|'agenten'|'politie'|"
    r"\brob|robber|robbing|robbed|hold.?up|holding up|burglar|breaking in|break in|broke in|break-in|attack|"
    r"threaten|knife|\bgun\b|weapon|beat(en|ing)?\b|hitting|stabb|shoot|explosion|exploded|blew up|blowing up|blast|"
    r"demand|forcing|force me|fake police|'police|masked|balaclava|emptying|chasing|following me|wants the till|"
    r"smashing|ramming|kicking|\bbang\b|window open|door in|won't leave|wanting me to|"
    r"(someone|somebody|a guy|a man|a stranger|men) in my (house|home|flat|bedroom|garden|shed|room|shop|kitchen)|"
    r"tukerḍa|ukeṛ|ttukerḍ|ttukeṛ|amakar|umakar|imakaren|imakeṛen|umakeṛ|lmus|lfeṛdi|bumba|tarbubaḥt|tfeṛqeɛ|yewwet|wten|ttewten|"
    r"ixes idrimen|ixes lkart|xsen idrimen|yessuter|xsen tilifun|ttawin|yettṛeẓẓi|ṛeẓẓen|"
    r"bnadem (deg|di) (taddart|uxxam)-inu"
)
# Asking about a situation in general, or telling about one in the past, is not danger now.
HYPOTHETICAL = (
    r"\b(als|stel dat|indien|mocht|ooit|voorkom|voorkomen|maatregelen|tips|herken|"
    r"gisteren|vorige|vorig jaar|vannacht|vanochtend|geleden|werd|ben .{0,20}(beroofd|overvallen|aangevallen|bestolen)|"
    r"if|in case|ever|prevent|avoid|measures|yesterday|last (week|night|year|month)|ago|was|were|"
    r"got robbed|been robbed|next month|trial|after the|fled|have called|called 112|always|usually|"
    r"altijd|meestal|dit jaar|this year|\d+ keer|(twee|drie|vaak|meerdere) keer|(two|three|several) times|"
    r"vandoor|gevlucht|net weg|zijn weg|is weg|na de overval|al gebeld|is gebeld|ṛuḥen|"
    r"ma|mi|iḍennaḍ|zi ca|qbel|tenna-yi|yenna-yi|d tidet)\b"
)
STRONG_NOW = r"\b(right now|at this moment|op dit moment|ixfenni|as we speak|het gebeurt nu|it's happening)\b|^\W*(help|hulp|ɛawnet)\b"


def is_question_about_danger(text: str) -> bool:
    """Asks about a situation in general or tells about the past, with no strong sign of 'now'."""
    lowered = text.casefold()
    return bool(re.search(HYPOTHETICAL, lowered)) and not re.search(STRONG_NOW, lowered)


def is_danger_now(text: str) -> bool:
    lowered = text.casefold()
    return bool(re.search(DANGER, lowered) and re.search(NOW, lowered)) and not is_question_about_danger(text)
