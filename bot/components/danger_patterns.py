"""The 112 safety net's patterns: plain data, read by components/danger.py.

Every group maps a language code to regular expressions. They are matched against the message
after `danger.normalize`: casefolded, accents and the dots of Tarifit letters removed (ḥ -> h,
ṛ -> r), ɣ written "gh" and ɛ written "3", as people type them on a phone. Every group is tried in
every language: a reader writes English on a Dutch page, or Dutch in a Tarifit chat.

How the groups combine (danger.py): a THREAT with a PRESENT cue is danger now; PRESENT cues are
never cancelled by anything. A THREAT without one is "about danger" (a first line "happening
now? call 112", then the topic), unless the message is a GENERAL how-to question and tells no
PAST scene. Berber (Tarifit) patterns are a DRAFT, like the Tarifit texts.
"""

# --- THREAT: a scene of danger to a person -----------------------------------------------------
# Words that, in a message, mean someone may be in danger. Alone they are not an alarm ("how do I
# prevent a robbery?"); with a present cue they are.
THREAT = {
    "nl": [
        # robbery, assault, burglary as events
        r"overval\w*", r"\bberoofd\b", r"\bberoven\b", r"\bberooft\b", r"\bstraatroof\b",
        r"\binbr(aak|eker\w*|eken|eekt|eek)\b", r"\bingebroken\b", r"\bbreekt in\b", r"\bbreken in\b",
        r"\b(binnengedrongen|binnendringen|dringt binnen|dringen binnen|binnengevallen)\b",
        r"\bze zijn binnen\b", r"\b(hij|iemand|er) is binnen\b",
        # the till or the safe emptied: a robbery told by what was taken
        r"\b(kassa|la|kluis|winkel|zaak)\b.{0,12}\b(leeg ?gehaald|leeggeroofd|leeggeplunderd|geroofd)\b",
        # weapons
        r"\b(mes|messen|mesje|pistool|pistolen|vuurwapen\w*|wapen|wapens|geweer|revolver|knuppel|"
        r"honkbalknuppel|bijl|machete|schroevendraaier|breekijzer|koevoet|hamer|stanleymes)\b",
        # violence against a person
        r"\b(slaat|slaan|sloeg|schopt|schoppen|trapt|trappen|steekt|steken|neersteken|neersteekt|duwt|"
        r"duwen|wurgt|wurgen|bedreigt|bedreigen|bedreigd|dreigt|dreigen|mishandelt|mishandeld|"
        r"aangevallen|aanval|schiet|schieten|geschoten|gestoken|geslagen|bloedt|bloed)\b",
        r"\bvalt (me|mij|ons|haar|hem) aan\b", r"\bvallen (me|mij|ons|haar|hem) aan\b", r"\bin elkaar\b",
        r"\btrek(t|ken)? aan (mijn|m'n|mn|haar|zijn|onze)\b", r"\bhoud(t|en)? (me|mij|ons|haar|hem) (vast|tegen)\b",
        r"\b(grijpt|grijpen|pakt|pakken|rukt|rukken) (mijn|m'n|mn|haar|zijn) (tas|telefoon|arm|portemonnee|pas|"
        r"fiets|sleutels|ketting|horloge|keel)\b",
        # followed, cornered, locked in, tied up, masked
        r"\bachtervolg\w*", r"\bvolg(t|en) (me|mij|ons|haar)\b", r"\bachter (me|mij|ons) aan\b",
        r"\b(rijdt|rijden|loopt|lopen) .{0,30}achter (me|mij|ons)\b",
        r"\b(gijzel\w*|opgesloten|vastgebonden|vastgebonden|klem gezet)\b", r"\b(bivakmuts\w*|gemaskerd\w*|masker)\b",
        # demands with a threat (not "my son wants money" on WhatsApp: that is fraud, not a scene)
        r"\b(eist|eisen|dwingt|dwingen)\b", r"\bgeef (je|jullie|me|mij)? ?(geld|tas|telefoon|pas|pincode|kassa)\b",
        r"\bwil(len|t)? (de|mijn|m'n|mn|onze|het) (kassa|kassalade|kluis|pincode|pinpas|bankpas)\b",
        r"\bwil(len|t)? dat (ik|we|wij) .{0,30}\b(geef|geven|afgeef|open|opendoe|opendoen|pin|pinnen|intoets)\b",
        # something taken from the reader: the bag, the card, the till
        r"\b(pakt|pakte|pakken|pakten|grijpt|greep|rukt|jat|jatte|nam|namen|rende weg met|renden weg met)\b.{0,25}"
        r"\b(pas|pinpas|bankpas|tas|telefoon|portemonnee|kassa|kassalade|geld|sieraden|ketting|horloge)\b",
        r"\b(mijn|m'n|mn|onze|ons|de|haar) (pas|pinpas|bankpas|tas|telefoon|portemonnee|kassa|kassalade)\b.{0,20}"
        r"\b(gepakt|afgepakt|gegrepen|gejat|verwisseld|omgewisseld|afgenomen|pakte|pakt|greep)\b",
        # someone who should not be there: in the house, at the back door, coming in
        r"\b(iemand|een man|mannen|een vreemde|een meneer|een onbekende|jongens|twee mannen)\b.{0,30}\b(in|op) "
        r"(mijn|m'n|mn|ons|onze|de) (huis|woning|tuin|slaapkamer|schuur|kamer|trap|gang|zolder|keuken|winkel|zaak|"
        r"balkon|woonkamer|hal|achtertuin|kelder|magazijn)\b",
        r"\ber is (echt |nog |hier )?iemand\b", r"\b(probeert|proberen|wil|willen) .{0,30}binnen te (komen|dringen)\b",
        r"\b(komt|komen) (nu |hier )?binnen\b", r"\b(trek|trekt|trekken|rammelt|rammelen|voelt|voelen|morrelt|morrelen) "
        r"(aan|met) (de|mijn|onze) (deur|achterdeur|voordeur|klink|ramen|raam|slot)\b",
        r"\b(schreeuwt|schreeuwen|scheldt|schelden|gooit|gooien) .{0,20}\b(geld|me|mij|ons|stoelen|dingen|naar)\b",
        r"\b(zaklamp|op de uitkijk)\b", r"\banders (gebeurt er (iets|wat)|sla ik|steek ik|schiet ik|maak ik)\b",
        r"\b(zegt|zeggen|eist|eisen) (dat )?(ik|we) (moet|moeten)\b", r"\b(rent|rennen|komt|komen|loopt|lopen) .{0,10}naar (me|mij|ons) toe\b",
        # doors and windows being forced, explosions
        r"\b(rammen|ramt|ramkraak|openbreken|opengebroken|forceren|forceert|inslaan|ingeslagen)\b",
        r"\b(deur|achterdeur|voordeur|raam|ramen|slot|klink)\b.{0,15}\b(gemorreld|gerammeld|geschopt|gebonkt|geforceerd|getrapt)\b",
        r"\b(leeggehaald|leeghalen|leeghaalt|leegroven|leeggeroofd)\b",
        r"\b(schop|schoppen|trap|trappen|beuk|beuken|bonken|bonst)\w* (tegen|op) (de|mijn|onze) (deur|achterdeur|voordeur|raam)\b",
        r"\b(explosie|ontploffing|ontploft|knal|knallen|plofkraak)\b",
    ],
    "en": [
        r"\b(rob|robs|robbed|robbing|robber|robbers|robbery|hold ?up|held up|holding up|stick ?up|mugg\w*|carjack\w*)\b",
        r"\b(burglar\w*|break(ing|s)? in|broke in|broken in|breaking into|intruder\w*|forc(e|ed|ing) (his|their|her) way in)\b",
        r"\b(someone|somebody|a man|a guy|the man|the guy|a woman|a stranger|strangers|men|people|they|he|she)"
        r"('s| is| are|'re)? (\S+ ){0,5}?(in|inside) "
        r"(my|our|the|her|his) (house|home|flat|apartment|bedroom|garden|shed|room|kitchen|shop|store|hallway|stairs|"
        r"living room|hall)\b",
        r"\b(knife|knives|gun|guns|pistol|firearm|weapon|rifle|shotgun|bat|baseball bat|machete|axe|crowbar|"
        r"screwdriver|blade|hammer)\b",
        r"\b(hit|hits|hitting|beat|beats|beating|kick|kicks|kicking|stab\w*|shoot\w*|shot|punch\w*|strangl\w*|"
        r"chok(e|es|ing)|attack\w*|assault\w*|threat\w*|bleeding|hurting (me|us)|grabb?\w*|push(es|ed|ing)?|shov\w*)\b",
        r"\bpull\w* (at )?(my|her|his) (bag|phone|arm|hair|necklace)\b",
        r"\b(follow(ing|ed|s)? (me|us|her|him)|chas(e|es|ing|ed) (me|us|her)|stalk\w*|cornered)\b",
        r"\b(being|been) followed\b", r"\bfollowed (me|us|home|by)\b",
        r"\b(took|grabbed|stole|snatched|swapp?ed|switched|ran (off|out) with|drove off with)\b.{0,25}"
        r"\b(cash|till|drawer|register|card|bag|phone|wallet|money|purse|necklace|watch)\b",
        r"\b(trying|tries|tried|rattling) (the|my|our) (handle|door|doors|back door|front door|window|windows|lock)\b",
        r"\b(there is|there's|theres) (really |still )?(someone|somebody)\b", r"\b(flashlight|torch|lookout)\b",
        r"\b(pressing|pushing|forcing) (me|us) (for|to)\b", r"\b(won't|will not|wont) let (me|us) (go|leave|out)\b",
        r"\bor (else|i'll|he'll|they'll)\b",
        r"\b(running|coming|walking) (straight )?(at|towards|toward) (me|us)\b", r"\b(trying|tries) to (get|break|climb) in\b",
        r"\b(hostage|tied up|tie me|locked (me|us) in|masked|balaclava\w*|mask)\b",
        r"\b(demand\w*|forc(e|es|ing) (me|us)|give (him|them|me) (my|the|your) (pin|card|money|cash|phone|bag))\b",
        r"\bwants? (my|the|our) (pin|card|money|cash|till|safe|phone|bag|wallet|watch|keys|jewel\w*)\b",
        r"\b(ramming|rammed|smash\w*|kick\w* (in )?the door|bang\w* on the door)\b",
        r"\b(explosion|exploded|explode|blast|blew up|blowing up|bang)\b",
    ],
    "ber": [
        r"overval\w*", r"\b(tukerda|tukerdha|ttaker\w*|yettaker\w*|takeren)\b",
        r"\b(umaker|imaker\w*|amakar|umakar|imakaren)\b",
        r"\b(lmus|lmusat|pistool|lferdi|ssilah|tournevis|lmetraqa|lmeteraqa|l3asa|l3esa|breekijzer|bumba|plofkraak|lmaska)\b",
        r"\b(tferqe3|yeferqe3|ttewten|wten|yewwet|ad yi-yewwet|yettwwet|ttwwten|yejbed|jebden|hedden|yehedd|"
        r"ttheddan|yenegh|ad yi-yenegh|qqnen|ttqennen|yeddea|yedde3)\b",
        r"\b(kecmen|yekcem|yekcem-d|kecmen-d|ad yadef|yadef|yettadef|ttadfen)\b",
        r"\b(ca n bnadem|bnadem|argaz|irgazen|ca n argaz|umaker|imaker\w*)\b.{0,15}\b(deg|di) (taddart|uxxam|axxam|hanut|lbit)\b",
        r"\b(y?ttwet|ittwet|yettwwet)\w*", r"\b(yewwi|yewwin|ikkes|yekkes|yuker|ttfen|yettef)\b.{0,15}\b(lkart|tilifun|ssak|lbeztam|idrimen)\b",
        r"\b(y?ttarz|y?ttrezz|rzen)\w*",
        r"\b(yerezz|ttrezzen|yettrezz|rezzen|yettrez|yerz)\w*",
        r"\b(yettdfar|ttdfaren|ttedfaren|yettdfar-i)\w*",
        r"\b(yexs|txes|xsen|yessuter|ssutren)\b.{0,30}\b(idrimen|iqariden|lkart|code|pin|tilifun|lbeztam|ssak|ddheb|tisura)\b",
    ],
}

