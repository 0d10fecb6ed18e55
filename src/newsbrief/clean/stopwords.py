"""Function words of the languages news pages are most often scraped in.

Prose is dense in function words, page chrome ("Home", "Sign in", "Most read") is not, in every
language; so the density of these words is evidence for body text. Short lists of the most
frequent articles, prepositions, pronouns, conjunctions and auxiliaries per language keep the
signal from depending on English alone.
"""

from __future__ import annotations

_BY_LANGUAGE: dict[str, str] = {
    "en": """a about above after again against all also am an and any are as at be because been
        before being below between both but by can could did do does doing down during each few
        for from further had has have having he her here hers herself him himself his how i if in
        into is it its itself just me more most my no nor not now of off on once only or other
        our ours out over own said says same she should so some such than that the their theirs
        them then there these they this those through to too under until up very was we were
        what when where which while who whom why will with would you your yours""",
    "es": """a al algo como con contra cuando de del desde donde dos el ella ellas ellos en entre
        era es esa ese esta este está fue ha han hasta hay la las le les lo los más me mi muy no
        nos o para pero por porque que se ser si sin sobre son su sus también un una uno unos y
        ya""",
    "pt": """a ao aos as até com como da das de dela dele do dos e ela ele eles em entre era essa
        esse esta este eu foi há isso já mais mas na nas no nos não o os ou para pela pelo por
        que se sem ser seu sua são também tem um uma você à é""",
    "fr": """à au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur
        lui mais me même ne nous on ou par pas plus pour qu que qui sa se ses son sont sur ta te
        un une vous été être était""",
    "it": """a al alla anche che chi ci come con da dal dalla degli dei del della delle di e è gli
        ha hanno i il in la le lo ma mi ne nel nella non per più quando se si sono su sua suo
        tra un una uno""",
    "de": """als am an auch auf aus bei bis das dass dem den der des die doch du ein eine einem
        einen einer er es für hat haben ich ihr im in ist kann mit nach nicht noch nur oder sich
        sie sind so über um und uns von vor war wie wir wird wurde zu zum zur""",
    "nl": """aan als bij dat de den der die dit door een en er het hij hoe in is ja je met na
        naar niet nog of om ook op over te tot uit van voor was wat wel werd ze zich zijn""",
    "id": """ada adalah akan bahwa bagi dalam dan dari dengan di hal ia ini itu juga ke kami kita
        mereka oleh pada para saat sebagai sudah telah tersebut tidak untuk yang""",
    "ru": """а без бы был была были было в вы да для до его ее её если есть же за и из или им
        их к как ко когда кто ли на над не него нет но о об он она они от по под при с со так
        также то только у уже что это я""",
}

STOP_WORDS: frozenset[str] = frozenset(
    word for words in _BY_LANGUAGE.values() for word in words.split()
)
