"""What an article itself says about whether a person it names is a "he" or a "she".

Pronoun resolution uses it so that "she said" never takes the last man named (and "he" never
the last woman) when the text says who is who. The evidence, per canonical name:

- a courtesy title before a mention ("Mr. Hadek", "Ms. Varga"), the strongest;
- a gendered role noun in apposition or before the name ("Ilse Varga, a spokeswoman for …",
  "actress Mila Orn", "the congressman, Ted Ruhl,");
- the first name of the canonical name, from short lists of common given names that are
  rarely given to the other sex (names given to both, such as Jordan or Kim, are in neither).

Evidence that disagrees (a "Mr." before the surname of a woman whose husband shares it) leaves
the name unknown: an unknown name stays a candidate for either pronoun, as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from newsbrief.extract.entities import NameResolver

Gender = Literal["f", "m"]


def _names(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


FEMININE_NAMES = _names(
    """abigail agnieszka aisha alexandra alexandria alice alicia alison allison amanda amber
    amelia amy ana anastasia andrea angela angelina anita ann anna anne annette antonia astrid
    ayanna barbara beatriz beatrice betsy betty beverly birgit bonnie brenda bridget brigitte
    brittany camila carla carly carmen carol carolina caroline carolyn catherine cecilia
    charlotte chelsea cheryl chiara christina christine claire clara claudia colleen
    condoleezza cynthia daniela danielle debbie deborah debra denise diana diane donna doris
    dorothy elaine eleanor elena elisa elise elizabeth ella ellen emily emma erica erin
    esther eva evelyn ewa fatima felicia fiona frances francesca gabriela gabrielle gina
    giulia gloria grace greta gretchen gwen hanna hannah heather heidi helen helena hillary
    holly ilse ingrid irene irina iris isabel isabella ivanka jacinda jacqueline jane janet
    janice jeanne jennifer jessica jill joan joanna joanne josephine joyce judith judy julia
    julie juliet karen karin katarzyna kate katherine kathleen kathryn kathy katie katrina
    kayla kellyanne kirsten kristen kristin kristina laura lauren leah leila lena linda lisa
    liz loretta lori louise lucia lucy lydia madeleine madison magdalena margaret margarita
    maria mariana marianne marie marilyn marina marine marisol marsha martha mary maureen
    maxine megan meghan megyn melania melanie melinda melissa mia michelle miriam molly monica
    nadia nancy naomi natalia natalie natasha nicola nicole nikki nina nora olga olivia paola
    patricia paula peggy penelope phyllis priya rachel rebecca rita roberta rosa rose rosemary
    ruth sabine sally samantha sandra sara sarah serena sharon sheila shirley silvia sofia
    sonia sophia sophie stella stephanie susan susanne suzanne svetlana sylvia tamara tammy
    tanya tara tatiana teresa theresa tina ursula valentina valerie vanessa vera veronica
    victoria virginia vivian wendy yolanda yulia yvonne zoe"""
)
"""Given names borne almost only by women in English-language news (our own list)."""

MASCULINE_NAMES = _names(
    """aaron abdul adam ahmed alan albert alejandro alexander alexei alfred andre andrew andres
    andrzej angelo anthony antonio arnold arthur barack barry ben benjamin bernard bernie bill
    billy bob bobby boris brad bradley brandon brett brian bruce bryan carl carlos charles
    chuck clarence claude clifford craig curtis dale dan daniel danny darrell dave david dean
    dennis derek diego dmitry don donald doug douglas duncan dylan earl ed eddie edgar edward
    emmanuel enrique eric erik ernest eugene fernando francesco francisco frank fred frederick
    friedrich gary gene geoffrey george gerald gerhard giovanni giuseppe glenn gordon graham
    greg gregory gustavo hamid hank hans harold harry harvey hassan helmut henry herbert
    howard hugh hugo ian ibrahim igor ivan jack jacob jacques jake james jared jason javier
    jeb jeff jeffrey jeremy jerome jerry jim jimmy joe joel johan john johnny jon jonathan
    jorge jose joseph josh joshua juan julian justin karl keith ken kenneth kevin klaus kurt
    kyle lance larry lars lawrence leon leonard lloyd louis luis luke malcolm manuel marco
    marcus mario mark martin marvin matt matteo matthew maurice max michael miguel mike
    mikhail milton mitch mitchell mitt mohammed muhammad nathan nathaniel neil newt nicholas
    nick nigel noah norman olaf oliver omar orrin oscar otto owen patrick paul pedro pete peter
    philip phillip piotr rafael ralph randall randy ray raymond reince ricardo richard rick
    ricky rob robert rodney roger roland ron ronald roy rudolph rudy russell ryan samuel scott
    sean sergei sergey sergio shane sidney silvio stanley stefan stephen steve steven stuart
    ted theodore thomas tim timothy todd tom tommy tony travis trevor troy vernon victor
    viktor vince vincent vladimir volodymyr wallace walter warren wayne wesley william willie
    wolfgang yusuf zachary"""
)
"""Given names borne almost only by men in English-language news (our own list)."""

HONORIFICS: Mapping[str, Gender] = {
    "mr": "m",
    "mister": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "madam": "f",
    "madame": "f",
    "dame": "f",
    "lady": "f",
}
"""Courtesy titles before a name, lower-cased without their full stop."""

_FEMININE_ROLES = _names(
    """woman mother daughter sister wife grandmother granddaughter aunt niece widow girl
    girlfriend actress chairwoman congresswoman spokeswoman businesswoman councilwoman
    assemblywoman stateswoman sportswoman policewoman anchorwoman queen princess duchess
    countess empress nun mom mum"""
)
_MASCULINE_ROLES = _names(
    """man father son brother husband grandfather grandson uncle nephew widower boy boyfriend
    chairman congressman spokesman businessman councilman assemblyman statesman sportsman
    policeman anchorman king prince duke emperor monk dad"""
)
ROLE_NOUNS: Mapping[str, Gender] = {
    **dict.fromkeys(_FEMININE_ROLES, "f"),
    **dict.fromkeys(_MASCULINE_ROLES, "m"),
}
"""Role nouns that say the person's sex, in apposition or before the name."""