# --- PRESENT: the scene is happening now, or has just happened --------------------------------
# Strong cues: a present-tense scene with a person in it, a cry for help, "right now", "a minute
# ago". Nothing cancels them.
PRESENT = {
    "nl": [
        r"\b(op dit moment|op het moment|momenteel|op dit ogenblik|zojuist|daarnet|nu meteen)\b",
        r"\bnet\b(?! (als|zo|zoals|niet|iets|wat|even|genoeg|op tijd|voor|na)\b)",
        r"\b(een|1|2|twee|paar|enkele|vijf|5) (minuut|minuten|seconden|sec|min) geleden\b",
        # a scene in the main clause: "er staat een man", "hij heeft een mes", "nu slaat hij"
        r"\b(er|hier|daar|nu|buiten|beneden|binnen) (staat|staan|zit|zitten|loopt|lopen|ligt|is|zijn|komt|komen|rijdt|"
        r"rijden) (\w+ ){0,4}?(een|twee|drie|vier|iemand|mannen|jongens|man|vrouw|types|gasten|overvallers|inbrekers|"
        r"ze|hij|die|auto|scooter|busje|\d+)\b(?![^,.!?]{0,40}\b(geweest|gebeurd|gepleegd|aangevallen|overvallen|beroofd|"
        r"neergestoken|geslagen|gestoken|bedreigd|doodgeschoten|ingebroken)\b)",
        r"\b(hij|zij|ze|iemand|die man|een man|de man|man|die gast|die jongen|die jongens|de jongens|jongens|mannen|een van hen|"
        r"een vrouw|de overvaller|de inbreker|de dader|twee mannen|drie mannen|een jongen) (staat|staan|"
        r"zit|zitten|loopt|lopen|komt|komen|richt|richten|houdt|houden|slaat|slaan|schopt|schoppen|trapt|trappen|"
        r"duwt|duwen|trekt|trekken|pakt|pakken|grijpt|bedreigt|bedreigen|eist|eisen|wil|willen|dwingt|breekt|breken|"
        r"probeert|proberen|zegt|roept|schreeuwt|volgt|volgen|wacht|wachten|steekt|schiet|blijft|gaat|rent|rennen|dreigt|"
        r"dreigen)\b",
        r"\b(slaat|schopt|steekt|bedreigt|richt|houdt|trekt|duwt|eist|staat|dreigt|trapt|schiet) "
        r"(hij|ze|zij|iemand|die man|de man)\b",
        r"\b(hij|zij|ze|iemand|die man|de man|een van hen|een man|eentje|\d+|een) (heeft|hebben) (een|twee|zijn|z'n|hun)? ?"
        r"(mes|pistool|wapen|vuurwapen|geweer|knuppel|bijl|machete|schroevendraaier|hamer)\b",
        r"\b(ze|hij|zij|iemand|de dader|de daders|de overvallers) (is|zijn) (er )?(nog|hier|binnen|boven|beneden)\b",
        r"\b(ik|we|wij) (word|wordt|worden) \w+", r"\bwordt (nu )?(overvallen|beroofd|aangevallen|bedreigd|gevolgd|ingebroken)\b",
        r"\b(is|zijn) (aan het|bezig)\b",
        r"\bik (zit|sta|lig) (hier |nu )?(verstopt|opgesloten|vast|in|op|onder|achter|bij)\b",
        r"\bik (heb|hou) me (verstopt|opgesloten|schuil)\b", r"\bik hoor\b", r"\bik zie (iemand|een|mannen|ze|hem|twee|drie|licht)\b",
        r"\bik (durf|kan) niet (te )?(weg|naar buiten|praten|bellen|meer|stoppen|open)\b", r"\bik bloed\b",
        r"\b(de bel gaat|er wordt (nu )?aangebeld|er belt (nu )?iemand aan)\b",
        r"\b(loopt|lopen|rent|rennen|fietst|fietsen|rijdt|rijden)\b.{0,25}\bweg\b",
        r"\b(en|maar|nu) (nu |nog )?(pakt|pakken|slaat|schopt|gooit|trekt|trekken|duwt|komt|komen|staat|staan|zit|zitten|"
        r"loopt|lopen|rent|richt|dreigt|probeert|proberen|zijn|is)\b", r"\ber wordt\b", r"\b(is|zijn) (\w+ ){0,3}(aan de gang|gaande)\b", r"\b(ze|hij) (zijn|is) (net )?(weg|weggerend|gevlucht)\b",
    ],
    "en": [
        r"\b(right now|at the moment|at this moment|as we speak|right here|just now|this minute|currently)\b",
        r"\b(a|one|1|2|two|few|couple of|five|5) (minute|minutes|seconds|mins|min|sec)s? ago\b",
        r"\bjust (ran|left|took|grabbed|robbed|hit|attacked|stole|mugged|drove off|broke)\b",
        r"\b(walking|running|driving|riding) (away|off)\b", r"\bjust (sped|ran|drove|took) off\b",
        r"\bjust (assaulted|stabbed|punched|beat|pushed|pulled|drew|got out|took out)\b", r"\bin progress\b",
        r"\b(he|she|they|someone|somebody|guy|man|the guy|the man|a man|a guy) keeps? \w+ing\b",
        r"^\W*(hiding|being|locked|trapped|stuck|followed|bleeding)\b",
        r"\b(hes|shes|theyre|theres|im)\b",
        r"\b(he|she|they|someone|somebody|a man|a guy|the guy|the man|men|two men|people|one of them)('s| is| are|'re) "
        r"(at|in|outside|inside|behind|next to|in front of|here|still|back|on)\b",
        r"\b(man|guy|men|someone|somebody|people|guys|robber|robbers|he|they|she) (\w+ ){0,6}?(demanding|pointing|"
        r"holding|threatening|kicking|smashing|hitting|attacking|following|chasing|shouting|breaking|banging|forcing|"
        r"emptying|grabbing|pushing|pulling|stealing|robbing|beating)\b",
        r"\b(and|but) (is|are|keeps|now) \w+ing\b", r"\b(and|but) (now )?(want|wants|demand|demands|won't|keep|keeps)\b",
        r"\b(he|she|they|someone|somebody|a man|a guy|the guy|the man|men|two men|people|one of them|a woman)"
        r"('s| is| are|'re) (\w+ )?\w+ing\b",
        r"\b(i am|i'm|im|we are|we're) (being|hiding|locked|trapped|stuck|cornered|bleeding|under|in the|alone)\b",
        r"\bthere('s|s| is| are|'re) (a|an|someone|somebody|two|three|four|men|people|guys|a guy|a man|\d+)\b",
        r"\b(he|she|they|someone|one|the guy|the man|one of them|he's|they've)('s| has| have|'ve| got)? ?(got )?(a|an|two)? ?"
        r"(knife|gun|pistol|weapon|bat|machete|axe|crowbar|screwdriver|blade|hammer)\b",
        r"\b(he|she|they|someone|somebody|the guy|the man|a man|a guy|man|guy|men|guys)( just)? (keeps|wants|want|says|say|won't|will not|pulls|points|"
        r"holds|grabs|hits|kicks|demands|threatens|follows|blocks|tries|refuses)\b",
        r"\b(i can hear|i hear|i can see|i see) (someone|somebody|a|an|two|men|people|him|them|voices|footsteps|noises?)\b",
        r"\b(won't|will not|wont) (leave|go away|stop|let me)\b",
    ],
    "ber": [
        r"\b(ghar-?s|ghar-?sen|ghas) (lmus|pistool|ssilah|lferdi|tournevis|l3asa|l3esa|lmetraqa|breekijzer)\b", r"\b(yella|yela|llan)\b (ca n|ijjen|sin|krad|irgazen|umaker|imaker\w*|bnadem|argaz)",
        r"\b(sligh|txezregh|zrigh|zeregh)\w* (i |ca n |zzaj|idaren|bnadem|sin |irgazen|umaker|imaker)", r"\bffregh\b",
        r"\bmazal (deg|di|ghar|ttawin|llan|yella)\b",
        # the imperfective of the verbs of a scene: is following, is hitting, is breaking
        r"\b(yettdfar|ttdfaren|ttedfaren|yettwet|ttwwten|yettaker|ttakeren|yettrezz\w*|ttrezzen|yettsughuy)\w*",
        r"\bqbel (ca n |ijjen |ixf n )?(dqiqa|dqayeq|tdqiqt)\b",
    ],
}

# A cry for help: a present cue too, unless the message is a general how-to question ("help! my new
# staff don't know what to do in a robbery, any course?").
CRY_FOR_HELP = {
    "nl": [r"^\W*(help|hulp|sos|112|politie)\b", r"\b(help|hulp)\s*(!|,|$)", r"\bhelp (me|mij|ons)\s*(!|,|\.|$)",
           r"\bhelp (snel|politie)\b", r"!!"],
    "en": [r"^\W*(help|sos|police)\b", r"\bhelp\s*(!|,|$)", r"\bhelp (me|us)\s*(!|,|\.|$)", r"\bhelp (please|pls|plz)\b",
           r"\b(please|pls|plz) help\b", r"!!"],
    "ber": [r"^\W*3awn\w*", r"\b3awn(et|em|ey)\w*[- ]?(ayi|aygh|agh)\b"],
}

# A present cue right after one of these words is a hypothesis, not a scene: "als hij een mes
# heeft" / "what if he has a gun"; so is one right after a Dutch relative or object clause word, whose
# verb comes last ("geef wat hij wil"). A few words may stand between ("if a robber is pointing").
# The inverted main clause keeps its cue: in "als ik niet betaal slaat hij me", "slaat hij" is the
# main clause, and no pattern starts with "ik".
CONDITIONAL = {
    "nl": r"\b(als|indien|wanneer|mocht|stel|stel dat|wat als|en als|zodra|voordat|totdat)\s+(\S+\s+){0,3}$"
          r"|\b(wat|dat|die|waar|hoe|wie)\s+$",
    "en": r"\b(if|when|whenever|in case|suppose|what if|until|before|once|whether)\s+(\S+\s+){0,3}$",
    "ber": r"\b(ma|mara|xmi|ila|mi)\s+(\S+\s+){0,3}$",
}