PRONOUN_GENDER: Mapping[str, Gender] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}


def given_name_gender(name: str) -> Gender | None:
    """The sex a full name's first word suggests (None for a single word or an unlisted or
    shared given name)."""
    words = name.replace(".", " ").split()
    if len(words) < 2:
        return None
    first = words[0].lower()
    if first in FEMININE_NAMES:
        return "f"
    if first in MASCULINE_NAMES:
        return "m"
    return None


def _honorific(ent: Span) -> Gender | None:
    """The courtesy title just before the name, or as its first word."""
    doc = ent.doc
    for token in (doc[ent.start - 1] if ent.start > 0 else None, ent[0]):
        if token is not None:
            found = HONORIFICS.get(token.lower_.rstrip("."))
            if found:
                return found
    return None


def _role(ent: Span) -> Gender | None:
    """A gendered role noun the name is in apposition with, or that stands right before it."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.lower_ in ROLE_NOUNS:
            return ROLE_NOUNS[child.lower_]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lower_ in ROLE_NOUNS:
        return ROLE_NOUNS[root.head.lower_]  # "the congressman, Ted Ruhl,"
    if ent.start > 0:
        before = ent.doc[ent.start - 1]
        if (
            before.pos_ in {"NOUN", "PROPN"}  # capitalised at a sentence start: PROPN
            and before.lower_ in ROLE_NOUNS
            and before.head.i in range(ent.start, ent.end)
        ):
            return ROLE_NOUNS[before.lower_]  # "actress Mila Orn"
    return None


def person_genders(docs: Iterable[Doc], resolver: NameResolver) -> dict[str, Gender]:
    """Canonical person name -> "f" or "m", for the names whose evidence in these parses (one
    article's) agrees; names without evidence, or with evidence both ways, are left out."""
    votes: dict[str, set[Gender]] = {}
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = resolver.canonical(ent.text, "PERSON")
            found = votes.setdefault(name, set())
            for evidence in (_honorific(ent), _role(ent), given_name_gender(name)):
                if evidence is not None:
                    found.add(evidence)
    return {name: next(iter(found)) for name, found in votes.items() if len(found) == 1}


def agrees(pronoun: str, name: str | None, genders: Mapping[str, Gender]) -> bool:
    """Whether a personal pronoun can stand for a name: always, unless the article shows the
    name's sex is the other one."""
    wanted = PRONOUN_GENDER.get(pronoun.lower())
    known = genders.get(name) if name else None
    return wanted is None or known is None or wanted == known