# Weak cues: "nu" / "now" alone. They count unless the message tells of a past scene: "we zijn
# vorige week overvallen, wat moet ik nu doen?" is not danger now.
WEAK_PRESENT = {
    "nl": [r"\bnu\b", r"\bnú\b"],
    "en": [r"\bnow\b"],
    "ber": [r"\b(ixfenni|ixfenna|rexxu|dghya|dghiya|dghaya|3ad)\b"],
}

# --- PAST: the scene is over -----------------------------------------------------------------
# Only decides between "about danger" (first line with 112, then the topic) and a plain topic
# answer for a general question; it never cancels a strong present cue.
PAST = {
    "nl": [
        r"\b(gisteren|eergisteren|gisteravond|gisternacht|vannacht|vanochtend|vanmorgen|afgelopen|toen|destijds|ooit|"
        r"vroeger|laatst|onlangs)\b",
        r"\bvorig(e)? (week|maand|keer|jaar|zomer|winter|weekend)\b",
        r"\b(\d+|een|twee|drie|paar|enkele|vier|vijf|tien) (dagen|dag|weken|week|maanden|maand|jaar|jaren) geleden\b",
        r"\b(werd|werden|was|waren|had|hadden|gebeurde)\b",
        r"\b(ben|is|zijn|bent) .{0,25}(beroofd|overvallen|aangevallen|bestolen|bedreigd|mishandeld|opgelicht|gestoken|"
        r"geslagen|ingebroken|verkracht)\b",
        r"\b(heeft|hebben|heb) .{0,25}(gestolen|geslagen|bedreigd|overvallen|beroofd|meegenomen)\b",
    ],
    "en": [
        r"\b(yesterday|last (week|month|year|night|time|summer|winter|weekend)|ago|earlier|back then)\b",
        r"\b(was|were|had|happened|got (robbed|mugged|attacked|threatened|hit|stabbed))\b",
        r"\b(been|got) (robbed|mugged|attacked|threatened|burgled|assaulted|scammed)\b",
    ],
    "ber": [r"\b(idennad|ttugha|ttuxa|yedran|aseggwas yezrin|ass-a zi|zi ca n|tenna-yi|yenna-yi|i yezrin)\b",
            r"\bqbel (\w+ )?n (iseggwasen|useggwas|wayyur|yur|ssimana|ussan|wussan)\b",
            r"\b(iseggwasen|useggwas|aseggwas|wussan|ussan|ayyur|wayyur|ssimanat|ssimana) aya\b"],
}

# --- GENERAL: a how-to question with no scene -------------------------------------------------
GENERAL = {
    "nl": [
        r"\bhoe (voorkom|kan|moet|zorg|herken|beveilig|bescherm|ga|reageer|doe|blijf|maak|weet|help|vang|train|"
        r"leer|krijg|vraag|meld|werkt|gaat)\b",
        r"\bwat (moet|kan|doe|doen|moeten|kunnen|mag|zou|zouden|kun) (ik|je|jij|we|wij|u|mijn|ons|het|personeel|medewerkers)\b"
        r".{0,40}\b(als|wanneer|bij|tijdens|na|om|tegen|mocht)\b",
        r"\b(wat te doen|tips|advies|maatregelen|voorkomen|cursus|training|wat is|wat zijn|waar kan|waar vind)\b",
        r"\b(is het|mag ik|mogen we|mag je|heeft het zin|zin om|slim om|verstandig om|beter om|moet je|kun je|kan je)\b",
        r"\b(stel dat|wat als|en als|als er ooit|mocht er|wat gebeurt er als)\b", r"\b(nooit|ooit|altijd|meestal|soms)\b",
    ],
    "en": [
        r"\bhow (do|can|should|to|would|could|does|much|long|often)\b",
        r"\bwhat (should|can|do|does|would|could|must|to)\b.{0,40}\b(if|when|during|after|in case|to)\b",
        r"\b(what to do|tips|advice|measures|prevent\w*|avoid|training|course|what is|what are|where can|where do)\b",
        r"\b(is it|am i allowed|are we allowed|can i|should i|should we|should staff|is there)\b",
        r"\b(what if|suppose|in case|if ever|what happens if)\b", r"\b(never|ever|always|usually|sometimes)\b",
    ],
    "ber": [r"\b(mamec|mamek|min gha|mayen gha|mani|xmi|ixessa|ixess)\b"],
}

# --- DISTRESS we have no page for: the right helpline, 112 first when it is happening now ------
# Domestic violence: someone of the family or a partner as the one who does it ("my dad was
# threatened by a stranger" is not: hence no passive right after the relative).
DISTRESS = {
    "domestic": {
        "nl": [
            r"\b(mijn|m'n|mn|me) (man|vrouw|partner|vriend|vriendin|ex|echtgenoot|echtgenote|vader|moeder|zoon|dochter|broer|"
            r"schoonvader|schoonmoeder|stiefvader|pa|ma)\b(?! (is|werd|wordt|was|zijn|werden)\b).{0,50}\b(slaat|sloeg|schopt|bedreigt|mishandelt|dreigt|duwt|"
            r"wurgt|opgesloten|sluit me op|vermoord\w*|pijn|geslagen|slaan|schreeuwt|gooit|iets aan(doet|doen|te doen))\b",
            r"\bhuiselijk geweld\b", r"\b(kind|kinderen|buurkinderen|buurjongen|buurmeisje)\b.{0,40}\b(geslagen|mishandeld|slaan)\b",
        ],
        "en": [
            r"\b(my|our) (husband|wife|partner|boyfriend|girlfriend|ex|father|dad|mother|mum|mom|son|daughter|brother|"
            r"stepfather|stepdad|fiance)\b(?! (was|were|got|is being|has been|had been)\b).{0,50}\b(hits?|hitting|beats?|beating|beat me|kicks?|threatens?|threatening|threatened|beaten|"
            r"abus\w*|chok\w*|strangl\w*|hurts? me|kill me|locks? me|hurt me|pushed|punched)\b",
            r"\bdomestic (violence|abuse)\b", r"\b(children|kids|child)\b.{0,40}\b(beaten|abused|hit)\b",
        ],
        "ber": [
            r"\b(argaz-inu|rajel-inu|tamghart-inu|baba|yemma|gma|mmi|wetma)\b.{0,40}\b(yewwet|ittewwet|yettewwet|yettwwet|yettwet|yehedd|"
            r"yehdded|yehded|wten|yenegh|ttewten)\w*",
        ],
    },
    "sexual": {
        "nl": [
            r"\b(verkracht\w*|aangerand|aanranding|aanrander|seksueel (geweld|misbruik|misbruikt)|misbruikt|betast|"
            r"ongewenst aangeraakt|aan me gezeten|aangezeten|aan mij gezeten|seks (tegen|zonder))\b",
            r"\b(zit|zat|zitten) (steeds |de hele tijd |telkens |maar )?aan (me|mij|mijn lichaam)\b",
        ],
        "en": [
            r"\b(rap(e|ed|ing|ist)|sexual(ly)? (assault\w*|abuse\w*|violence)|molest\w*|groped|touched me (against|without)|"
            r"forced (me )?(to have )?sex|without my consent)\b",
        ],
        "ber": [r"\b(ghesben\w*|ttwaghesb\w*)\b"],
    },
    "suicide": {
        "nl": [
            r"\b(zelfmoord|suicid\w*|zelfdoding)\b", r"\bmezelf (van kant|doden|iets aan|pijn|snijden)\b",
            r"\bik wil (niet meer (leven|verder)|dood|er niet meer zijn|een eind|een einde|sterven)\b",
            r"\b(een )?(eind|einde) aan (mijn|m'n|mn) leven\b", r"\bniet meer (willen )?leven\b",
            r"\bik zie het niet meer zitten\b", r"\bsnijd mezelf\b", r"\b(er )?een (eind|einde) aan (te )?maken\b",
        ],
        "en": [
            r"\b(suicid\w*|kill(ing)? myself|end (it all|my life)|want to end it|want to die|wanna die|don'?t want to (live|be alive|be here)|"
            r"self.?harm|hurt(ing)? myself|cutting myself|take my (own )?life|no reason to live)\b",
        ],
        "ber": [r"\b(xsegh ad mmetegh|ad n?e?ghe?gh ixe?f-?inu|ur xsegh ad ddergh|xsegh ad mmtegh)\b"],
    },
}

# --- FRAUD in progress: a caller on the line, someone on the way or at the door ----------------
# Both need a cue that it is going on (the call, the visit) and a cue of the trick itself.
FRAUD_CALL = {
    "ongoing": {
        "nl": [
            r"\b(aan de lijn|aan de telefoon|in gesprek met|hangt aan de lijn|aan het bellen met|ik bel nu met)\b",
            r"\bbel(t|len) (me|mij|ons)? ?(nu|net|op dit moment|steeds|weer)\b", r"\b(heb|hebben) .{0,30} aan de (lijn|telefoon)\b",
        ],
        "en": [
            r"\b(on the (phone|line)|on the other (line|end)|on hold|still on the line|talking to (me|him|her|them) (right )?now)\b",
            r"\b(is|are|keeps) calling (me|us)\b", r"\bcalling (me|us) (right )?now\b", r"\bhave .{0,30} on the (phone|line)\b",
        ],
        "ber": [r"\b(deg tilifun|x tilifun|ghar tilifun)\b.{0,30}\b(ixfenni|rexxu|dghya|yessiwil|ttsiwil)\b",
                r"\b(ixfenni|rexxu|dghya)\b.{0,30}\b(deg tilifun|x tilifun)\b",
                r"\b(yettraju|yetteqqel|yeqqim|mazal)\b.{0,20}\b(x|deg) tilifun\b"],
    },
    "trick": {
        "nl": [r"\b(bank\w*|politie|agent|fraudeafdeling|helpdesk|veilige rekening|kluisrekening|overmaken|overboeken|"
               r"overschrijven|codes?|app|anydesk|inloggen|pincode|rekening|geld)\b"],
        "en": [r"\b(bank\w*|police|officer|safe account|transfer|move (my|the|our) money|codes?|app|install|anydesk|"
               r"log ?in|pin|account|money)\b"],
        "ber": [r"\b(lbanka|bank|politie|idrimen|code|app|rekening)\b"],
    },
}
FRAUD_DOOR = {
    "coming": {
        "nl": [
            r"\b(koerier|bode|agent|agenten|politie|iemand|een man|een vrouw|monteur|medewerker|rechercheur)\b.{0,40}"
            r"\b(komt|komen|onderweg|langs|aan de deur|voor de deur|bij de deur|aanbellen|belt aan|op weg|"
            r"staat (hier )?(voor|aan|bij))\b",
            r"\b(staat|staan) (nu |hier )?(voor|aan|bij) (de|mijn|m'n) deur\b",
            r"\b(komt|komen)\b.{0,30}\b(koerier|bode|agent|politie|iemand|een man|monteur|medewerker)\b",
            r"\b(de bel gaat|er wordt aangebeld|er belt iemand aan|er staat iemand aan de deur)\b",
            r"\b(staat|staan|zit) (nu |hier )?in (mijn|m'n|de) (gang|huis|hal|woning|kamer)\b",
            r"\b(staat|staan|is) (nu |er |hier )*(een man|iemand|een vrouw|een agent|twee mannen|een koerier|een monteur)\b",
        ],
        "en": [
            r"\b(courier|someone|somebody|a man|a woman|officer|officers|police|detective|technician|engineer|guy)\b.{0,40}"
            r"\b(coming|on (his|her|the|their) way|at (my |the |her |his )?(\w+'?s )?door|outside|ringing|knocking|will come|arriving|here to)\b",
            # already inside
            r"\b(courier|someone|somebody|a man|a woman|officer|officers|police|detective|technician|engineer|guy)\b.{0,40}"
            r"\b(inside|in) (my|the|her|his|our) (house|home|flat|apartment|hallway|living room|kitchen)\b",
        ],
        # at the door, on the way, or already in the house ("deg taddart-nnes": in her house)
        "ber": [r"\b(koerier|politie|agent|monteur|ca n bnadem|argaz)\b.{0,40}"
                r"\b(gh[ae]r tewwart|ad d-yas|yusa-d|ad yas|deg tewwart|deg taddart|deg uxxam)"],
    },
    "trick": {
        "nl": [r"\b(ophalen|op te halen|komt halen|halen|meenemen|afgeven|inleveren|pinpas|bankpas|pas|sieraden|goud|"
               r"geld|contant|kluis|waardevolle|binnen (komen|laten)|binnenkomen|naar binnen|per se|perse)\b"],
        "en": [r"\b(collect|pick up|picking up|take (my|the)|card|cards|jewel\w*|gold|cash|money|valuables|"
               r"let (him|them|her) in|come in|get in|won'?t leave|will not leave|refuses? to leave|not leaving)\b"],
        "ber": [r"\b(lkart|ddheb|idrimen|ad yawi|ad yekcem|ad yadef|yettadef)\b"],
    },
}
# Violence or a weapon makes a visit danger now, not a trick at the door.
VIOLENT = {
    "nl": [r"\b(mes|pistool|wapen|vuurwapen|knuppel|slaat|schopt|duwt|trapt|bedreigt|dreigt|steekt)\b"],
    "en": [r"\b(knife|gun|pistol|weapon|bat|hits|kicks|pushes|pushing|threaten\w*|stab\w*)\b"],
    # ...and so does forcing the way in ("s lqehr": by force).
    "ber": [r"\b(lmus|pistool|ssilah|yewwet|hedden|wten)\b", r"\bs lqehr\b"],
}

# --- PANIC: a short cry with no question in it: "overval!!", "help", "inbraak", "ze zijn binnen"
PANIC_MAX_WORDS = 4
QUESTION = {
    "nl": r"\?|\b(hoe|wat|waarom|welke|wanneer|waar|mag|kan|moet)\b",
    "en": r"\?|\b(how|what|why|which|when|where|can|should|may)\b",
    "ber": r"\?|\b(mamec|min|mayen|mani|xmi)\b",
}
CRY = {
    "nl": [r"\b(help|hulp|sos|politie|112)\b"],
    "en": [r"\b(help|sos|police)\b"],
    "ber": [r"\b3awn\w*"],
}

# Words whose typos still count ("overvl", "inbrak", "pistol"): matched on single words of at
# least six letters, with difflib's similarity.
FUZZY_WORDS = {
    "nl": ["overval", "overvallen", "overvaller", "inbraak", "inbreker", "pistool", "bedreigd", "achtervolgd",
           "aangevallen", "beroofd", "vuurwapen", "bivakmuts", "explosie"],
    "en": ["robbery", "robbed", "robbing", "burglar", "attacked", "threatened", "threatening", "stabbed", "following",
           "explosion", "weapon", "mugged"],
    "ber": ["overval", "imakaren", "tukerda", "ttewten"],
}
