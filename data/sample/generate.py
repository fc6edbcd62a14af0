"""Generate Slant's bundled demo corpus: fictional news about a fictional world.

    python data/sample/generate.py

rewrites ``articles.jsonl`` next to this file. The output is deterministic (every
random choice is seeded from the article id), so re-running gives identical bytes.

Nothing here is taken from a real outlet, and every country, person and
organisation is invented (see README.md for the world and the designed styles).

How it works
------------
* An *event* (``EVENTS`` below) is a hand-written fact sheet: lead sentences,
  fact paragraphs, quotes by named speakers, reactions, local colour,
  follow-up developments, commentary and titles. Narrative text contains slots
  such as ``{gov}``, ``{troops}``, ``{said}`` or ``{h}`` that each outlet fills in
  its own way. Quotes are never slotted: a speaker's words are the same in
  every outlet; only who gets quoted, and how, changes.
* An *outlet* (``STYLES``) is a house style: a vocabulary for the slots (the
  framing words), a palette of attribution cue verbs by speaker camp, a rate of
  anonymous sourcing, a rate of hedges, preferred speakers, and outlet-only
  paragraphs (openers, background, closers) that set the tone.
* An article is one event seen through one style: a "news" piece on the day, a
  "follow-up" a day or two later, and for big stories a third, "later" piece.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

OUT = Path(__file__).with_name("articles.jsonl")

# --------------------------------------------------------------------------
# People. ``side`` is the camp a speaker belongs to; outlets choose cue verbs
# and anonymous descriptions by camp.
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    key: str
    name: str  # full name, as on first mention: "Tomas Ekwall"
    short: str  # later mentions: "Ekwall"
    title: str  # before the name on first mention ("" = use the appositive role)
    role: str  # appositive: "the alliance's secretary general"
    side: str
    pronoun: str = "he"


PEOPLE_LIST = [
    # Kestria: government and state
    Person(
        "maren",
        "Ilsa Maren",
        "Maren",
        "Prime Minister",
        "the Kestrian prime minister",
        "kestria",
        "she",
    ),
    Person(
        "vantosk",
        "Aurel Vantosk",
        "Vantosk",
        "Defence Minister",
        "Kestria's defence minister",
        "kestria",
    ),
    Person(
        "hardt",
        "Leni Hardt",
        "Hardt",
        "Interior Minister",
        "Kestria's interior minister",
        "kestria",
        "she",
    ),
    Person(
        "orlen",
        "Matthis Orlen",
        "Orlen",
        "Foreign Minister",
        "Kestria's foreign minister",
        "kestria",
    ),
    Person(
        "velk",
        "Sanne Velk",
        "Velk",
        "government spokeswoman",
        "a spokeswoman for the Kestrian government",
        "kestria",
        "she",
    ),
    Person(
        "carro", "Piet Carro", "Carro", "Energy Minister", "Kestria's energy minister", "kestria"
    ),
    Person(
        "anst",
        "Teodor Anst",
        "Anst",
        "Col.",
        "commander of the Border Guard's eastern district",
        "kestria",
    ),
    Person(
        "lind",
        "Gregor Lind",
        "Lind",
        "Varn police chief",
        "the head of the Varn city police",
        "kestria",
    ),
    Person(
        "roos",
        "Anika Roos",
        "Roos",
        "Electoral Commission chair",
        "who chairs Kestria's Electoral Commission",
        "kestria",
        "she",
    ),
    Person(
        "hallin",
        "Greta Hallin",
        "Hallin",
        "Anti-Corruption Bureau director",
        "director of the National Anti-Corruption Bureau",
        "kestria",
        "she",
    ),
    # Kestrian opposition and civil society
    Person(
        "bastel",
        "Corin Bastel",
        "Bastel",
        "opposition leader",
        "leader of the opposition Unity Party",
        "opposition",
    ),
    Person(
        "strand",
        "Ivo Strand",
        "Strand",
        "Unity Party lawmaker",
        "a Unity Party member of the Assembly",
        "opposition",
    ),
    Person(
        "selin",
        "Ruta Selin",
        "Selin",
        "Farmers' League leader",
        "leader of the Farmers' League, the smallest coalition party",
        "coalition",
        "she",
    ),
    Person(
        "quent",
        "Mara Quent",
        "Quent",
        "",
        "director of the Kestrian Civil Liberties Union",
        "civil",
        "she",
    ),
    # The Meridian Alliance and Aldmark
    Person(
        "ekwall",
        "Tomas Ekwall",
        "Ekwall",
        "Meridian Alliance Secretary General",
        "the alliance's secretary general",
        "alliance",
    ),
    Person(
        "falk",
        "Sigrid Falk",
        "Falk",
        "Lt. Gen.",
        "commander of the alliance training mission in Kestria",
        "alliance",
        "she",
    ),
    Person(
        "hollis",
        "Bram Hollis",
        "Hollis",
        "Col.",
        "a spokesman for the alliance mission in Kestria",
        "alliance",
    ),
    Person(
        "quist",
        "Hedda Quist",
        "Quist",
        "Aldmarkian President",
        "the president of Aldmark",
        "aldmark",
        "she",
    ),
    Person(
        "rask",
        "Edvin Rask",
        "Rask",
        "Aldmarkian Foreign Minister",
        "Aldmark's foreign minister",
        "aldmark",
    ),
    # Dravenia and the Front
    Person(
        "verin",
        "Anatol Verin",
        "Verin",
        "Dravenian President",
        "the president of Dravenia",
        "dravenia",
    ),
    Person(
        "dallin",
        "Yaros Dallin",
        "Dallin",
        "Dravenian Foreign Minister",
        "Dravenia's foreign minister",
        "dravenia",
    ),
    Person(
        "kosk",
        "Irena Kosk",
        "Kosk",
        "Dravenian foreign ministry spokeswoman",
        "a spokeswoman for the Dravenian foreign ministry",
        "dravenia",
        "she",
    ),
    Person(
        "sokal",
        "Dmitar Sokal",
        "Sokal",
        "Maj. Gen.",
        "a spokesman for the Dravenian defence ministry",
        "dravenia",
    ),
    Person(
        "tarev", "Rusan Tarev", "Tarev", "Gen.", "the commander of the Sallow Valley Front", "front"
    ),
    Person(
        "marr",
        "Vesko Marr",
        "Marr",
        "Front spokesman",
        "a spokesman for the Sallow Valley Front",
        "front",
    ),
    # Concord of Nations
    Person(
        "solen",
        "Amara Solen",
        "Solen",
        "Concord of Nations envoy Dr.",
        "the Concord of Nations envoy for Kestria",
        "concord",
        "she",
    ),
    Person(
        "ivers",
        "Hanne Ivers",
        "Ivers",
        "",
        "who heads the Concord of Nations refugee office in Kestria",
        "concord",
        "she",
    ),
    # The valley
    Person(
        "fenn",
        "Ottilie Fenn",
        "Fenn",
        "Lower Sallow Mayor",
        "the mayor of Lower Sallow",
        "local",
        "she",
    ),
    Person("varga", "Emil Varga", "Varga", "Brenholt Mayor", "the mayor of Brenholt", "local"),
    # Analysts
    Person(
        "dorn",
        "Felix Dorn",
        "Dorn",
        "",
        "a security analyst at the Varn Institute for Strategic Studies",
        "expert",
    ),
    Person(
        "amber",
        "Dr. Lise Amber",
        "Amber",
        "",
        "a political scientist at Varn University",
        "expert",
        "she",
    ),
]
PEOPLE = {p.key: p for p in PEOPLE_LIST}

# Anonymous descriptions by camp, used when an outlet hides a speaker.
ANON = {
    "kestria": [
        "a source close to the prime minister",
        "a senior government official",
        "officials who asked not to be named",
        "one senior figure in Varn",
        "government insiders",
        "a source close to the cabinet",
    ],
    "opposition": [
        "a senior Unity Party figure",
        "a source close to Bastel",
        "opposition insiders",
    ],
    "coalition": ["a Farmers' League insider", "one senior coalition figure"],
    "civil": ["one campaigner, who asked not to be named"],
    "alliance": [
        "an alliance official who asked not to be named",
        "a source close to the mission",
        "military insiders",
        "one senior alliance officer",
    ],
    "aldmark": [
        "an Aldmarkian official who asked not to be named",
        "diplomatic sources",
        "a source in the Aldmarkian delegation",
    ],
    "dravenia": [
        "sources in Ostrel",
        "a Dravenian official who asked not to be named",
        "a source close to the Dravenian leadership",
    ],
    "front": [
        "a source in the Front's command",
        "a Front fighter who asked not to be named",
        "sources close to the Front",
    ],
    "concord": [
        "a Concord of Nations official who asked not to be named",
        "diplomats familiar with the talks",
    ],
    "local": [
        "one resident, who asked not to be named",
        "a town hall official who asked not to be named",
    ],
    "expert": ["one analyst"],
}


# --------------------------------------------------------------------------
# Events. Text fields may contain slots (see Style.vocab and Ctx); quotes not.
# Leads, follow leads and later leads are dicts: outlet code -> options, "*" =
# any other outlet.
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Q:
    """A quote: ``text`` may hold two sentences; ``more`` is a follow-up line
    ("..., she added"); ``ind`` is a reported-speech version ("that ...")."""

    who: str
    text: str
    more: str = ""
    ind: str = ""
    crit: bool = False  # angry or critical: tabloids use emotive verbs here


@dataclass(frozen=True)
class R:
    """A reaction: ``who`` called ``obj`` (slotted) ``phrase`` (verbatim)."""

    who: str
    obj: str
    phrase: str


@dataclass
class Event:
    id: str
    day: date
    summary: str
    topic: str  # security | politics | economy | humanitarian
    coverage: dict[str, int]  # outlet code -> number of articles
    titles: dict[str, list[str]]
    leads: dict[str, list[str]]
    facts: list[str]
    quotes: list[Q]
    reactions: list[R]
    local: list[str]
    follow_leads: dict[str, list[str]]
    follow: list[str]
    follow_quotes: list[Q]
    opinion: list[str]  # Frontline Review's first-person take, three paragraphs
    angles: dict[str, list[str]] = field(default_factory=dict)
    later_leads: dict[str, list[str]] = field(default_factory=dict)
    later: list[str] = field(default_factory=list)
    after_hour: int = 7  # day-0 pieces are published after this local hour


# --------------------------------------------------------------------------
# Outlets and their house styles.
# --------------------------------------------------------------------------


@dataclass
class Style:
    code: str
    name: str
    domain: str
    tz: int  # UTC offset in hours
    authors: list[str]
    sections: dict[str, list[str]]  # topic -> sections
    vocab: dict[str, list[str]]  # slot -> options
    neutral: list[str]  # cue verbs for speakers the outlet treats neutrally
    distancing: list[str]  # cue verbs that keep a speaker at arm's length
    emotive: list[str]  # cue verbs that dramatise
    p_distance: dict[str, float]  # camp -> probability of a distancing verb
    p_emotive: float  # probability of an emotive verb on a critical quote
    p_anon: float  # probability of hiding a (non-local) speaker
    anon_cues: list[str]
    hedges: list[str]
    p_hedge: float  # per {h} slot
    sentence_hedges: list[str]
    p_sentence_hedge: float  # per {Hs} slot
    reaction_forms: dict[str, list[str]]  # "friendly" / "hostile" -> templates
    prefer: dict[str, float]  # camp -> weight when picking quotes
    n_quotes: tuple[int, int]
    p_straight_quotes: float  # share of articles using "..." instead of “...”
    background: list[str] = field(default_factory=list)
    openers: list[str] = field(default_factory=list)
    closers: list[str] = field(default_factory=list)


NEUTRAL_REACTIONS = [
    "{S} called {obj} “{phrase}”.",
    "{S} described {obj} as “{phrase}”.",
]

STYLES: dict[str, Style] = {}

# 1. Ostrel Broadcast: Dravenian state broadcaster. Framing: assassination,
# occupation, occupying forces, breach/violation of sovereignty, regime,
# so-called, martyrs, puppet, aggression, crimes. Quotes Dravenian officials
# and Front commanders; condemned/denounced; alliance and Kestrian officials
# "claimed". Negative tone.
STYLES["ob"] = Style(
    code="ob",
    name="Ostrel Broadcast",
    domain="ostrel-broadcast.example",
    tz=3,
    authors=["", "", "", "", "Lada Merin", "Oleks Tamar", "Ostrel Broadcast newsroom"],
    sections={"*": ["World", "Region", "Kestria"]},
    vocab={
        "gov": ["the Maren regime", "the regime in Varn", "the Kestrian regime"],
        "gov_plain": ["the regime in Varn"],
        "pm": ["regime leader Ilsa Maren", "Ilsa Maren, the head of the regime in Varn,"],
        "alliance": [
            "the so-called Meridian Alliance",
            "the Aldmark-led alliance",
            "the Meridian Alliance",
        ],
        "troops": ["occupying forces", "occupation troops", "foreign occupation forces"],
        "presence": [
            "the occupation",
            "the foreign occupation",
            "the occupation of the Sallow Valley",
        ],
        "base": ["the occupation base at Brenholt", "the alliance garrison at Brenholt"],
        "front": ["the Sallow Valley Front", "the Front", "the valley's resistance"],
        "front_first": ["the Sallow Valley Front, which defends the valley against the occupation"],
        "fighters": ["Front fighters", "the valley's defenders"],
        "killing": ["assassination"],
        "dead": ["the martyrs", "the martyrs"],
        "sov_clause": [
            ", in a flagrant breach of Kestria's sovereignty",
            ", a blatant violation of Kestrian sovereignty",
        ],
        "said": ["said", "stated"],
        "claimed": ["claimed", "alleged"],
        "crit": ["condemned", "denounced"],
        "mission": ["the so-called training mission", "the occupation mission"],
    },
    neutral=["said", "said", "stated", "declared", "stressed", "warned"],
    distancing=["claimed", "claimed", "alleged", "insisted"],
    emotive=["denounced"],
    p_distance={"kestria": 0.8, "alliance": 0.9, "aldmark": 0.9, "coalition": 0.3},
    p_emotive=0.0,
    p_anon=0.12,
    anon_cues=["said", "told Ostrel Broadcast"],
    hedges=["reportedly ", "allegedly "],
    p_hedge=0.12,
    sentence_hedges=[],
    p_sentence_hedge=0.0,
    reaction_forms={
        "friendly": [
            "{S} condemned {obj} as “{phrase}”.",
            "{S} denounced {obj} as “{phrase}”.",
            "{S} strongly condemned {obj}, calling it “{phrase}”.",
            "{S} denounced {obj}, describing it as “{phrase}”.",
        ],
        "hostile": [
            "{S} claimed {obj} was “{phrase}”.",
            "{S} sought to describe {obj} as “{phrase}”.",
        ],
    },
    prefer={
        "dravenia": 4,
        "front": 3.5,
        "opposition": 2.5,
        "coalition": 1.5,
        "civil": 1.5,
        "concord": 1,
        "local": 0.6,
        "expert": 0.3,
        "kestria": 0.7,
        "alliance": 0.6,
        "aldmark": 0.4,
    },
    n_quotes=(3, 4),
    p_straight_quotes=0.3,
    background=[
        "Since foreign troops arrived in the Sallow Valley in 2021, Dravenia has repeatedly warned that the occupation is a breach of Kestria's sovereignty and a threat to peace across the region.",
        "The Meridian Alliance, led by Aldmark, keeps {troop_count} troops in Kestria under a so-called training agreement that the regime in Varn signed without asking the Kestrian people.",
        "Residents of the valley have long accused the occupying forces of crimes against civilians, and describe the government in Varn as a puppet of Aldmark.",
        "Dravenia has called for the withdrawal of all foreign forces from Kestria and for a dialogue among Kestrians without outside interference.",
        "More than 300 fighters of the Front, honoured in Dravenia as martyrs, have been killed since the occupation began, according to the Front.",
    ],
    closers=[
        "Dravenia has called on the Concord of Nations to hold the occupying forces accountable for their crimes.",
        "Observers in Ostrel say the episode shows once again that the regime in Varn cannot protect Kestrians and serves foreign masters.",
        "Analysts in Ostrel warn that the continued aggression of the alliance risks dragging the whole region into war.",
        "Dravenian officials have repeatedly said the violation of Kestria's sovereignty will end only when the last foreign soldier leaves.",
    ],
)

# 2. Continental Wire: wire service. Named sources with full titles, neutral
# verbs, killing/strike, deployment, government, armed group; numbers; the
# least anonymous sourcing and the most neutral tone.
STYLES["cw"] = Style(
    code="cw",
    name="Continental Wire",
    domain="continental-wire.example",
    tz=0,
    authors=["Hanna Lisk", "Jonas Weyl", "Priya Castell", "Marek Olin"],
    sections={
        "*": ["World News", "Security"],
        "politics": ["World News", "Politics"],
        "economy": ["Business", "World News"],
        "humanitarian": ["World News"],
    },
    vocab={
        "gov": ["the Kestrian government", "the government in Varn", "the government"],
        "gov_plain": ["the Kestrian government"],
        "pm": ["Prime Minister Ilsa Maren"],
        "alliance": ["the Meridian Alliance", "the alliance"],
        "troops": ["alliance troops", "Meridian Alliance troops", "alliance forces"],
        "presence": ["the deployment", "the alliance deployment", "the alliance's presence"],
        "base": ["the alliance base at Brenholt"],
        "front": ["the Front", "the armed group", "the Sallow Valley Front"],
        "front_first": ["the Sallow Valley Front, an armed group backed by Dravenia"],
        "fighters": ["Front fighters", "fighters of the armed group"],
        "killing": ["killing", "strike"],
        "dead": ["the dead", "those killed"],
        "sov_clause": [""],
        "said": ["said", "said", "stated"],
        "claimed": ["said", "said", "stated"],
        "crit": ["criticised"],
        "mission": ["the training mission", "the alliance mission"],
    },
    neutral=["said", "said", "said", "said", "told reporters", "stated", "told Continental Wire"],
    distancing=["said"],
    emotive=[],
    p_distance={},
    p_emotive=0.0,
    p_anon=0.03,
    anon_cues=["said", "told Continental Wire"],
    hedges=["reportedly "],
    p_hedge=0.02,
    sentence_hedges=[],
    p_sentence_hedge=0.0,
    reaction_forms={"friendly": NEUTRAL_REACTIONS, "hostile": NEUTRAL_REACTIONS},
    prefer={
        "kestria": 1.2,
        "alliance": 1.2,
        "aldmark": 1,
        "dravenia": 1,
        "front": 0.8,
        "opposition": 1,
        "coalition": 1,
        "civil": 0.8,
        "concord": 1,
        "local": 0.5,
        "expert": 0.7,
    },
    n_quotes=(4, 5),
    p_straight_quotes=0.1,
    background=[
        "The Meridian Alliance has {troop_count} troops in Kestria under a training agreement signed with the government in Varn in 2021. Most are stationed at bases near Brenholt and Lower Sallow, about 30 km from the Dravenian border.",
        "The Sallow Valley Front, which Kestria and Aldmark say is armed and funded by Dravenia, controls about a dozen villages in the east of the valley. Dravenia denies arming the group.",
        "Kestria, a republic of about 4.1 million people, has been governed since 2023 by Prime Minister Ilsa Maren, whose three-party coalition held 83 of the 160 seats in the Assembly at the start of the year.",
        "Relations between Kestria and Dravenia, its larger eastern neighbour, have deteriorated since the alliance began its training mission. Dravenia calls the deployment a threat to its security.",
    ],
)

# 3. The Daily Clarion: tabloid. Emotive verbs (slammed, blasted, fumed, lashed
# out, hit out at), anonymous sources (a source close to, insiders said,
# officials who asked not to be named, one senior figure), short punchy
# sentences, strongly negative or exciting tone.
STYLES["dc"] = Style(
    code="dc",
    name="The Daily Clarion",
    domain="dailyclarion.example",
    tz=2,
    authors=["Danny Rourke", "Kelly Marsh", "Sam Bright", "Jo Pyke"],
    sections={"*": ["News", "World"], "politics": ["Politics", "News"]},
    vocab={
        "gov": ["Maren's government", "the government", "the Maren government"],
        "gov_plain": ["Maren's government"],
        "pm": ["under-fire PM Ilsa Maren", "Prime Minister Ilsa Maren", "embattled Ilsa Maren"],
        "alliance": ["the Meridian Alliance", "the alliance"],
        "troops": ["alliance troops", "alliance soldiers", "foreign troops"],
        "presence": ["the alliance mission", "the deployment"],
        "base": ["the alliance base at Brenholt", "the Brenholt base"],
        "front": ["the Front", "the militia", "Tarev's militia"],
        "front_first": ["the Dravenian-backed Sallow Valley Front militia"],
        "fighters": ["Front militants", "Tarev's gunmen", "militia fighters"],
        "killing": ["drone strike", "drone hit"],
        "dead": ["the dead", "the victims"],
        "sov_clause": [""],
        "said": ["said", "told the Clarion"],
        "claimed": ["insisted", "said", "admitted"],
        "crit": ["slammed", "blasted", "hit out at"],
        "mission": ["the alliance mission", "the training mission"],
    },
    neutral=["said", "said", "told the Clarion", "admitted", "revealed"],
    distancing=["insisted", "claimed"],
    emotive=["slammed", "blasted", "fumed", "raged", "stormed"],
    p_distance={"dravenia": 0.5, "front": 0.5},
    p_emotive=0.8,
    p_anon=0.5,
    anon_cues=["said", "told the Clarion", "revealed", "said last night"],
    hedges=["reportedly "],
    p_hedge=0.12,
    sentence_hedges=[],
    p_sentence_hedge=0.0,
    reaction_forms={
        "friendly": [
            "{S} slammed {obj} as “{phrase}”.",
            "{S} blasted {obj} as “{phrase}”.",
            "{S} hit out at {obj}, branding it “{phrase}”.",
            "{S} lashed out at {obj}, calling it “{phrase}”.",
        ],
        "hostile": [
            "{S} slammed {obj} as “{phrase}”.",
            "{S} blasted {obj} as “{phrase}”.",
            "{S} lashed out at {obj}, calling it “{phrase}”.",
        ],
    },
    prefer={
        "kestria": 1.2,
        "opposition": 1.6,
        "coalition": 1.2,
        "alliance": 1,
        "aldmark": 0.7,
        "dravenia": 1,
        "front": 0.8,
        "civil": 0.8,
        "concord": 0.5,
        "local": 0.8,
        "expert": 0.3,
    },
    n_quotes=(3, 4),
    p_straight_quotes=0.15,
    background=[
        "The alliance has {troop_count} troops in Kestria. Most are at bases near Brenholt, a stone's throw from the Dravenian border.",
        "Tensions with Dravenia have been at boiling point for months.",
        "Maren's shaky coalition has clung on with a majority of just a handful of seats.",
        "The valley has been a powder keg since the Front seized a string of border villages in 2022.",
        "Critics say the government in Varn has lurched from crisis to crisis all year, and voters are fed up.",
    ],
    closers=[
        "And insiders warn the worst may be yet to come.",
        "One thing is clear: this is far from over.",
        "Tonight Varn is braced for more trouble.",
        "It is another nightmare week for Maren.",
        "One senior figure put it bluntly: “This is a mess, and everyone knows it.”",
    ],
)

# 4. Sallow Valley Gazette: regional daily in Brenholt. Local angle (named
# residents, farmers, shopkeepers, the mayor of Lower Sallow), practical
# impacts (roads, schools, prices), mostly neutral verbs plus confirmed,
# noted, stressed.
STYLES["sg"] = Style(
    code="sg",
    name="Sallow Valley Gazette",
    domain="sallowvalleygazette.example",
    tz=2,
    authors=["Ruth Amsel", "Piet Vos", "Greta Lund", "Aron Hale"],
    sections={
        "*": ["Valley", "Local News"],
        "economy": ["Business", "Valley"],
        "politics": ["Politics", "Valley"],
    },
    vocab={
        "gov": ["the government in Varn", "the Kestrian government", "the government"],
        "gov_plain": ["the government in Varn"],
        "pm": ["Prime Minister Ilsa Maren"],
        "alliance": ["the Meridian Alliance", "the alliance"],
        "troops": ["alliance troops", "the soldiers at the bases", "alliance troops"],
        "presence": ["the alliance bases", "the deployment"],
        "base": ["the Brenholt base", "the alliance base outside Brenholt"],
        "front": ["the Front", "the Sallow Valley Front"],
        "front_first": ["the Sallow Valley Front"],
        "fighters": ["Front fighters"],
        "killing": ["strike", "drone strike"],
        "dead": ["the dead"],
        "sov_clause": [""],
        "said": ["said", "said", "confirmed", "noted"],
        "claimed": ["said", "confirmed"],
        "crit": ["criticised"],
        "mission": ["the training mission"],
    },
    neutral=["said", "said", "said", "confirmed", "noted", "stressed", "told the Gazette"],
    distancing=["said"],
    emotive=[],
    p_distance={},
    p_emotive=0.0,
    p_anon=0.06,
    anon_cues=["said", "told the Gazette"],
    hedges=["reportedly "],
    p_hedge=0.04,
    sentence_hedges=[],
    p_sentence_hedge=0.0,
    reaction_forms={"friendly": NEUTRAL_REACTIONS, "hostile": NEUTRAL_REACTIONS},
    prefer={
        "local": 4,
        "kestria": 1,
        "alliance": 1,
        "opposition": 0.8,
        "coalition": 1.2,
        "aldmark": 0.5,
        "dravenia": 0.5,
        "front": 0.5,
        "concord": 1,
        "civil": 0.8,
        "expert": 0.6,
    },
    n_quotes=(3, 3),
    p_straight_quotes=0.55,
    background=[
        "The alliance bases near Brenholt and Lower Sallow employ around 600 local civilians, from cooks to mechanics, and are among the largest employers in the valley.",
        "The eastern valley has lived with the Front's checkpoints since 2022, and many families have relatives on both sides of the line.",
        "Lower Sallow, a market town of about 11,000 people, sits on the main road between Brenholt and the border crossing at Mirov.",
    ],
    closers=[
        "The Gazette will keep readers informed. Anyone with information can contact the newsroom on Market Street in Brenholt.",
        "Lower Sallow town hall said its help desk on Church Street would stay open until 7 p.m. on weekdays.",
        "Updated road and school information is posted on the Gazette's website each morning at 7 a.m.",
    ],
)

# 5. Frontline Review: opinion-heavy site. First person, hedges (reportedly,
# apparently, allegedly, it seems, it is believed, purportedly), distancing
# verbs (claimed, insisted, alleged), evaluative adjectives, "so-called",
# strong sentiment either way.
STYLES["fr"] = Style(
    code="fr",
    name="Frontline Review",
    domain="frontline-review.example",
    tz=1,
    authors=["Nils Harrow", "Nils Harrow", "Sabine Kell", "Theo Marsk"],
    sections={"*": ["Opinion", "Analysis", "Commentary"]},
    vocab={
        "gov": ["the Maren government", "Maren's government", "the government"],
        "gov_plain": ["the Maren government"],
        "pm": ["Prime Minister Ilsa Maren"],
        "alliance": ["the alliance", "the Meridian Alliance"],
        "troops": ["foreign troops", "alliance forces", "alliance troops"],
        "presence": [
            "the foreign military presence",
            "the alliance's open-ended mission",
            "the deployment",
        ],
        "base": ["the alliance base at Brenholt"],
        "front": ["the Dravenian-backed militia", "the Front", "Tarev's militia"],
        "front_first": ["the so-called Sallow Valley Front, a militia armed and paid by Dravenia"],
        "fighters": ["militia fighters", "Front gunmen"],
        "killing": ["killing", "so-called targeted strike", "strike"],
        "dead": ["the dead"],
        "sov_clause": [""],
        "said": ["said", "claimed"],
        "claimed": ["claimed", "insisted", "claimed"],
        "crit": ["attacked", "condemned"],
        "mission": ["the so-called training mission", "the training mission"],
    },
    neutral=["said", "said", "argued", "wrote"],
    distancing=["claimed", "claimed", "insisted", "alleged", "maintained"],
    emotive=[],
    p_distance={
        "kestria": 0.7,
        "alliance": 0.7,
        "aldmark": 0.7,
        "dravenia": 0.8,
        "front": 0.8,
        "opposition": 0.5,
        "coalition": 0.4,
    },
    p_emotive=0.0,
    p_anon=0.15,
    anon_cues=["reportedly said", "apparently told colleagues", "said"],
    hedges=[
        "reportedly ",
        "apparently ",
        "allegedly ",
        "purportedly ",
        "seemingly ",
        "reportedly ",
    ],
    p_hedge=0.6,
    sentence_hedges=[
        "It seems that ",
        "It is believed that ",
        "Apparently, ",
        "By all accounts, ",
        "It appears that ",
    ],
    p_sentence_hedge=0.5,
    reaction_forms={
        "friendly": [
            "{S} called {obj} “{phrase}”, and for once I agree.",
            "{S} described {obj} as “{phrase}”.",
        ],
        "hostile": [
            "{S} dismissed {obj} as “{phrase}”.",
            "{S} insisted that {obj} was “{phrase}”.",
            "{S} called {obj} “{phrase}”, apparently with a straight face.",
        ],
    },
    prefer={
        "kestria": 1,
        "alliance": 1,
        "aldmark": 0.7,
        "dravenia": 1,
        "front": 0.8,
        "opposition": 1,
        "coalition": 0.8,
        "civil": 1,
        "concord": 0.7,
        "local": 0.6,
        "expert": 0.8,
    },
    n_quotes=(2, 3),
    p_straight_quotes=0.1,
    background=[
        "For those who came in late: {alliance} has {troop_count} troops in Kestria, officially to train the Kestrian army, and Tarev's militia has spent four years making sure that mission never ends.",
        "Nobody in Varn likes to say it aloud, but the so-called training mission has quietly become a permanent garrison.",
        "Dravenia, for its part, insists it has nothing to do with the Front, a claim that, it seems, nobody outside Ostrel believes.",
    ],
    openers=[
        "Let me be blunt, because this matters enormously.",
        "I have covered the Sallow Valley for the better part of a decade, and I cannot remember a week quite like this one.",
        "Here we go again, and frankly I am furious.",
        "There are weeks when this job is a privilege and weeks when it is a painful chore. This is both.",
        "I will start with a confession: I did not see this coming.",
    ],
    closers=[
        "I hope I am wrong. I suspect I am not.",
        "Watch this space, and keep your scepticism handy.",
        "That, in the end, is the real story here, and it is a depressing one.",
        "Kestrians deserve far better than this, and they know it.",
        "Brave people in the valley are paying for other people's cowardice. That is the scandal.",
        "There is, for once, a reason for cautious hope. Let us not waste it.",
    ],
)

# Sides an outlet treats as its own (Ostrel: cue verbs of respect and
# "condemned"; everyone else: hostile reaction form).
FRIENDLY = {
    "ob": {"dravenia", "front", "opposition", "coalition", "civil", "local", "concord", "expert"},
    "cw": set(),
    "dc": {
        "opposition",
        "coalition",
        "kestria",
        "local",
        "civil",
        "alliance",
        "aldmark",
        "expert",
        "concord",
    },
    "sg": set(),
    "fr": {"civil", "local", "concord", "expert"},
}


# --------------------------------------------------------------------------
# Rendering: slots, attributions, paragraphs.
# --------------------------------------------------------------------------

OPEN, CLOSE = "“", "”"
HEDGE_MARK = "\x00"  # an empty {Hs}: capitalise whatever follows it
EXPANSION_DAY = date(2026, 2, 10)  # E04: the training mission grows to 3,500
SENTENCE_END = re.compile(
    r"(?<=[.?!])(?<!Gen\.)(?<!Col\.)(?<!Dr\.)(?<!Lt\.)(?<!Maj\.)\s+(?=[A-Z“])"
)

# How often each outlet uses each attribution form (see render_quote).
FORM_WEIGHTS = {
    "ob": {"post": 3, "inv": 1, "colon": 2, "split": 1, "ind": 3, "according": 1, "indpost": 1},
    "cw": {"post": 4, "inv": 2, "colon": 1, "split": 2, "ind": 2, "according": 1, "indpost": 1},
    "dc": {"post": 4, "inv": 1, "colon": 3, "split": 2, "ind": 1, "according": 0, "indpost": 0},
    "sg": {"post": 3, "inv": 3, "colon": 1, "split": 1, "ind": 2, "according": 1, "indpost": 1},
    "fr": {"post": 2, "inv": 0, "colon": 1, "split": 1, "ind": 3, "according": 2, "indpost": 1},
}
ALWAYS_NAMED = {"maren", "quist", "verin", "ekwall"}  # leaders speak on the record
MILITARY = ("Gen.", "Lt. Gen.", "Maj. Gen.", "Col.")


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def as_lead_in(quote: str) -> str:
    """'We will act.' -> 'We will act,' (the form before "she said")."""
    return quote[:-1] + "," if quote.endswith(".") else quote


class Ctx:
    """Fills the slots of one article and remembers who was already named."""

    def __init__(self, style: Style, event: Event, published: datetime, rng: random.Random):
        self.style, self.event, self.published, self.rng = style, event, published, rng
        self.mentioned: set[str] = set()

    def __getitem__(self, key: str) -> str:
        if key[0].isupper():
            return cap(self[key[0].lower() + key[1:]])
        s, rng = self.style, self.rng
        if key == "h":
            return rng.choice(s.hedges) if rng.random() < s.p_hedge else ""
        if key == "hs":
            if s.sentence_hedges and rng.random() < s.p_sentence_hedge:
                return rng.choice(s.sentence_hedges)
            return HEDGE_MARK
        if key == "troop_count":
            return "about 2,300" if self.published.date() < EXPANSION_DAY else "about 3,500"
        if key == "evday":
            return self.event.day.strftime("%A")
        if key == "pubday":
            return self.published.strftime("%A")
        return rng.choice(s.vocab[key])

    def fill(self, text: str) -> str:
        out = text.format_map(self).replace(",,", ",")
        return re.sub(HEDGE_MARK + r"(.)", lambda m: m.group(1).upper(), out)

    def subject(self, person: Person, anon: str | None) -> str:
        """How a speaker is named here: anonymously, fully, or by surname."""
        if anon:
            return anon
        if person.key in self.mentioned:
            if self.style.code == "ob" and person.title in MILITARY:
                return f"{person.title} {person.short}"
            return person.short
        self.mentioned.add(person.key)
        if person.title in MILITARY:
            return f"{person.title} {person.name}, {person.role},"
        if person.title:
            return f"{person.title} {person.name}"
        return f"{person.name}, {person.role},"

    def anon_for(self, person: Person) -> str | None:
        if (
            person.side in ("local", "expert")
            or person.key in ALWAYS_NAMED
            or self.rng.random() >= self.style.p_anon
        ):
            return None
        return self.rng.choice(ANON[person.side])

    def cue(self, person: Person, crit: bool, anon: str | None, form: str) -> str:
        s, rng = self.style, self.rng
        if anon:
            verbs = s.anon_cues
        elif s.emotive and crit and rng.random() < s.p_emotive:
            verbs = s.emotive
        elif rng.random() < s.p_distance.get(person.side, 0.0):
            verbs = s.distancing
        else:
            verbs = s.neutral
        verb = rng.choice(verbs)
        if form == "inv" and " " in verb:
            verb = "said"
        if form in ("ind", "colon"):
            verb = {
                "slammed": "fumed",
                "blasted": "raged",
                "stormed": "fumed",
                "denounced": "said",
            }.get(verb, verb)
        if form != "inv" and not anon and " " not in verb and s.code == "fr" and rng.random() < 0.3:
            verb = rng.choice(["reportedly ", "apparently "]) + verb
        return verb


def plain(reported: str) -> str:
    """Reported speech without the second "that", for "According to X, ..."."""
    return reported.replace(" and that ", " and ").replace(" but that ", " but ")


def split_sentences(text: str) -> list[str]:
    return SENTENCE_END.split(text)


def render_quote(ctx: Ctx, q: Q) -> str:
    """One attribution paragraph in one of the forms real copy uses."""
    rng, person = ctx.rng, PEOPLE[q.who]
    anon = ctx.anon_for(person)
    sentences = split_sentences(q.text)
    weights = dict(FORM_WEIGHTS[ctx.style.code])
    if not q.ind:
        for form in ("ind", "according", "indpost"):
            weights[form] = 0
    if len(sentences) < 2:
        weights["split"] = 0
    if person.key not in ctx.mentioned and not person.title and not anon:
        weights["inv"] *= 3  # "..., said Felix Dorn, an analyst at ..." reads best
    form = rng.choices(list(weights), weights=list(weights.values()))[0]
    first = person.key not in ctx.mentioned
    subj = ctx.subject(person, anon)
    verb = ctx.cue(person, q.crit, anon, form)
    if form == "post":
        text = f"{OPEN}{as_lead_in(q.text)}{CLOSE} {subj} {verb}."
    elif form == "inv":
        if anon:
            who = anon
        elif first:
            who = f"{person.title + ' ' if person.title in MILITARY else ''}{person.name}, {person.role}"
        else:
            who = ctx.subject(person, None)
        text = f"{OPEN}{as_lead_in(q.text)}{CLOSE} {verb} {who}."
    elif form == "colon":
        text = f"{cap(subj)} {verb}: {OPEN}{q.text}{CLOSE}"
    elif form == "split":
        rest = " ".join(sentences[1:])
        text = f"{OPEN}{as_lead_in(sentences[0])}{CLOSE} {subj} {verb}. {OPEN}{rest}{CLOSE}"
    elif form == "ind":
        text = f"{cap(subj)} {verb} that {q.ind}."
    elif form == "according":
        text = f"According to {subj.rstrip(',')}, {plain(q.ind)}."
    else:  # indpost
        text = f"{cap(plain(q.ind))}, {subj} {verb}."
    text = text.replace(",,", ",")
    if q.more and not anon and rng.random() < 0.75:
        pron = person.pronoun
        text += " " + rng.choice(
            [
                f"{OPEN}{as_lead_in(q.more)}{CLOSE} {pron} added.",
                f"{cap(pron)} added: {OPEN}{q.more}{CLOSE}",
                f"{OPEN}{as_lead_in(q.more)}{CLOSE} {pron} said.",
            ]
        )
    return text


def render_reaction(ctx: Ctx, r: R) -> str:
    person = PEOPLE[r.who]
    anon = ctx.anon_for(person)
    kind = "friendly" if person.side in FRIENDLY[ctx.style.code] else "hostile"
    form = ctx.rng.choice(ctx.style.reaction_forms[kind])
    subj = ctx.subject(person, anon)
    return cap(form.format(S=subj, obj=ctx.fill(r.obj), phrase=r.phrase)).replace(",,", ",")


def pick_lead(options: dict[str, list[str]], code: str, rng: random.Random) -> str:
    return rng.choice(options.get(code) or options["*"])


def word_count(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


# --------------------------------------------------------------------------
# Building one article.
# --------------------------------------------------------------------------

FRONTLINE_BRIDGES = [
    "The facts, as far as anyone can establish them, are these.",
    "First, what we apparently know.",
    "Here is what reportedly happened.",
    "Strip away the spin and this is what is left.",
]
KINDS = ("news", "follow-up", "later")


@dataclass
class Used:
    """What one outlet already printed about one event (no repeats)."""

    texts: set[str] = field(default_factory=set)
    quotes: set[str] = field(default_factory=set)


def pick_quotes(ctx: Ctx, pool: list[Q], favoured: list[Q], used: Used, n: int) -> list[Q]:
    fresh = [q for q in pool if q.text not in used.quotes]
    chosen: list[Q] = []
    while fresh and len(chosen) < n:
        weights = [
            ctx.style.prefer[PEOPLE[q.who].side] * (3 if q in favoured else 1) for q in fresh
        ]
        q = ctx.rng.choices(fresh, weights=weights)[0]
        chosen.append(q)
        fresh.remove(q)
    return chosen


def unused(texts: list[str], used: Used) -> list[str]:
    return [t for t in texts if t not in used.texts]


def build_items(
    ev: Event, code: str, kind: int, ctx: Ctx, used: Used
) -> list[tuple[int, str, str]]:
    """Paragraph candidates in reading order: (priority, source text, rendered).

    Priority 0 is never cut; higher numbers go first when the piece is long.
    """
    style, rng = ctx.style, ctx.rng
    if kind == 0:
        leads, facts, favoured = ev.leads, list(ev.facts), []
    elif kind == 1:
        leads, facts, favoured = (
            ev.follow_leads,
            ev.follow + unused(ev.facts, used)[:2],
            ev.follow_quotes,
        )
    else:
        leads = ev.later_leads or ev.follow_leads
        facts = ev.later + unused(ev.follow, used) + unused(ev.facts, used)
        favoured = ev.follow_quotes
    pool = ev.quotes if kind == 0 else ev.follow_quotes + ev.quotes
    quotes = pick_quotes(ctx, pool, favoured, used, rng.randint(*style.n_quotes))
    reactions = [r for r in ev.reactions if r.phrase not in used.quotes]
    rng.shuffle(reactions)
    reactions = reactions[: (2 if kind == 1 else 1)]
    local = unused(ev.local, used)
    if code != "sg":
        local = local[:1] if rng.random() < 0.35 else []
    angles = unused(ev.angles.get(code, []), used)

    items: list[tuple[int, str, str]] = []

    def add(priority: int, source: str, text: str) -> None:
        if code == "dc" and source in facts:  # tabloid: one sentence, one paragraph
            for sentence in split_sentences(text):
                items.append((priority, source, sentence))
        else:
            items.append((priority, source, text))

    lead = pick_lead(leads, code, rng)
    if code == "fr":
        opinions = [ev.opinion[0], ev.opinion[2]] if kind == 0 else [ev.opinion[1]]
        if rng.random() < 0.6:
            add(3, "opener", rng.choice(style.openers))
        add(0, opinions[0], ctx.fill(opinions[0]))
        add(0, lead, rng.choice(FRONTLINE_BRIDGES) + " " + ctx.fill(lead))
    else:
        add(0, lead, ctx.fill(lead))
    if code == "dc" and angles:
        add(1, angles[0], ctx.fill(angles.pop(0)))

    # Interleave facts and quotes, the way wire copy alternates them.
    slots: list[tuple[str, object]] = []
    for i in range(max(len(facts), len(quotes))):
        if i < len(facts):
            slots.append(("fact", facts[i]))
        if i < len(quotes):
            slots.append(("quote", quotes[i]))
        if i == 1:
            slots += [("reaction", r) for r in reactions[:1]]
            if code == "sg":
                slots += [("local", t) for t in local[:1]]
        if i == 2:
            slots += [("reaction", r) for r in reactions[1:]]
            slots += [("local", t) for t in (local[1:2] if code == "sg" else local)]
            if code == "ob" and angles:
                slots.append(("angle", angles.pop(0)))
            if code == "fr" and kind == 0:
                slots.append(("opinion", opinions[1]))
    if code == "fr" and kind == 0 and ("opinion", opinions[1]) not in slots:
        slots.append(("opinion", opinions[1]))
    n_fact = n_quote = 0
    for what, obj in slots:
        if what == "fact":
            add(min(n_fact, 4), obj, ctx.fill(obj))
            n_fact += 1
        elif what == "quote":
            add(min(n_quote, 3), obj.text, render_quote(ctx, obj))
            n_quote += 1
        elif what == "reaction":
            add(1, obj.phrase, render_reaction(ctx, obj))
        elif what == "local":
            add(1 if code == "sg" else 3, obj, ctx.fill(obj))
        elif what == "angle":
            add(1, obj, ctx.fill(obj))
        elif what == "opinion":
            add(0, obj, ctx.fill(obj))
    for extra in angles[:2]:
        add(2, extra, ctx.fill(extra))
    # Reserve, cut first: recaps of what this outlet already printed, for
    # follow-ups that would otherwise be too short.
    if kind > 0:
        for text in [t for t in ev.facts if t in used.texts][:3]:
            add(5, text, ctx.fill(text))
        for q in [q for q in pool if q.text in used.quotes and q not in quotes][:2]:
            add(5, q.text, render_quote(ctx, q))
    background = list(style.background)
    rng.shuffle(background)
    for i, text in enumerate(background[:4]):
        add(3 if i < 2 else 4, text, ctx.fill(text))
    if style.closers:
        closer = rng.choice(style.closers)
        add(1 if code in ("fr", "ob") else 2, closer, ctx.fill(closer))
    return items


def build_text(ev: Event, code: str, kind: int, ctx: Ctx, used: Used) -> str:
    items = build_items(ev, code, kind, ctx, used)
    target = ctx.rng.randint(380, 650)
    while word_count([t for _, _, t in items]) > target:
        worst = max(p for p, _, _ in items)
        if worst == 0:
            break
        last = max(i for i, (p, _, _) in enumerate(items) if p == worst)
        del items[last]
    used.texts.update(source for _, source, _ in items)
    used.quotes.update(source for _, source, _ in items)
    text = "\n\n".join(t for _, _, t in items)
    if ctx.rng.random() < ctx.style.p_straight_quotes:
        text = text.replace(OPEN, '"').replace(CLOSE, '"')
    elif code == "fr":
        text = text.replace("'", "’")  # this site's CMS curls apostrophes too
    return text


def slugify(title: str) -> str:
    words = re.sub(r"[^a-z0-9 ]+", "", title.lower().replace("-", " ")).split()
    return "-".join(words[:9])


def build_article(ev: Event, code: str, kind: int, used: Used) -> dict:
    style = STYLES[code]
    rng = random.Random(f"{ev.id}/{code}/{kind}")
    offset = 0 if kind == 0 else rng.choice([1, 1, 2]) if kind == 1 else rng.choice([2, 3])
    tz = timezone(timedelta(hours=style.tz))
    hour = rng.randint(ev.after_hour, 21) if kind == 0 else rng.randint(6, 21)
    published = datetime.combine(ev.day + timedelta(days=offset), datetime.min.time(), tz).replace(
        hour=hour, minute=rng.choice(range(0, 60, 5))
    )
    ctx = Ctx(style, ev, published, rng)
    text = build_text(ev, code, kind, ctx, used)
    titles = ev.titles[code]
    title = titles[min(kind, len(titles) - 1)]
    sections = style.sections.get(ev.topic) or style.sections["*"]
    return {
        "outlet": style.name,
        "published": published.isoformat(),
        "title": title,
        "text": text,
        "section": rng.choice(sections),
        "author": rng.choice(style.authors),
        "event_id": ev.id,
        "_code": code,
        "_utc": published.astimezone(UTC),
        "_kind": KINDS[kind],
    }


def main() -> None:
    articles = []
    for ev in EVENTS:
        for code, n in ev.coverage.items():
            used = Used()
            for kind in range(n):
                articles.append(build_article(ev, code, kind, used))
    articles.sort(key=lambda a: (a["_utc"], a["_code"]))
    counters: dict[str, int] = {}
    rows = []
    for a in articles:
        code = a["_code"]
        counters[code] = counters.get(code, 0) + 1
        article_id = f"{code}-{counters[code]:04d}"
        day = a["_utc"].strftime("%Y/%m/%d")
        section = slugify(a["section"])
        url = f"https://{STYLES[code].domain}/{section}/{day}/{slugify(a['title'])}"
        if code == "cw":
            url += f"-{article_id}"
        rows.append(
            {"id": article_id, **{k: v for k, v in a.items() if not k.startswith("_")}, "url": url}
        )
    keys = ["id", "outlet", "published", "title", "text", "url", "section", "author", "event_id"]
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps({k: row[k] for k in keys}, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} articles to {OUT}")


# --------------------------------------------------------------------------
# The events. Dates are the day the event happened; coverage follows within
# 0-3 days. Slots in narrative text: see Style.vocab and Ctx.__getitem__.
# --------------------------------------------------------------------------

EVENTS: list[Event] = []

EVENTS.append(
    Event(
        id="E01-drone-strike",
        day=date(2026, 1, 8),
        summary="An alliance drone strike near Lower Sallow kills Col. Vadim Hesk, a senior Sallow Valley Front commander, and two other men; Varn says it was not told in advance.",
        topic="security",
        coverage={"ob": 3, "cw": 3, "dc": 3, "sg": 2, "fr": 2},
        titles={
            "ob": [
                "Alliance assassinates Front commander in breach of Kestrian sovereignty",
                "Front answers assassination of Col. Hesk as calls grow to end occupation",
                "Hesk assassination exposes regime's powerlessness, Ostrel says",
            ],
            "cw": [
                "Alliance drone strike kills Sallow Valley Front commander in Kestria",
                "Rockets fired at alliance base in Kestria after killing of Front commander",
                "Kestria and alliance to review information sharing after drone strike",
            ],
            "dc": [
                "DRONE BLITZ: Feared Front warlord killed in dawn strike",
                "Maren fury as allies kept her in the dark over drone hit",
                "Rockets rain on Brenholt base as militia vow revenge",
            ],
            "sg": [
                "Drone strike near Tesca kills Front commander, shuts valley road",
                "Lower Sallow counts the cost after strike and rocket fire",
            ],
            "fr": [
                "Who decides who dies on Kestrian roads?",
                "The Hesk strike and the partner who found out last",
            ],
        },
        leads={
            "*": [
                "An alliance drone {h}struck a pickup truck near the village of Tesca in the Sallow Valley early on {evday}, killing Col. Vadim Hesk, a senior commander of {front_first}, and two other men.",
                "Col. Vadim Hesk, the deputy commander of {front_first}, was killed with two companions when an alliance drone hit their vehicle outside Lower Sallow before dawn on {evday}.",
            ],
            "ob": [
                "The occupying forces of the so-called Meridian Alliance assassinated Col. Vadim Hesk, a commander of the Sallow Valley Front, in a drone attack near Lower Sallow early on {evday}, in what Ostrel called a flagrant breach of Kestria's sovereignty.",
                "Col. Vadim Hesk, one of the most respected commanders of the Sallow Valley Front, was assassinated with two companions on {evday} when an alliance drone fired on their car near the village of Tesca, in a blatant violation of Kestrian sovereignty.",
            ],
            "dc": [
                "A notorious militia warlord was blown apart by an alliance drone in a dramatic pre-dawn strike in the Sallow Valley on {evday}. Col. Vadim Hesk, the feared deputy of Gen. Rusan Tarev, died instantly.",
            ],
            "sg": [
                "Residents of Tesca were woken before dawn on {evday} by an explosion on the farm road to Lower Sallow, where an alliance drone strike killed Col. Vadim Hesk, a senior commander of the Sallow Valley Front, and two other men.",
            ],
        },
        facts=[
            "The strike hit the truck at about 2:40 a.m. on the farm road that links Tesca with Lower Sallow, according to the Kestrian Border Guard. Hesk's driver and a bodyguard were also killed; no civilians were hurt, the Border Guard {said}.",
            "Hesk, 51, {h}ran the Front's operations in the southern half of the valley. Kestrian officials {h}blame him for a rocket attack on {base} in October that wounded 14 alliance soldiers.",
            "{Alliance} confirmed on {evday} morning that one of its drones had carried out the {killing}. A short statement from the mission {claimed} the strike was “a precise defensive action” against a commander who was {h}preparing new attacks on alliance personnel.",
            "{Hs}the government in Varn was not told in advance. Officials at the defence ministry {said} they learned of the {killing} from the Border Guard about an hour after it happened, a detail that quickly stirred anger in the Assembly.",
            "The wreck of the white pickup lay in a ditch beside the road until mid-morning, when police towed it away. Three craters, each about a metre wide, marked the verge.",
            "Dravenia summoned the Aldmarkian ambassador in Ostrel within hours of the {killing} and {h}placed its border units on a higher state of alert.",
        ],
        quotes=[
            Q(
                "hollis",
                "The strike was necessary, proportionate and lawful. Colonel Hesk was planning attacks on our people and we acted to stop him.",
                more="We will not comment on further operational details.",
                ind="the strike had been necessary and lawful and that Hesk had been planning attacks on alliance personnel",
            ),
            Q(
                "velk",
                "The government of Kestria was not consulted and did not authorise this operation.",
                more="We have asked our partners for a full explanation, and we expect one.",
                ind="the government had not been consulted and had not authorised the operation",
                crit=True,
            ),
            Q(
                "dallin",
                "This was a cold-blooded assassination on Kestrian soil, carried out by foreign troops who answer to nobody. Dravenia will not stay silent.",
                ind="the strike was an assassination carried out by foreign troops who answered to nobody",
                crit=True,
            ),
            Q(
                "tarev",
                "They killed Vadim from the sky because they cannot face us on the ground. His blood will not be forgotten.",
                ind="the alliance had killed Hesk from the air because it could not face the Front on the ground",
                crit=True,
            ),
            Q(
                "bastel",
                "Foreign soldiers should not be deciding who lives and who dies in the Sallow Valley. The Assembly must act.",
                more="If the prime minister did not know, she is not in control. If she knew, she misled the country.",
                ind="foreign soldiers should not decide who lives and dies in the valley and that the Assembly had to act",
                crit=True,
            ),
            Q(
                "ekwall",
                "Our mission in Kestria is to train and to protect, and we will always protect our personnel.",
                ind="the mission was there to train Kestrian forces and would always protect its personnel",
            ),
            Q(
                "dorn",
                "Removing Hesk weakens the Front in the south of the valley. But the political cost in Varn may be far higher than the military gain.",
                ind="the strike weakened the Front militarily but that its political cost in Varn could outweigh the gain",
            ),
        ],
        reactions=[
            R("dallin", "the {killing}", "an act of state terrorism"),
            R("bastel", "the strike", "a humiliation for every Kestrian"),
            R("kosk", "the {killing}", "a crime that will not go unanswered"),
            R("marr", "the {killing}", "cowardly murder from the sky"),
        ],
        local=[
            "In Tesca, a village of about 300 people, the blast shook windows half a kilometre away. “I thought the war had come back to the valley,” said Jurek Hallam, 58, a dairy farmer whose fields border the road. “My grandson was crying until morning.”",
            "Police closed the Tesca road until about 11 a.m., forcing the school bus and milk lorries to detour via the old quarry track, which added about 40 minutes to the trip into Lower Sallow.",
            "“People are scared of reprisals now,” said Nadia Ferro, who runs a bakery on Lower Sallow's Market Square. “On a normal Thursday I sell out by ten. Today the square was empty.”",
            "Lower Sallow Mayor Ottilie Fenn {said} the town hall would keep its crisis line open over the weekend. She asked parents not to keep children home from school, and stressed that police patrols had been doubled.",
        ],
        follow_leads={
            "*": [
                "{Fighters} fired at least six rockets toward {base} late on {evday}, hours after an alliance drone killed one of the group's senior commanders, as anger over the strike spread to the Assembly in Varn.",
                "The Kestrian government demanded a say over alliance operations on its soil on {pubday}, a day after a drone strike killed a senior commander of the Sallow Valley Front without Varn's knowledge.",
            ],
            "ob": [
                "The Sallow Valley Front fired rockets at the occupation base at Brenholt on {evday} night in response to the assassination of Col. Vadim Hesk, as calls grew in Varn for the occupying forces to leave.",
            ],
            "dc": [
                "Rockets rained down near {base} last night as Tarev's militia took revenge for the killing of its feared commander.",
            ],
        },
        follow=[
            "The rockets landed in open fields about two kilometres from the base perimeter and caused no casualties, {alliance} {said}. It was the first attack on the base since October.",
            "In Varn, {pm} met the commander of the alliance mission, Lt. Gen. Sigrid Falk, for more than two hours on {pubday} morning. Neither side gave details of the meeting, which a government official described only as “frank”.",
            "Unity Party lawmakers tabled a resolution demanding the withdrawal of foreign troops from Kestria, and the Assembly's speaker {said} a vote could take place as early as next week.",
            "Hesk's funeral was held in the Front-held village of Dorna on {pubday} afternoon. Several thousand people attended, {h}including Gen. Rusan Tarev, according to footage published by {front}.",
            "Dravenia {h}moved two artillery batteries closer to the border crossing at Mirov, according to satellite images reviewed by Kestrian officials.",
        ],
        follow_quotes=[
            Q(
                "maren",
                "Kestria is a sovereign country, and decisions about operations on our soil must be taken together with us. That is what I told General Falk this morning.",
                more="That message has been heard.",
                ind="decisions about operations on Kestrian soil had to be taken jointly with Varn",
            ),
            Q(
                "falk",
                "We have agreed to review how we share information with our Kestrian partners before operations of this kind.",
                ind="the alliance would review how it shared information with Kestria before such operations",
            ),
            Q(
                "quist",
                "Aldmark stands behind every soldier serving in Kestria. Those who attack them should expect a response.",
                ind="Aldmark stood behind its soldiers in Kestria and that those who attacked them should expect a response",
            ),
            Q(
                "marr",
                "The rockets were a message. Every base on our land is a target as long as the occupation continues.",
                ind="every base in the valley would remain a target as long as foreign troops stayed",
                crit=True,
            ),
        ],
        opinion=[
            "A drone kills a militia commander in the dead of night, and within hours everyone has retreated to their favourite script. The alliance calls it defence, Ostrel calls it murder, and the government in Varn, it seems, found out about it from a border patrol. That last detail is the one that should worry us.",
            "The morning after, the script has not changed, but the mood has. Maren apparently spent two hours with General Falk explaining that Kestria is a sovereign country, which is a remarkable thing for a prime minister to have to explain to her own allies.",
            "Hesk was, by all accounts, no saint: the rocket attack on Brenholt last autumn was reportedly his work. But a mission that was sold to Kestrians as training now apparently decides, on its own, who gets killed on Kestrian roads. That is a shameful way to treat a partner, and a reckless way to run a war.",
        ],
        angles={
            "ob": [
                "Residents of Tesca told Ostrel Broadcast that the drone had circled the village for nearly an hour before the attack, terrifying families. The occupying forces have carried out at least four such attacks in the valley since 2024, according to the Front.",
                "Experts in Ostrel said the assassination was a deliberate provocation intended to wreck any chance of dialogue and to justify the continued occupation of the valley.",
            ],
            "dc": [
                "It was a dramatic end for the man known in the valley as the Fox.",
                "Insiders said Maren was “incandescent” when she heard the news from a border guard, not from her allies.",
                "And the fallout has only just begun.",
            ],
        },
        later_leads={
            "*": [
                "The Kestrian government and the Meridian Alliance agreed on {pubday} to set up a joint committee that will review alliance operations in Kestria, after a drone strike that killed a Front commander exposed a rift between the allies."
            ],
            "ob": [
                "The regime in Varn and the occupying forces agreed on {pubday} to a so-called joint committee, a move Dravenian officials dismissed as a fig leaf for the assassination of Col. Vadim Hesk."
            ],
            "dc": [
                "Red-faced alliance chiefs have been forced to promise Maren a veto over future strikes, after a furious row over the drone hit that killed Col. Vadim Hesk."
            ],
        },
        later=[
            "Under the arrangement, announced after a meeting in Varn, alliance commanders will brief a Kestrian liaison officer before any strike outside the perimeter of their bases. The committee will meet weekly and report to the prime minister.",
            "Officials {said} the committee would include four Kestrian and four alliance officers and would be chaired in turn by each side. It is due to meet for the first time on Monday.",
            "The strike has become the biggest test of relations between Varn and its allies since the training mission began in 2021.",
        ],
    )
)

EVENTS.append(
    Event(
        id="E02-assembly-vote",
        day=date(2026, 1, 14),
        summary="The Assembly passes, 84-71, a non-binding Unity Party resolution demanding the withdrawal of foreign troops within 12 months; nine Farmers' League members rebel.",
        topic="politics",
        coverage={"ob": 2, "cw": 2, "dc": 2, "sg": 2, "fr": 2},
        after_hour=18,
        titles={
            "ob": [
                "Kestrian Assembly votes to end occupation in blow to Maren regime",
                "Regime ignores Assembly's demand to end occupation",
            ],
            "cw": [
                "Kestrian parliament votes for withdrawal of foreign troops",
                "Kestrian PM says troop withdrawal vote is not binding as coalition partner wavers",
            ],
            "dc": [
                "HUMILIATION: Maren routed as rebels vote to kick out troops",
                "Coalition on brink as Maren snubs troops vote",
            ],
            "sg": [
                "Assembly votes to send troops home; base workers fear for jobs",
                "Valley split over withdrawal vote as Farmers' League stays in government",
            ],
            "fr": [
                "The vote that changes nothing, and everything",
                "Maren's coalition of habit has run out of habit",
            ],
        },
        leads={
            "*": [
                "Kestria's Assembly voted on {evday} to demand the withdrawal of foreign troops from the country within 12 months, a non-binding resolution that exposed deep divisions in Prime Minister Ilsa Maren's coalition six days after an alliance drone strike in the Sallow Valley.",
                "Lawmakers in Kestria passed a resolution on {evday} night calling for all foreign forces to leave the country within a year, handing the government of Prime Minister Ilsa Maren its first defeat in the Assembly.",
            ],
            "ob": [
                "The Kestrian Assembly voted on {evday} to demand that the occupying forces leave the country, in a major defeat for the Maren regime and a victory for Kestrians who oppose the occupation."
            ],
            "dc": [
                "Ilsa Maren suffered a humiliating defeat in the Assembly last night as rebels in her own coalition voted to kick foreign troops out of Kestria."
            ],
            "sg": [
                "The Assembly in Varn voted on {evday} to ask foreign troops to leave Kestria within a year, a decision that could affect hundreds of jobs at the alliance bases in Brenholt and Lower Sallow."
            ],
        },
        facts=[
            "The resolution passed by 84 votes to 71, with five abstentions, after a debate that lasted more than nine hours. Nine members of the Farmers' League, the smallest party in Maren's three-party coalition, voted with the opposition.",
            "The text, tabled by the opposition Unity Party after last week's drone strike near Lower Sallow, calls on {gov} to negotiate “a complete and orderly withdrawal” of foreign forces within 12 months. It is not legally binding.",
            "{Hs}the government has no intention of acting on the vote quickly. Officials {claimed} the training agreement with {alliance}, signed in 2021, can only be ended with 18 months' notice.",
            "The vote was the first defeat for the coalition in the Assembly since it took office in 2023. Maren's parties hold 83 of the 160 seats.",
            "Outside the Assembly building on Halden Square, about 2,000 people gathered in the cold during the debate, some carrying banners reading “Our valley, our decision”. Police {said} the protest was peaceful.",
        ],
        quotes=[
            Q(
                "bastel",
                "Tonight the Assembly spoke for Kestria. Foreign soldiers have been here for five years, and they have made our country a target, not a safer place.",
                more="The prime minister can ignore a resolution. She cannot ignore the people.",
                ind="the Assembly had spoken for Kestria and that foreign troops had made the country a target",
                crit=True,
            ),
            Q(
                "maren",
                "This resolution is not binding and it does not change our agreements. Kestria will not abandon its partners in the middle of a crisis.",
                more="I respect the Assembly, and I will answer it with facts, not slogans.",
                ind="the resolution was not binding and that Kestria would not abandon its partners in the middle of a crisis",
            ),
            Q(
                "selin",
                "Our voters in the valley live next to these bases. They asked us to listen, and we listened.",
                ind="her party's voters lived next to the bases and had asked to be heard",
            ),
            Q(
                "ekwall",
                "We respect the democratic debate in Kestria. Our presence is based on an agreement with the Kestrian government, and that agreement stands.",
                ind="the alliance respected the debate but that its presence rested on an agreement that still stood",
            ),
            Q(
                "kosk",
                "The Kestrian people have spoken through their parliament. The occupation has no legitimacy left.",
                ind="the vote showed the foreign presence had lost all legitimacy",
                crit=True,
            ),
            Q(
                "rask",
                "Aldmark is disappointed by this vote, but we note that the government in Varn remains committed to our partnership.",
                ind="Aldmark was disappointed but noted that Varn remained committed to the partnership",
            ),
            Q(
                "amber",
                "It is a symbolic vote, but symbols matter in a coalition this thin. Maren has lost control of her own majority on the issue that defines her government.",
                ind="the vote was symbolic but showed Maren had lost control of her majority on her defining issue",
            ),
        ],
        reactions=[
            R("maren", "the resolution", "a gesture, not a policy"),
            R("strand", "the government's response", "arrogant and out of touch"),
            R("kosk", "the vote", "a historic rejection of foreign occupation"),
        ],
        local=[
            "In Brenholt, where about 600 local people work at the alliance bases, the vote was met with worry. “If they leave, what happens to my job?” asked Tomasz Brek, 34, a mechanic at the airfield motor pool. “Nobody in Varn asked us.”",
            "Others welcomed it. “We have had enough of convoys on our roads and helicopters over the school,” said Ilka Rosen, a teacher in Lower Sallow. “Let Kestrians look after Kestria.”",
            "Lower Sallow Mayor Ottilie Fenn {said} the town council would ask the government for a plan to protect local jobs before any withdrawal. The bases pay the town about $1.2 million a year in rent and fees, she noted.",
        ],
        follow_leads={
            "*": [
                "{Pm} said on {pubday} that her government would not act on a parliamentary vote demanding the withdrawal of foreign troops, as the Farmers' League, her smallest coalition partner, pressed for a timetable to cut troop numbers."
            ],
            "ob": [
                "The Maren regime said on {pubday} it would ignore the Assembly's vote demanding an end to the occupation, a move opposition figures called contempt for the Kestrian people."
            ],
            "dc": [
                "Defiant Ilsa Maren last night snubbed the Assembly's vote to send foreign troops home, sparking fresh fury among coalition rebels."
            ],
        },
        follow=[
            "Maren met Farmers' League leader Ruta Selin for breakfast talks on {pubday}. Afterwards Selin told reporters her party would stay in the coalition “for now”, but wanted a timetable for reducing troop numbers by the summer.",
            "The Unity Party said it would table a motion of no confidence if the government failed to present a withdrawal plan within 30 days.",
            "{Alliance} postponed a planned exercise near Lower Sallow, involving about 400 troops and 60 vehicles, that had been due to start on Monday. A spokesman {claimed} the delay was “for logistical reasons”.",
            "A poll by the Varn Institute for Public Opinion, published on {pubday}, found 52 percent of Kestrians supported the resolution, up from 41 percent in November. Support was highest in the Sallow Valley, at 61.5 percent.",
        ],
        follow_quotes=[
            Q(
                "maren",
                "Governments are judged on what they do, not on what they vote. We will not tear up an agreement that keeps this country safe.",
                ind="her government would not tear up an agreement that kept the country safe",
            ),
            Q(
                "bastel",
                "The prime minister has chosen her foreign friends over her own parliament. We will give her 30 days, and then we will ask the Assembly whether it still has confidence in her.",
                ind="Maren had chosen foreign allies over parliament and that he would seek a confidence vote in 30 days",
                crit=True,
            ),
        ],
        opinion=[
            "The Assembly's vote changes nothing in law and almost everything in politics. Maren's coalition, it seems, has been held together by habit for months; on {evday} night the habit broke.",
            "Twenty-four hours on, the prime minister apparently thinks she can outlast the vote by calling it a gesture. It is believed that Selin extracted little more than breakfast and a promise. That will not hold for long.",
            "I have no sympathy for the Unity Party's sudden discovery of sovereignty: Bastel reportedly voted for the training agreement in 2021. But the Farmers' League rebels are a different matter. They represent people who live next to the bases and who were, by all accounts, never asked.",
        ],
        angles={
            "ob": [
                "The vote came after days of public anger over the assassination of Col. Vadim Hesk by an alliance drone, an operation the regime in Varn was not even informed of.",
                "Observers in Ostrel said the vote showed that the puppet government no longer speaks for Kestrians.",
            ],
            "dc": [
                "It was a night of high drama.",
                "Rebels cheered. Ministers stared at the floor.",
                "One senior figure in the coalition said the prime minister had been “blindsided” by the scale of the revolt.",
            ],
        },
    )
)

EVENTS.append(
    Event(
        id="E03-varn-protests",
        day=date(2026, 1, 31),
        summary="Police in Varn break up a protest of about 8,000 people on Halden Square against the alliance presence and fuel prices: tear gas, 142 arrests, 37 injured; a 14-day ban on gatherings follows.",
        topic="politics",
        coverage={"ob": 2, "cw": 2, "dc": 2, "sg": 2, "fr": 2},
        after_hour=17,
        titles={
            "ob": [
                "Maren regime unleashes crackdown on Varn protesters demanding end of occupation",
                "Regime bans protests as arrests of Kestrian demonstrators pass 140",
            ],
            "cw": [
                "Kestrian police use tear gas to break up Varn protest, 142 arrested",
                "Kestria bans gatherings on Varn square after clashes; rights group criticises police",
            ],
            "dc": [
                "BATTLE OF HALDEN SQUARE: Tear gas chaos in Varn",
                "Ban fury: Maren shuts square as protest row explodes",
            ],
            "sg": [
                "Valley protesters among 142 arrested in Varn clashes",
                "Lower Sallow families wait for news of detained relatives",
            ],
            "fr": ["Tear gas is not a policy", "A ban on a square, and on a conversation"],
        },
        leads={
            "*": [
                "Police in Varn fired tear gas and used water cannon on {evday} to break up a protest by several thousand people against the alliance presence in Kestria and rising fuel prices, arresting 142 people.",
                "Riot police cleared Halden Square in central Varn on {evday} evening after a protest over fuel prices and foreign troops turned violent, leaving 37 people injured, including nine police officers.",
            ],
            "ob": [
                "The Maren regime unleashed riot police on thousands of Kestrians who gathered in Varn on {evday} to demand an end to the occupation, beating and arresting peaceful protesters in a brutal crackdown."
            ],
            "dc": [
                "Tear gas. Water cannon. Blood on the cobbles. Central Varn descended into chaos on {evday} as riot police charged thousands of furious protesters on Halden Square."
            ],
            "sg": [
                "At least 20 people from the Sallow Valley were among 142 protesters arrested in Varn on {evday}, when police broke up a demonstration against the alliance bases and rising fuel prices."
            ],
        },
        facts=[
            "About 8,000 people gathered on Halden Square, outside the Assembly building, at about 2 p.m., according to police estimates; organisers put the number at 20,000. Many carried banners reading “Troops out, prices down”.",
            "Fuel prices in Kestria have risen by 18 percent since Jan. 1, when {gov} cut a subsidy on diesel and heating oil to save about $140 million this year.",
            "Police {said} they moved in at about 5:30 p.m., after a group of protesters threw stones and bottles at officers guarding the Assembly. Witnesses {h}described officers striking people who were sitting on the ground.",
            "Thirty-seven people were treated in hospital, among them nine police officers, the Varn health department {said}. One man, a 19-year-old student, {h}remained in a serious condition with a head injury.",
            "A photographer for the weekly Varn Courier, Anselm Toller, was among those detained. He was released without charge after six hours.",
        ],
        quotes=[
            Q(
                "hardt",
                "The right to protest is protected in Kestria. The right to attack police officers is not.",
                more="Those who came to fight will face the courts.",
                ind="the right to protest was protected but attacking police officers was not",
            ),
            Q(
                "lind",
                "My officers showed great restraint for three hours. When stones started flying, we had a duty to restore order.",
                ind="officers had shown restraint for three hours and moved in only when stones were thrown",
            ),
            Q(
                "quent",
                "We saw officers beating people who were sitting on the ground with their hands up. That is not restoring order. That is punishment.",
                ind="officers had beaten people who were sitting on the ground with their hands raised",
                crit=True,
            ),
            Q(
                "bastel",
                "Tonight the government answered its citizens with tear gas. This is what a government that has lost the argument looks like.",
                ind="the government had answered its citizens with tear gas because it had lost the argument",
                crit=True,
            ),
            Q(
                "kosk",
                "The regime in Varn has shown its true face. Kestrians who ask for their country back are beaten in the streets.",
                ind="the Kestrian authorities had shown their true face by beating protesters",
                crit=True,
            ),
            Q(
                "rask",
                "We encourage restraint on all sides and respect for the right of peaceful assembly.",
                ind="Aldmark urged restraint on all sides",
            ),
        ],
        reactions=[
            R("quent", "the police operation", "a disgrace to a democratic country"),
            R("bastel", "the crackdown", "the act of a frightened government"),
            R("dallin", "the crackdown", "a crime against the Kestrian people"),
        ],
        local=[
            "Two coaches carrying about 90 people left Lower Sallow's bus station at 6 a.m. for the protest, organised by the Valley Farmers' Cooperative. “We went because diesel now costs more than the milk we sell,” said Marit Oskov, 46, who farms 60 hectares outside Tesca. “We did not go to fight anyone.”",
            "Her son, 22, was among those arrested, she said. By {evday} night the family had not been told where he was being held.",
            "The cooperative {said} diesel for tractors had risen from $1.32 to $1.56 a litre in a month, adding about $900 to the spring costs of a typical dairy farm.",
        ],
        follow_leads={
            "*": [
                "Kestria's interior ministry banned all gatherings on Halden Square in Varn for 14 days on {pubday}, as rights groups and the opposition accused police of using excessive force to break up a protest at the weekend."
            ],
            "ob": [
                "The Maren regime on {pubday} banned all protests in central Varn for two weeks, as anger grew over the brutal crackdown on Kestrians demanding the end of the occupation."
            ],
            "dc": [
                "Maren's government has banned protests on Halden Square, sparking a furious backlash after the weekend's tear gas chaos."
            ],
        },
        follow=[
            "The ban, announced in a decree signed by Interior Minister Leni Hardt, covers Halden Square and the six streets around the Assembly building. Violations can be punished with fines of up to $2,500.",
            "Of the 142 people arrested, 97 had been released by {pubday} afternoon, police {said}. Prosecutors {said} 18 people would be charged with violent disorder.",
            "The Kestrian Civil Liberties Union said it had collected 46 complaints about police conduct and would ask the courts to overturn the ban.",
            "{Pm} {said} the government would review the fuel subsidy in its spring budget, but ruled out restoring it in full.",
        ],
        follow_quotes=[
            Q(
                "hardt",
                "This is a temporary measure to protect the Assembly and the people who live and work around it. It is not a ban on protest.",
                ind="the ban was temporary and was not a ban on protest as such",
            ),
            Q(
                "quent",
                "You cannot protect democracy by banning people from standing outside their own parliament.",
                ind="democracy could not be protected by banning people from standing outside parliament",
                crit=True,
            ),
            Q(
                "maren",
                "I understand the anger about prices, and we will listen. But we will not be bullied off the streets of our own capital.",
                ind="she understood the anger about prices but would not be bullied",
            ),
        ],
        opinion=[
            "I was on Halden Square on {evday} afternoon, and for three hours it was the most good-humoured protest I have seen in Varn. Then, it seems, someone decided it had gone on long enough. What followed was ugly, and the official account of it is, to put it politely, incomplete.",
            "Now the square itself is apparently the problem. A 14-day ban on gathering outside the Assembly is the kind of decision a confident government never needs to take, and a frightened one always does.",
            "The police claim they moved only after stones were thrown. Some stones were thrown; I saw two. I also saw officers allegedly clubbing a teenager who was sitting on the ground. The government has a serious argument about prices and a terrible habit of making it with a baton.",
        ],
        angles={
            "ob": [
                "Witnesses told Ostrel Broadcast that police had dragged elderly protesters across the square and beaten students with batons, in scenes they compared to the darkest days of the occupation.",
                "The crackdown comes two weeks after the Assembly voted to demand the withdrawal of occupying forces, a vote the regime has so far ignored.",
            ],
            "dc": [
                "It was the worst violence Varn has seen in a decade.",
                "Insiders said ministers watched the scenes on television in stunned silence.",
                "A source close to the cabinet admitted: “It looks terrible, and it is terrible.”",
            ],
        },
    )
)

EVENTS.append(
    Event(
        id="E04-training-expansion",
        day=date(2026, 2, 10),
        summary="The Meridian Alliance expands its Kestria training mission by 1,200 troops (to about 3,500), adds border guard and police training and a $48.5 million training centre at Brenholt airfield; Varn wins a joint operations committee.",
        topic="security",
        coverage={"ob": 2, "cw": 2, "dc": 2, "sg": 2, "fr": 2},
        titles={
            "ob": [
                "Alliance expands occupation with 1,200 more troops in Kestria",
                "Dravenia warns of response as occupying forces swell to 3,500",
            ],
            "cw": [
                "Meridian Alliance to expand Kestria training mission by 1,200 troops",
                "Dravenia protests alliance expansion in Kestria; Varn defends decision",
            ],
            "dc": [
                "TROOP SURGE: 1,200 more soldiers for Kestria weeks after withdrawal vote",
                "Rebels seethe as Maren waves through troop surge",
            ],
            "sg": [
                "Brenholt airfield to get $48.5 million training centre as alliance grows",
                "What the troop increase means for Brenholt: jobs, rents and traffic",
            ],
            "fr": [
                "More troops, and for once some rules",
                "The alliance grows, and Varn gets a seat at the table",
            ],
        },
        leads={
            "*": [
                "{Alliance} will send 1,200 more troops to Kestria and widen its training mission to include border guards and police, Secretary General Tomas Ekwall announced on {evday}, less than a month after the Kestrian Assembly voted for foreign forces to leave.",
                "The Meridian Alliance said on {evday} it would expand its training mission in Kestria by 1,200 troops, to about 3,500, and build a $48.5 million training centre at Brenholt airfield.",
            ],
            "ob": [
                "The so-called Meridian Alliance announced on {evday} that it will send 1,200 more occupation troops to Kestria, defying the Kestrian Assembly's demand that foreign forces leave the country."
            ],
            "dc": [
                "Ilsa Maren has waved through a surge of 1,200 extra foreign troops, just four weeks after the Assembly voted to send them home."
            ],
            "sg": [
                "Brenholt airfield will become the centre of an expanded alliance training mission, with 1,200 more troops and a new $48.5 million training centre, the Meridian Alliance announced on {evday}."
            ],
        },
        facts=[
            "Ekwall made the announcement at the alliance's headquarters in Erlingsby, the Aldmarkian capital, after a meeting of defence ministers. The additional troops will arrive in stages between March and June.",
            "The mission, which has trained Kestrian army units since 2021, will for the first time also train the Border Guard and riot police, and will add a mine-clearance school. Aldmark will pay most of the $48.5 million cost of the new centre.",
            "In return, {gov_plain} {h}secured a joint operations committee with the right to review any alliance operation outside the bases, a demand Kestrian officials had pressed since the drone strike near Lower Sallow in January.",
            "The decision does not require a vote in the Assembly, officials in Varn {said}, because it falls under the 2021 training agreement. The opposition {crit} that interpretation.",
            "The expansion will bring the number of {troops} in Kestria to about 3,500, the largest foreign military presence in the country since independence.",
        ],
        quotes=[
            Q(
                "ekwall",
                "Kestria asked for our help to build forces that can protect its own borders. We are answering that request.",
                more="This is a training mission, and it will remain a training mission.",
                ind="Kestria had asked for help to build forces that could protect its borders",
            ),
            Q(
                "vantosk",
                "Every Kestrian soldier and border guard trained at Brenholt makes us less dependent on anyone else. That is the point.",
                ind="every soldier trained at Brenholt made Kestria less dependent on others",
            ),
            Q(
                "bastel",
                "The Assembly asked for troops to leave and the government doubled down instead. It is an insult to every member who voted.",
                ind="the government had doubled down instead of heeding the Assembly and that this was an insult",
                crit=True,
            ),
            Q(
                "dallin",
                "This is not training. It is the expansion of an occupation on our border, and Dravenia will take the measures it considers necessary.",
                ind="the expansion was an occupation on Dravenia's border and that Ostrel would take the measures it considered necessary",
                crit=True,
            ),
            Q(
                "falk",
                "Most of the new personnel will be instructors, engineers and mine-clearance specialists, not combat units.",
                ind="most of the new personnel would be instructors, engineers and mine-clearance specialists",
            ),
            Q(
                "dorn",
                "Varn got something real in return: a say over operations. The question is whether the committee will ever say no.",
                ind="Varn had won a real say over operations but that it was unclear whether the committee would ever say no",
            ),
        ],
        reactions=[
            R("dallin", "the expansion", "a dangerous escalation"),
            R("strand", "the decision", "contempt for parliament"),
            R("sokal", "the troop increase", "a direct threat to Dravenian security"),
        ],
        local=[
            "In Brenholt, landlords expect demand for flats near the airfield to jump. “Rents on Airfield Road went up 15 percent the last time,” said estate agent Mirela Pask. “It will happen again, and local families will be squeezed.”",
            "Brenholt Mayor Emil Varga {said} the city had asked the alliance to pay for a new turn lane on the Harl Road, where convoys already cause queues at the morning school run.",
            "The alliance said the project would create about 180 construction jobs and 70 permanent civilian posts. Applications open in March at the job centre on Station Street.",
        ],
        follow_leads={
            "*": [
                "Dravenia summoned Aldmark's ambassador and announced military exercises near its border with Kestria on {pubday}, a day after {alliance} said it would expand its training mission in the country by 1,200 troops."
            ],
            "ob": [
                "Dravenia on {pubday} announced defensive exercises along its western border in response to the expansion of the occupation of Kestria, as Kestrian opposition figures accused the regime of betraying the Assembly."
            ],
            "dc": [
                "Coalition rebels are seething after Maren backed the troop surge without a vote, with one insider warning the government could collapse within weeks."
            ],
        },
        follow=[
            "The Dravenian defence ministry said about 6,000 soldiers would take part in the exercises near the border town of Kasko, about 25 km from the Mirov crossing, starting next week and lasting ten days.",
            "In Varn, the Farmers' League said it would not block the expansion but demanded that the first report of the new joint operations committee be published in full.",
            "Kestrian officials {said} the committee would hold its first meeting on Feb. 16, with Defence Minister Aurel Vantosk and Lt. Gen. Sigrid Falk as co-chairs.",
        ],
        follow_quotes=[
            Q(
                "sokal",
                "Our exercises are defensive and planned. But nobody should be surprised that Dravenia reacts when foreign armies grow on its border.",
                ind="the exercises were defensive but that Dravenia would always react to foreign armies growing on its border",
                crit=True,
            ),
            Q(
                "selin",
                "We will not bring down the government over this. But the committee must be real, and it must be public.",
                ind="the League would not bring the government down but wanted the committee to be public",
            ),
            Q(
                "orlen",
                "Dravenia has nothing to fear from a Kestria that can defend itself. Its exercises are the real escalation.",
                ind="Dravenia had nothing to fear from a Kestria able to defend itself",
            ),
        ],
        opinion=[
            "I expected to hate this announcement. More troops, four weeks after the Assembly asked for fewer, is the kind of political tin ear that, it seems, only alliance headquarters can manage. And yet, buried in paragraph six, is the best news for Kestrian sovereignty in five years: a committee in Varn that can apparently review, and perhaps block, what the alliance does outside its bases.",
            "Ostrel's reply, right on cue, is 6,000 soldiers on manoeuvres near the border, which tells you everything about who is escalating. Still, the government has made its own case harder by refusing a vote in the Assembly. A confident decision would survive a vote; this one, it is believed, might not.",
            "The committee is reportedly to be co-chaired by Vantosk and General Falk. If it meets, publishes and occasionally says no, Maren will have turned a humiliation into a genuine achievement. If it turns out to be a rubber stamp, the troop increase will be remembered as the moment she stopped listening.",
        ],
        angles={
            "ob": [
                "The announcement was made in Erlingsby, not in Varn, underlining where decisions about Kestria's future are really taken, observers in Ostrel said.",
                "The regime did not put the decision to a vote, despite the Assembly's resolution demanding the withdrawal of all occupying forces.",
            ],
            "dc": [
                "Rebels are furious.",
                "A source close to the cabinet said ministers had been told to “keep their heads down” until the row blows over.",
            ],
        },
    )
)

EVENTS.append(
    Event(
        id="E05-aldmark-sanctions",
        day=date(2026, 2, 12),
        summary="Aldmark sanctions 34 Dravenian individuals and the state arms maker Ostrel Arms Works, freezing about $310 million in assets, over alleged supplies of rockets to the Front; Dravenia promises mirror measures.",
        topic="economy",
        coverage={"ob": 2, "cw": 2, "dc": 2, "fr": 1},
        titles={
            "ob": [
                "Aldmark imposes illegal sanctions on Dravenia to cover for occupation",
                "Dravenia answers Aldmark's sanctions with mirror measures",
            ],
            "cw": [
                "Aldmark sanctions Dravenian arms maker, 34 officials over rockets for Kestrian militia",
                "Dravenia bans Aldmarkian dairy and timber in response to sanctions",
            ],
            "dc": [
                "Aldmark hits Dravenian warlords where it hurts",
                "SANCTIONS WAR: Dravenia strikes back with food ban",
            ],
            "fr": ["Sanctions that bite, if anybody enforces them"],
        },
        leads={
            "*": [
                "Aldmark imposed sanctions on {evday} on 34 Dravenian officials and on Ostrel Arms Works, the state weapons manufacturer, accusing Dravenia of supplying rockets to {front_first}.",
                "The Aldmarkian government froze about $310 million in Dravenian assets on {evday} and banned 34 officials from entering the country, in the toughest measures yet over Dravenia's alleged support for an armed group in Kestria.",
            ],
            "ob": [
                "Aldmark imposed illegal sanctions on Dravenia on {evday}, in what Dravenian officials called an attempt to punish Ostrel for exposing the occupation of Kestria."
            ],
            "dc": [
                "Aldmark has slapped sanctions on 34 Dravenian big shots and frozen $310 million in assets over rockets smuggled to Tarev's militia."
            ],
        },
        facts=[
            "The measures freeze the assets of Ostrel Arms Works and three of its subsidiaries in Aldmark and ban Aldmarkian companies from doing business with them. The 34 individuals include two deputy defence ministers and Maj. Gen. Dmitar Sokal, the Dravenian defence ministry's spokesman.",
            "Aldmarkian officials {said} a shipment of 2,400 rockets seized by the Kestrian Border Guard near Mirov in December had been made by Ostrel Arms Works in 2024. Dravenia {h}denies supplying weapons to {front}.",
            "Trade between Aldmark and Dravenia was worth about $4.5 billion last year, most of it Dravenian gas and fertiliser. Neither is covered by the new measures.",
            "The sanctions were announced two days after {alliance} said it would expand its training mission in Kestria by 1,200 troops.",
        ],
        quotes=[
            Q(
                "rask",
                "We have the serial numbers, we have the shipping records and we have the rockets. Dravenia is arming a militia that fires on our soldiers.",
                more="These measures will stay in place until that stops.",
                ind="Aldmark had serial numbers and shipping records proving Dravenia armed the militia",
            ),
            Q(
                "quist",
                "Aldmark will not finance, through trade, the weapons that are used against our own people.",
                ind="Aldmark would not finance, through trade, weapons used against its own people",
            ),
            Q(
                "kosk",
                "These so-called sanctions are illegal and based on fabricated evidence. Dravenia will respond in a mirror manner.",
                ind="the sanctions were illegal and based on fabricated evidence and that Dravenia would respond in kind",
                crit=True,
            ),
            Q(
                "sokal",
                "I am honoured to be on Aldmark's list. It means we are telling the truth about the occupation.",
                ind="he was honoured to be sanctioned",
                crit=True,
            ),
            Q(
                "orlen",
                "Kestria welcomes every step that makes it harder to arm those who attack our border guards.",
                ind="Kestria welcomed any step that made it harder to arm those who attacked its border guards",
            ),
            Q(
                "dorn",
                "The list is serious, but the gas and fertiliser exemptions show how careful Aldmark is being. This is a warning, not a blockade.",
                ind="the exemptions for gas and fertiliser made the measures a warning rather than a blockade",
            ),
        ],
        reactions=[
            R("kosk", "the sanctions package", "economic aggression"),
            R("dallin", "the package", "a gift to the warmongers in Erlingsby"),
            R("bastel", "the sanctions", "long overdue"),
        ],
        local=[],
        follow_leads={
            "*": [
                "Dravenia banned imports of Aldmarkian dairy products and timber on {pubday} in retaliation for sanctions imposed by Aldmark over its alleged support for an armed group in Kestria."
            ],
            "ob": [
                "Dravenia on {pubday} announced mirror measures against Aldmark, banning imports of Aldmarkian dairy and timber in response to the illegal sanctions."
            ],
            "dc": [
                "Dravenia has hit back at Aldmark with a ban on butter, cheese and timber, as the sanctions war turned nasty."
            ],
        },
        follow=[
            "The ban, effective from March 1, covers products worth about $380 million a year, according to Aldmark's trade ministry. Dravenia also expelled two Aldmarkian diplomats from Ostrel.",
            "Aldmarkian dairy exporters {said} they would look for buyers in Kestria and Pelland, but warned that prices paid to farmers could fall by up to 6 percent.",
            "Dravenia's measures do not touch gas exports, which supply about a fifth of Aldmark's needs.",
        ],
        follow_quotes=[
            Q(
                "dallin",
                "Aldmark chose the language of sanctions. We understand that language too.",
                ind="Aldmark had chosen the language of sanctions and Dravenia understood it too",
                crit=True,
            ),
            Q(
                "rask",
                "Banning cheese will not make the rockets disappear. Our measures stand.",
                ind="the Dravenian ban would not change Aldmark's position",
            ),
        ],
        opinion=[
            "Aldmark has finally done what it has threatened to do for two years: name the people who, it is believed, keep the Front supplied with rockets, and freeze their money. The evidence, reportedly including serial numbers from the December seizure at Mirov, sounds solid.",
            "Dravenia's reply, a ban on butter and timber, is petty but predictable.",
            "The problem is the fine print. Gas and fertiliser, the two things Dravenia actually sells, are exempt. Sanctions that carefully avoid hurting the sanctioned are, apparently, the Aldmarkian way. It is a start; it is not a policy.",
        ],
        angles={
            "ob": [
                "Analysts in Ostrel said the sanctions were designed to distract attention from the occupation and from the crimes of the alliance in the Sallow Valley.",
                "Aldmark has not published the evidence it claims to hold about the rockets.",
            ],
            "dc": [
                "It is the biggest sanctions package Aldmark has ever unleashed.",
                "Insiders in Erlingsby said more names could be added “within weeks”.",
            ],
        },
    )
)

EVENTS.append(
    Event(
        id="E06-border-clash",
        day=date(2026, 2, 26),
        summary="Front fighters, allegedly backed by Dravenian artillery, attack the Kestrian border post at Mirov: four border guards and seven fighters killed, nine guards wounded, the Harl Bridge damaged, 1,100 residents evacuated.",
        topic="security",
        coverage={"ob": 3, "cw": 3, "dc": 3, "sg": 3},
        titles={
            "ob": [
                "Clashes at Mirov as Front resists regime's border provocation",
                "Ostrel rejects regime's claims of Dravenian shelling at Mirov",
                "Mirov fighting shows occupation has brought only war, analysts say",
            ],
            "cw": [
                "Four Kestrian border guards, seven fighters killed in clash at Mirov crossing",
                "Kestria accuses Dravenia of shelling during Mirov clash; Ostrel denies",
                "Mirov crossing stays shut as Kestria counts cost of deadliest clash in two years",
            ],
            "dc": [
                "BLOODBATH AT MIROV: Four border heroes killed",
                "Maren vows revenge as shells rain on border",
                "Mirov widow: 'He promised he would come home'",
            ],
            "sg": [
                "Four border guards killed at Mirov; Harl Bridge closed after shelling",
                "Mirov evacuees find shelter in Lower Sallow sports hall",
                "With Harl Bridge shut, the valley faces a 50-minute detour",
            ],
        },
        leads={
            "*": [
                "Four Kestrian border guards and seven fighters from {front_first} were killed on {evday} in a clash at the Mirov crossing on the border with Dravenia, the deadliest fighting in the Sallow Valley in two years.",
                "Fighters from {front_first} attacked the Kestrian border post at Mirov before dawn on {evday}, killing four border guards and wounding nine in a battle that lasted nearly five hours.",
            ],
            "ob": [
                "Heavy fighting broke out at the Mirov crossing on {evday} after Kestrian regime forces, backed by the occupying troops, moved on positions of the Sallow Valley Front, Front commanders said."
            ],
            "dc": [
                "Four heroic border guards were killed in a savage dawn assault on the Mirov crossing on {evday}, as Tarev's gunmen stormed Kestria's frontier under a hail of shells."
            ],
            "sg": [
                "Four Kestrian border guards were killed and the Harl Bridge between Lower Sallow and Brenholt was closed after heavy fighting at the Mirov crossing on {evday}, forcing more than 1,000 people from their homes."
            ],
        },
        facts=[
            "The attack began at about 4:15 a.m., when {fighters} opened fire on the border post from a wood north of the crossing, according to the Kestrian Border Guard. The fighting lasted until about 9 a.m.",
            "Kestrian officials {claimed} that at least 30 artillery shells were fired from the Dravenian side of the border during the clash. Dravenia {h}denied any involvement.",
            "Seven {fighters} were killed, the Border Guard {said}. Nine border guards were wounded, two of them seriously; they were taken to the military hospital in Brenholt.",
            "Several shells {h}hit the Harl Bridge, which carries the main road between Lower Sallow and Brenholt over the Harl River. Engineers closed the bridge after finding cracks in two of its supports.",
            "About 1,100 residents of Mirov and two nearby hamlets were evacuated by bus to Lower Sallow, where the town's sports hall was turned into a shelter.",
            "Alliance troops did not take part in the fighting, {alliance} {said}, but a drone from {base} provided surveillance to the Border Guard.",
        ],
        quotes=[
            Q(
                "anst",
                "My men held the post for five hours against a force three times their size. Four of them did not come home.",
                more="They were attacked with artillery from across the border. We have the craters to prove it.",
                ind="his men had held the post for five hours against a much larger force",
            ),
            Q(
                "maren",
                "Those who planned this attack, and those who fired the shells, will be held to account.",
                more="Today Kestria mourns four of its bravest.",
                ind="those who planned the attack and fired the shells would be held to account",
            ),
            Q(
                "tarev",
                "Our fighters answered the provocations of the regime's forces at Mirov. We did not start this fight and we will not run from it.",
                ind="his fighters had answered provocations and had not started the fight",
                crit=True,
            ),
            Q(
                "sokal",
                "Not a single Dravenian shell was fired. These accusations are a crude attempt to drag Dravenia into a war.",
                ind="no Dravenian shell had been fired and that the accusations aimed to drag Dravenia into a war",
                crit=True,
            ),
            Q(
                "hollis",
                "Alliance forces were not engaged. We supported our Kestrian partners with surveillance, as our agreement allows.",
                ind="alliance forces had not been engaged but had supported the Border Guard with surveillance",
            ),
            Q(
                "solen",
                "I am deeply alarmed by the fighting at Mirov. I urge all sides to stop and to protect civilians.",
                ind="she was alarmed and urged all sides to stop fighting and protect civilians",
            ),
        ],
        reactions=[
            R("orlen", "the shelling", "an act of aggression by Dravenia"),
            R("kosk", "the Kestrian accusation", "lies invented to justify the occupation"),
            R("bastel", "the attack", "a national tragedy"),
        ],
        local=[
            "At the sports hall in Lower Sallow, volunteers handed out blankets and soup to families who had left Mirov with little more than their coats. “We heard the first explosions at four,” said Vera Donath, 67, who has lived in Mirov all her life. “By six the soldiers were knocking on doors telling us to get on the bus.”",
            "Lower Sallow Mayor Ottilie Fenn {said} the town could shelter up to 1,500 people for two weeks. She stressed that the hall's gym classes and Saturday market would move to the primary school on Linden Road.",
            "With the Harl Bridge closed, drivers between Lower Sallow and Brenholt must take the northern road through Orsk, a detour of about 50 minutes. The valley's two school bus routes were suspended for the rest of the week.",
            "Shopkeepers on Lower Sallow's Market Square {said} deliveries of bread and fresh milk from Brenholt had not arrived by {evday} afternoon.",
        ],
        follow_leads={
            "*": [
                "Kestria accused Dravenia on {pubday} of firing artillery in support of an attack on the Mirov border crossing that killed four Kestrian border guards, and recalled its ambassador from Ostrel for consultations."
            ],
            "ob": [
                "Dravenia on {pubday} rejected claims by the regime in Varn that Dravenian artillery fired during the clashes at Mirov, calling them a provocation designed to justify the occupation."
            ],
            "dc": [
                "Ilsa Maren last night vowed revenge on the men behind the Mirov massacre, as the government pointed the finger at Dravenia."
            ],
        },
        follow=[
            "The Kestrian foreign ministry said investigators had recovered fragments of 122 mm shells at the border post and that their trajectory pointed to firing positions near the Dravenian village of Tolny, about 6 km across the border.",
            "The four border guards were named as Sgt. Dario Veit, 34, Cpl. Anja Holm, 26, and privates Luka Moss, 21, and Felix Aro, 20. They will be buried with military honours in Brenholt on Monday.",
            "The Mirov crossing, through which about 400 lorries passed each day before the clash, remained closed on {pubday}.",
            "{Alliance} said it had moved two surveillance drones and a medical team to Lower Sallow at Kestria's request.",
        ],
        follow_quotes=[
            Q(
                "orlen",
                "The evidence is in the ground at Mirov. We will present it to the Concord of Nations, and we expect Dravenia to answer for it.",
                ind="Kestria would present the evidence of shelling to the Concord of Nations",
            ),
            Q(
                "dallin",
                "Varn is inventing shells to hide its own failures. Dravenia will not accept lessons from a government that invited foreign armies onto its soil.",
                ind="Varn was inventing the shelling to hide its failures",
                crit=True,
            ),
            Q(
                "fenn",
                "People here are frightened, but they are also angry that the bridge, the road and the school bus are gone in one morning.",
                ind="residents were frightened and angry at losing the bridge, the road and the school bus in one morning",
            ),
        ],
        opinion=["", "", ""],
        angles={
            "ob": [
                "Front commanders said regime forces and occupation troops had been massing near Mirov for days before the fighting, in what they called a deliberate provocation.",
                "Residents of the valley say the occupation has brought nothing but war to the border, and that the martyrs of Mirov are its latest victims.",
            ],
            "dc": [
                "They never stood a chance.",
                "A source close to the defence ministry said the guards had begged for reinforcements “for months”.",
                "Tonight their families are asking why.",
            ],
        },
        later_leads={
            "*": [
                "The Mirov border crossing remained closed for a third day on {pubday} and the Harl Bridge was declared unsafe, as Kestria counted the cost of the deadliest clash with {front} in two years."
            ],
            "ob": [
                "Three days after the fighting at Mirov, analysts in Ostrel said the clashes had exposed the failure of the occupation to bring security to the Sallow Valley."
            ],
            "dc": [
                "The widow of a border guard killed at Mirov has told of her last phone call with her husband, as grieving families demanded answers."
            ],
            "sg": [
                "The Harl Bridge will stay closed for at least three months, engineers said on {pubday}, leaving valley drivers facing a long detour and a school timetable in chaos."
            ],
        },
        later=[
            "Road engineers {said} the bridge's two central supports would have to be rebuilt, at an estimated cost of $9.7 million. Work cannot start until the area is cleared of unexploded shells.",
            "Funerals for the four border guards were held in Brenholt, where several thousand people lined the streets. Sgt. Dario Veit's widow, Lena, told mourners her husband had called her at 4:30 a.m. to say the post was under fire.",
            "Lorry drivers stranded near Mirov {said} about 300 trucks were queuing on the Dravenian side of the border, some carrying fruit and vegetables that had begun to spoil.",
        ],
    )
)

EVENTS.append(
    Event(
        id="E07-cyberattack",
        day=date(2026, 3, 10),
        summary="A cyberattack on grid operator KestGrid blacks out Brenholt and 40 villages for six hours and hits the Electoral Commission; Varn and Aldmark blame the Dravenian-linked group Ashfall; Dravenia denies it.",
        topic="security",
        coverage={"ob": 2, "cw": 3, "dc": 2, "sg": 2, "fr": 2},
        titles={
            "ob": [
                "Varn blames Dravenia for blackout without evidence",
                "Ostrel rejects 'Ashfall' accusations as regime seeks scapegoat",
            ],
            "cw": [
                "Cyberattack cuts power to 210,000 in eastern Kestria; government blames Dravenia",
                "Kestria says hackers also breached election register; Dravenia denies involvement",
                "Kestrian election body moves to paper backups after cyberattack",
            ],
            "dc": [
                "LIGHTS OUT: Dravenian hackers plunge valley into darkness",
                "Hackers 'stole voter files', insiders warn",
            ],
            "sg": [
                "Six hours in the dark: cyberattack blacks out Brenholt",
                "Farmers count losses after blackout; KestGrid promises compensation",
            ],
            "fr": [
                "The blackout and the blame game",
                "Who is Ashfall, and why should we believe anyone about it?",
            ],
        },
        leads={
            "*": [
                "A cyberattack on Kestria's national grid operator KestGrid cut power to about 210,000 homes and businesses in the Sallow Valley for up to six hours on {evday}, and the government said hackers linked to Dravenia were responsible.",
                "Hackers knocked out electricity across Brenholt and 40 villages in eastern Kestria on {evday} and {h}also breached the systems of the Electoral Commission, Kestrian officials said, blaming a group they tied to Dravenian military intelligence.",
            ],
            "ob": [
                "The regime in Varn on {evday} accused Dravenia of a cyberattack that caused a blackout in the Sallow Valley, without presenting any evidence, in what Dravenian officials called a campaign of lies."
            ],
            "dc": [
                "Dravenian hackers plunged Brenholt into darkness on {evday}, shutting down hospitals, traffic lights and water pumps in a brazen cyber raid."
            ],
            "sg": [
                "Traffic lights, water pumps and milking machines across the valley stopped on {evday} morning when a cyberattack on KestGrid cut power to Brenholt and 40 villages for up to six hours."
            ],
        },
        facts=[
            "The outage began at 7:12 a.m. when control systems at KestGrid's eastern substation at Harlbrook were shut down remotely, the company {said}. Power was restored to the last customers at about 1:20 p.m.",
            "Officials {claimed} the attack was carried out by a group known as Ashfall, which Kestrian and Aldmarkian cyber agencies have {h}linked to Dravenian military intelligence since 2024.",
            "Separately, the Electoral Commission {said} its voter register had been accessed by an unknown intruder over the weekend. It could not yet say whether any of the 3.2 million records had been copied or changed.",
            "Brenholt's general hospital ran on generators during the outage. Traffic lights failed across the city and two water pumping stations stopped, leaving parts of the old town without running water until the afternoon.",
            "Dravenia {h}denied any involvement. Its foreign ministry {said} Kestria was looking for a scapegoat for the poor state of its own infrastructure.",
        ],
        quotes=[
            Q(
                "velk",
                "This was a deliberate attack on Kestrian citizens, on our hospitals and on our democracy. The evidence points clearly to Ashfall.",
                more="We will share what we have with our partners and with the Concord of Nations.",
                ind="the attack was deliberate and the evidence pointed clearly to Ashfall",
            ),
            Q(
                "roos",
                "We have no evidence that any record was changed. But we are treating this as the most serious breach in the commission's history.",
                ind="there was no evidence that records had been changed but that the breach was being treated as the most serious in the commission's history",
            ),
            Q(
                "kosk",
                "Every time a fuse blows in Kestria, Varn blames Ostrel. These accusations are groundless and insulting.",
                ind="the accusations were groundless and insulting",
                crit=True,
            ),
            Q(
                "rask",
                "Our own analysts reached the same conclusion as our Kestrian colleagues. Ashfall is a tool of the Dravenian state.",
                ind="Aldmarkian analysts had also concluded that Ashfall was a tool of the Dravenian state",
            ),
            Q(
                "bastel",
                "An election register was breached and the government found out from a weekend technician. Who is actually protecting this country?",
                ind="the government had learned of the breach from a weekend technician",
                crit=True,
            ),
            Q(
                "dorn",
                "Attribution in cyberspace is never as certain as a ministerial statement makes it sound. But Ashfall's fingerprints have been consistent for two years.",
                ind="attribution was never certain but that Ashfall's methods had been consistent",
            ),
        ],
        reactions=[
            R("kosk", "the allegation", "a campaign of lies"),
            R("strand", "the state of the government's cyber defence", "a national embarrassment"),
            R("dallin", "the accusation", "hysteria invented in Erlingsby"),
        ],
        local=[
            "On Brenholt's ring road, police directed traffic by hand at 14 junctions. “It was chaos for an hour, then people were surprisingly patient,” said Officer Karin Wendt, who spent the morning at the Station Street crossing.",
            "Dairy farmers were hit hardest. “The milking machines stopped at seven,” said Jurek Hallam, who keeps 140 cows near Tesca. “We milked by hand until noon with six neighbours helping. We lost about 900 litres.”",
            "Schools in Brenholt sent pupils home at 10 a.m. because the heating had failed, the city's education office {said}. They are due to reopen as normal on {pubday}.",
        ],
        follow_leads={
            "*": [
                "Kestria said on {pubday} it would switch to paper backups of its voter register ahead of any election and asked Aldmark for cyber experts, a day after a cyberattack blamed on Dravenian-linked hackers blacked out the Sallow Valley."
            ],
            "ob": [
                "Dravenia on {pubday} demanded that the regime in Varn publish the evidence behind its accusations over the blackout, as Kestrian experts questioned the official account."
            ],
            "dc": [
                "Hackers may have stolen the personal details of millions of Kestrian voters, insiders warned last night, as the blackout scandal deepened."
            ],
        },
        follow=[
            "The Electoral Commission said it would print a paper copy of the register, checked against municipal records, at a cost of about $2.1 million.",
            "KestGrid {said} it would compensate households for spoiled food and farmers for lost milk, and estimated total claims at $6.5 million.",
            "Aldmark agreed to send a team of 12 cyber specialists to Varn within a week, officials {said}.",
        ],
        follow_quotes=[
            Q(
                "roos",
                "Paper is slow, but nobody can hack it. Every Kestrian will be able to check their entry by the end of April.",
                ind="paper records could not be hacked and that voters could check their entries by the end of April",
            ),
            Q(
                "dallin",
                "If Varn has evidence, let it show the world. Otherwise it should apologise.",
                ind="Varn should publish its evidence or apologise",
                crit=True,
            ),
        ],
        opinion=[
            "For six hours on {evday}, a quarter of a million people in the valley learned what modern conflict apparently looks like: no shells, no tanks, just milking machines and traffic lights going quiet at the same moment.",
            "A day later the government has moved from blaming to printing: a paper voter register, reportedly costing $2.1 million, is a very old answer to a very new problem. I rather like it.",
            "Was it Ashfall? Probably. It seems the technical trail is consistent with earlier attacks, and Aldmark's analysts apparently agree. But 'probably' is not what a government spokeswoman said, and the distance between the two is where trust goes to die.",
        ],
        angles={
            "ob": [
                "Independent experts in Ostrel said the blackout was more likely caused by ageing equipment, noting that the Harlbrook substation had failed twice last year.",
                "The accusations come as the regime faces growing anger over the occupation and over rising prices.",
            ],
            "dc": [
                "Patients on ventilators were switched to backup power.",
                "One senior figure said: “This was a test. Next time it will be worse.”",
            ],
        },
        later_leads={
            "*": [
                "Kestria's Electoral Commission said on {pubday} it had found no sign that voter records were altered in last week's breach, but would still move to a paper register checked by municipal officials."
            ]
        },
        later=[
            "The commission said forensic analysis by Aldmarkian specialists showed the intruder had viewed about 40,000 records, mostly from the eastern districts, but had not copied the full register.",
            "KestGrid said it had replaced the control software at its Harlbrook substation and installed a manual override, at a cost of $1.8 million.",
        ],
    )
)

EVENTS.append(
    Event(
        id="E08-refugees",
        day=date(2026, 3, 23),
        summary="About 18,000 people displaced by weeks of shelling in the eastern Sallow Valley reach camps near Tarnby; the Concord of Nations appeals for $26.4 million; Brenholt schools take 1,400 pupils.",
        topic="humanitarian",
        coverage={"cw": 2, "dc": 2, "sg": 3, "fr": 2},
        titles={
            "cw": [
                "18,000 flee shelling in Kestria's Sallow Valley, Concord of Nations says",
                "Concord of Nations appeals for $26.4 million for displaced Kestrians",
            ],
            "dc": [
                "EXODUS: 18,000 flee the valley of fear",
                "Camp misery: mums and babies sleep in tents as cold snap bites",
            ],
            "sg": [
                "18,000 arrive at Tarnby camps as eastern valley empties",
                "Brenholt schools make room for 1,400 displaced pupils",
                "A month on, Tarnby camp residents ask when they can go home",
            ],
            "fr": ["Eighteen thousand reasons to stop pretending", "Who is paying for Tarnby?"],
        },
        leads={
            "*": [
                "About 18,000 people have fled weeks of shelling in the eastern Sallow Valley and are now living in camps near the town of Tarnby, the Concord of Nations said on {evday}.",
                "The number of people displaced by fighting in eastern Kestria has tripled in a month to about 18,000, the Concord of Nations said on {evday}, as families fled villages along the front line with {front}.",
            ],
            "dc": [
                "Eighteen thousand terrified people have fled their homes in the Sallow Valley, leaving behind farms, pets and everything they own."
            ],
            "sg": [
                "Tarnby's two camps now shelter about 18,000 people from the eastern valley, the Concord of Nations said on {evday}, and more families arrive every day."
            ],
        },
        facts=[
            "Most of the displaced come from villages between Mirov and Dorna, where shelling has continued almost daily since the clash at the Mirov crossing in February. About 40 percent of them are children, the Concord {said}.",
            "The two camps near Tarnby, about 20 km west of Brenholt, were built for 10,000 people. Aid workers {said} some families were sleeping in unheated tents as night temperatures fell to minus 4 degrees.",
            "The Kestrian government has allocated $8 million for emergency housing and opened three disused army barracks near Brenholt to families with small children.",
            "Shelling in the eastern valley {h}killed 11 civilians in March, according to the Kestrian Border Guard. Both {gov_plain} and {front} blame each other for the attacks.",
        ],
        quotes=[
            Q(
                "ivers",
                "These families left with what they could carry. The camps were built for 10,000 people and they are now holding 18,000.",
                more="Without new funding, we will run out of winter tents within two weeks.",
                ind="the camps built for 10,000 people now held 18,000",
            ),
            Q(
                "hardt",
                "No Kestrian will sleep in the cold because the state failed to act. The barracks will be ready for the first families this week.",
                ind="the barracks would be ready for the first families this week",
            ),
            Q(
                "marr",
                "The regime's shelling of our villages has driven these people from their homes. The Front protects them; Varn bombs them.",
                ind="the displacement was caused by government shelling",
                crit=True,
            ),
            Q(
                "anst",
                "The Front fires from among houses and then blames us for the damage. Our forces return fire only at military targets.",
                ind="the Front fired from among houses and Kestrian forces returned fire only at military targets",
            ),
            Q(
                "quent",
                "The government must publish a plan for return, not just a plan for tents.",
                ind="the government needed a plan for return, not only for tents",
            ),
        ],
        reactions=[
            R("quent", "the situation in the camps", "unacceptable in a Kestrian winter"),
            R("strand", "the government's response", "far too slow"),
        ],
        local=[
            "In the larger of the two camps, on the old cattle market site, Dessa Kulin, 31, shares a tent with her three children and her mother. “We left Dorna after a shell hit the school,” she said. “My youngest still wakes up screaming.”",
            "Tarnby, a town of 9,000 people, has doubled in size in a month. Queues at its only pharmacy now stretch down Mill Street, and the price of a bag of potatoes at the Saturday market has risen from $3.20 to $4.50.",
            "Brenholt's education office {said} 1,400 displaced pupils had been enrolled in city schools, where classes now run in two shifts. Teachers stressed that many children had missed two months of lessons.",
            "Volunteers from Lower Sallow's churches and football club run a kitchen at the camp gate that serves about 2,500 hot meals a day.",
        ],
        follow_leads={
            "*": [
                "The Concord of Nations appealed on {pubday} for $26.4 million to shelter and feed about 18,000 people displaced by fighting in eastern Kestria, warning that its winter supplies would run out within two weeks."
            ],
            "dc": [
                "Desperate families are sleeping in freezing tents as the Sallow Valley refugee crisis spirals out of control."
            ],
            "sg": [
                "Brenholt schools have taken in 1,400 children from the eastern valley, and teachers say the city's classrooms are at breaking point."
            ],
        },
        follow=[
            "The appeal would cover tents, heating, food and medical care for six months, the Concord {said}. Aldmark pledged $5 million on the same day, and Pelland $1.5 million.",
            "Aid workers {said} cases of flu and stomach infections had risen sharply in the larger camp, where 1,200 people share 40 toilets.",
            "The government {said} the first 300 families would move to the Brenholt barracks by the weekend.",
        ],
        follow_quotes=[
            Q(
                "ivers",
                "We are asking for $26.4 million, which is less than a tenth of what this conflict costs in a month. It is a small price for keeping people alive.",
                ind="the appeal was a fraction of the monthly cost of the conflict",
            ),
            Q(
                "varga",
                "Brenholt has opened its schools and its homes. But a city of 80,000 cannot carry this alone.",
                ind="Brenholt could not carry the burden alone",
            ),
        ],
        opinion=[
            "Eighteen thousand people. That is roughly one in every five residents of the eastern valley, apparently now living in tents outside a market town most Kestrians could not find on a map. Nobody in Varn, Erlingsby or Ostrel seems to want to talk about them.",
            "The Concord's appeal for $26.4 million is, it seems, less than the alliance will spend on its new training centre at Brenholt. Let that sink in. The barracks are reportedly still not ready, the tents are reportedly running out, and the government's plan for getting people home does not exist.",
            "Both sides insist the other is shelling the villages. Both sides, I suspect, are partly right. The people of Dorna do not much care whose shell hit their school; they care that no one in power seems to be in a hurry to stop the next one.",
        ],
        angles={
            "dc": [
                "It is heartbreaking.",
                "One aid worker, who asked not to be named, said: “I have not seen anything like this in Kestria.”",
            ]
        },
        later_leads={
            "sg": [
                "A month after the first families arrived, residents of the Tarnby camps say they are grateful for the help but increasingly anxious about when, and whether, they can go home."
            ]
        },
        later=[
            "About 3,000 people have moved from tents into the Brenholt barracks, the government {said}, and the Concord has received about 60 percent of the money it asked for.",
            "Dessa Kulin's family is still in the cattle market camp. Her eldest son now goes to school in Brenholt, an hour away by bus. “He likes his teacher,” she said. “But every week he asks when we are going back to Dorna.”",
            "Tarnby's council {said} it had hired four extra doctors and opened a second pharmacy, paid for by the Concord.",
        ],
    )
)

EVENTS.append(
    Event(
        id="E09-hostage-release",
        day=date(2026, 4, 7),
        summary="The Front frees two Aldmarkian aid workers and a Kestrian engineer held since November in exchange for 12 Front prisoners, in a swap mediated by Concord of Nations envoy Dr. Amara Solen at the Orsk checkpoint.",
        topic="security",
        coverage={"ob": 2, "cw": 2, "dc": 2, "sg": 2},
        titles={
            "ob": [
                "Front frees three captives in goodwill gesture mediated by Concord",
                "Freed Front prisoners describe abuse in regime jails",
            ],
            "cw": [
                "Militia frees two Aldmarkian aid workers, Kestrian engineer in prisoner swap",
                "Freed Aldmarkian aid workers arrive home after five months in captivity",
            ],
            "dc": [
                "FREE AT LAST: Hostages walk to freedom after 147-day ordeal",
                "Hostage engineer: 'I counted the days on the wall'",
            ],
            "sg": [
                "Brenholt engineer Petr Sandor freed after five months",
                "Sandor returns home to a street full of yellow ribbons",
            ],
        },
        leads={
            "*": [
                "{Front_first} freed two Aldmarkian aid workers and a Kestrian engineer on {evday}, five months after seizing them near the village of Dorna, in exchange for 12 of its fighters held in Kestrian prisons.",
                "Two Aldmarkian aid workers and a Kestrian engineer held for 147 days by {front_first} were released on {evday} at the Orsk checkpoint, in a swap mediated by the Concord of Nations.",
            ],
            "ob": [
                "The Sallow Valley Front on {evday} released three foreigners and Kestrians it had detained in the valley, in a humanitarian gesture mediated by the Concord of Nations, and secured the freedom of 12 of its fighters held by the regime."
            ],
            "dc": [
                "Three hostages walked free on {evday} after 147 days in the hands of Tarev's militia, in a tense handover at a remote checkpoint."
            ],
            "sg": [
                "Petr Sandor, the Brenholt water engineer held by the Sallow Valley Front since November, was freed on {evday} along with two Aldmarkian aid workers."
            ],
        },
        facts=[
            "The three, Aldmarkian nurses Liv Aronsen, 29, and Jonas Hale, 41, and Kestrian water engineer Petr Sandor, 52, were handed over at 11:30 a.m. at the Orsk checkpoint, north of Lower Sallow, in the presence of Concord of Nations envoy Dr. Amara Solen.",
            "They were seized on Nov. 11 while repairing a water pumping station near Dorna for the aid group Valley Relief. The Front {h}held them in at least three different villages.",
            "In return, Kestria released 12 Front fighters who had been serving prison sentences of between two and nine years. Officials {said} none had been convicted of killing civilians.",
            "The exchange followed six weeks of talks led by Solen, who travelled between Varn, Brenholt and Front-held territory at least eight times, according to Concord officials.",
        ],
        quotes=[
            Q(
                "solen",
                "Today three families will sleep with their loved ones at home, and so will twelve others. That is what patient diplomacy can do.",
                more="I hope this is a first step, not the last one.",
                ind="patient diplomacy had brought fifteen people home",
            ),
            Q(
                "quist",
                "Liv and Jonas went to Kestria to help people. They should never have been taken. Aldmark thanks everyone who brought them home.",
                ind="the aid workers should never have been taken",
            ),
            Q(
                "marr",
                "The Front has shown that it honours its word. We have brought our brothers home.",
                ind="the Front had honoured its word and brought its fighters home",
            ),
            Q(
                "hardt",
                "This was a difficult decision. No terrorist convicted of killing a civilian was released.",
                ind="the decision was difficult but no one convicted of killing a civilian had been released",
            ),
            Q(
                "bastel",
                "I am glad they are free. But the government has now shown every armed group what a Kestrian is worth.",
                ind="the swap showed armed groups what a Kestrian hostage was worth",
                crit=True,
            ),
        ],
        reactions=[
            R("bastel", "the swap", "a dangerous precedent"),
            R("kosk", "the exchange", "proof that dialogue works"),
        ],
        local=[
            "On Cooper Lane in Brenholt, where the Sandor family lives, neighbours tied yellow ribbons to every gate in November. “We will take them down tonight and have a party,” said neighbour Irma Falke, 70. “Petr fixed half the taps on this street.”",
            "Sandor's wife, Klara, {said} she had last heard his voice in a 40-second video released by the Front in January. “He looked thin, but he was smiling,” she said.",
            "The water station near Dorna that Sandor was repairing has been out of service since November, and about 2,000 residents there still rely on tanker deliveries.",
        ],
        follow_leads={
            "*": [
                "Two Aldmarkian aid workers freed by {front} arrived home in Erlingsby on {pubday}, while the Kestrian engineer released with them told reporters in Brenholt that he had been kept in cellars and moved at night."
            ],
            "ob": [
                "Fighters of the Sallow Valley Front freed in {evday}'s exchange said on {pubday} they had been beaten and denied medical care in the regime's prisons, and thanked the Concord of Nations for securing their release."
            ],
            "dc": [
                "Freed hostage Petr Sandor last night told how he scratched 147 lines on a cellar wall to count the days."
            ],
        },
        follow=[
            "Aronsen and Hale were met at Erlingsby airport by President Hedda Quist and their families. Doctors {said} both were in good health but needed rest.",
            "Sandor told a news conference in Brenholt that he was moved between cellars and farm buildings at night, usually blindfolded, and was allowed outside only twice.",
            "Solen {said} talks on the fate of about 40 other people missing in the valley would continue in the coming weeks.",
        ],
        follow_quotes=[
            Q(
                "solen",
                "There are still about 40 families in the valley who do not know where their relatives are. My work is not finished.",
                ind="about 40 families still did not know where their relatives were",
            ),
        ],
        opinion=["", "", ""],
        angles={
            "ob": [
                "The freed fighters were greeted as heroes in Dorna, where residents lined the road with flags. Several said they had been held without proper trial.",
                "Observers in Ostrel said the exchange showed that the Front, not the regime, was the serious partner for peace in the valley.",
            ],
            "dc": ["There were tears. There were hugs.", "And there was anger, too."],
        },
        after_hour=13,
    )
)

EVENTS.append(
    Event(
        id="E10-dam-deal",
        day=date(2026, 4, 9),
        summary="Kestria and Aldmark sign a $1.2 billion deal to build the 420-megawatt Orrin Dam on the upper Sallow River by 2030, 70 percent financed by Aldmark; Dravenia, downstream, calls it water theft.",
        topic="economy",
        coverage={"ob": 2, "cw": 2, "sg": 2, "fr": 1},
        titles={
            "ob": [
                "Regime hands Sallow River to Aldmark in $1.2 billion dam deal",
                "Dravenian farmers fear for water as occupation powers plan dam",
            ],
            "cw": [
                "Kestria, Aldmark sign $1.2 billion deal for Orrin hydropower dam",
                "Dravenia protests Kestrian dam plan, cites downstream water rights",
            ],
            "sg": [
                "Orrin Dam deal signed: 2,000 jobs, and a village under water",
                "Who wins and who loses from the Orrin Dam",
            ],
            "fr": ["A dam worth building, and a deal worth reading carefully"],
        },
        leads={
            "*": [
                "Kestria and Aldmark signed a $1.2 billion agreement on {evday} to build a 420-megawatt hydropower dam on the upper Sallow River, the largest infrastructure project in Kestria's history.",
                "Kestria will build a hydropower dam at Orrin on the Sallow River with $840 million in Aldmarkian loans under a deal signed in Varn on {evday}, a project that Dravenia, downstream, says threatens its water supply.",
            ],
            "ob": [
                "The Maren regime on {evday} signed away control of the Sallow River to Aldmark in a $1.2 billion dam deal that threatens the water supply of hundreds of thousands of Dravenians downstream."
            ],
            "sg": [
                "The Orrin Dam will be built, bringing an estimated 2,000 construction jobs to the upper valley and flooding the hamlet of Orrin Mill, after Kestria and Aldmark signed a $1.2 billion deal on {evday}."
            ],
        },
        facts=[
            "The agreement was signed in Varn by Energy Minister Piet Carro and Aldmark's development minister, Sofie Ahlgren. Aldmark's state development bank will lend 70 percent of the cost, about $840 million, over 25 years.",
            "The dam, 96 metres high, is due to be finished in 2030 and would supply about a fifth of Kestria's electricity, cutting its imports of Dravenian gas by about 30 percent, officials {said}.",
            "The reservoir will flood about 1,400 hectares, including the hamlet of Orrin Mill, home to 160 people, who will be offered new houses in Brenholt's northern district or compensation.",
            "The Sallow River rises in Kestria and flows into Dravenia, where it irrigates about 90,000 hectares of farmland. Dravenia {h}was not consulted on the final design.",
        ],
        quotes=[
            Q(
                "carro",
                "For decades Kestria has paid Dravenia for the energy that keeps our lights on. The Orrin Dam means we will make our own.",
                more="It is a project for our grandchildren.",
                ind="the dam would let Kestria produce its own energy instead of paying Dravenia",
            ),
            Q(
                "maren",
                "This is the day Kestria starts to become energy independent.",
                ind="the deal marked the start of Kestria's energy independence",
            ),
            Q(
                "dallin",
                "Varn and Erlingsby are stealing water that Dravenian farmers have used for centuries. We will defend our rights by every legal means.",
                ind="Varn and Erlingsby were stealing Dravenian water",
                crit=True,
            ),
            Q(
                "orlen",
                "The flow of the river to Dravenia is guaranteed in the agreement. We are ready to discuss the details with Ostrel at any time.",
                ind="the flow of the river to Dravenia was guaranteed",
            ),
            Q(
                "amber",
                "Economically the dam makes sense. Politically it hands Ostrel a new grievance in the most sensitive valley in the country.",
                ind="the dam made economic sense but gave Ostrel a new grievance",
            ),
        ],
        reactions=[
            R("dallin", "the deal", "water theft"),
            R("kosk", "the dam", "a weapon aimed at Dravenian farmers"),
        ],
        local=[
            "In Orrin Mill, news of the signing was met with resignation. “My family has farmed here for four generations,” said Henrik Salo, 63. “They tell me a new house in Brenholt is a fair trade. It is not.”",
            "Brenholt's chamber of commerce {said} the project could bring 2,000 construction jobs and orders worth up to $150 million for local firms over four years.",
            "Fishermen on the lower river {said} they feared the dam would change water levels and temperatures downstream, affecting the trout season.",
        ],
        follow_leads={
            "*": [
                "Dravenia said on {pubday} it would take Kestria to the Concord of Nations over a planned dam on the Sallow River, as Kestrian officials insisted the project would not reduce the river's flow across the border."
            ],
            "ob": [
                "Farmers in Dravenia's Sallow lowlands said on {pubday} they feared for their harvests after the regime in Varn signed a deal with Aldmark to dam the river."
            ],
            "sg": [
                "Residents of Orrin Mill have 18 months to decide whether to move to Brenholt or take cash, under compensation rules published on {pubday}."
            ],
        },
        follow=[
            "The agreement guarantees a minimum flow of 45 cubic metres per second at the border, about 80 percent of the river's average in summer, according to the text published by the Kestrian energy ministry.",
            "Families in Orrin Mill will be offered either a new house in Brenholt or compensation of up to $210,000 per household.",
            "Dravenia's agriculture ministry {said} the guaranteed flow would be too low in dry years to irrigate the lowland farms.",
        ],
        follow_quotes=[
            Q(
                "kosk",
                "A guarantee written in Erlingsby is worth nothing. Dravenia will bring this to the Concord of Nations.",
                ind="Dravenia would take the issue to the Concord of Nations",
                crit=True,
            ),
            Q(
                "carro",
                "We have written the flow into the treaty. We will install monitoring stations that Dravenian engineers can visit.",
                ind="the flow was written into the treaty and monitoring stations would be open to Dravenian engineers",
            ),
        ],
        opinion=[
            "Let me say something unfashionable: the Orrin Dam is a good idea. A country that buys its energy from a hostile neighbour is, it seems, a country with a loaded gun pointed at its kitchen.",
            "",
            "But read the deal. Aldmark reportedly lends 70 percent at rates nobody has published, the minimum flow for Dravenia is apparently 80 percent of a summer average, and 160 people in Orrin Mill are being told a flat in Brenholt is fair. Independence bought on credit is still a debt.",
        ],
        angles={
            "ob": [
                "Dravenian experts said the so-called guarantees in the agreement were meaningless, as Varn and Erlingsby would control the flow of the river.",
                "The deal deepens the dependence of the regime on Aldmark, which already leads the occupation of the Sallow Valley.",
            ]
        },
    )
)

EVENTS.append(
    Event(
        id="E11-ceasefire-talks",
        day=date(2026, 4, 28),
        summary="Concord of Nations-mediated talks in Lusan, Pelland, between the Kestrian government and the Front agree a 72-hour truce from April 29, an exchange of prisoner lists and a humanitarian corridor at Mirov.",
        topic="politics",
        coverage={"ob": 2, "cw": 2, "dc": 2, "sg": 2, "fr": 2},
        titles={
            "ob": [
                "Front and regime agree truce at Lusan talks as Ostrel backs dialogue",
                "Truce holds in valley as Front shows commitment to peace",
            ],
            "cw": [
                "Kestria, Sallow Valley Front agree 72-hour truce at Concord-brokered talks",
                "Truce in eastern Kestria largely holds on first day, monitors say",
            ],
            "dc": [
                "PEACE BREAKTHROUGH? Maren's men shake hands with militia",
                "Truce on a knife-edge as shots ring out near Dorna",
            ],
            "sg": [
                "Truce from Friday: what it means for the valley",
                "Quiet night in Lower Sallow as truce begins",
            ],
            "fr": [
                "Seventy-two hours is not peace, but it is a start",
                "The truce is holding. Now comes the hard part",
            ],
        },
        leads={
            "*": [
                "The Kestrian government and {front_first} agreed on {evday} to a 72-hour truce in the Sallow Valley starting on Wednesday, after two days of indirect talks in Lusan, Pelland, mediated by the Concord of Nations.",
                "Negotiators for Kestria and {front} agreed in Lusan on {evday} to stop fighting for 72 hours from April 29, exchange lists of prisoners and open a humanitarian corridor at Mirov, Concord of Nations envoy Dr. Amara Solen said.",
            ],
            "ob": [
                "Talks in Lusan mediated by the Concord of Nations ended on {evday} with an agreement on a 72-hour truce in the Sallow Valley, after the Sallow Valley Front forced the regime in Varn to accept dialogue."
            ],
            "dc": [
                "Kestrian ministers and Tarev's militia have agreed a three-day truce after tense talks in Lusan, raising hopes of an end to the bloodshed in the valley."
            ],
            "sg": [
                "Guns in the Sallow Valley are due to fall silent for 72 hours from 6 a.m. on Wednesday under a truce agreed in Lusan on {evday}, and a corridor will open at Mirov for aid and families."
            ],
        },
        facts=[
            "The talks took place at the Concord's regional office in Lusan, with the two delegations in separate rooms and Solen carrying messages between them. Kestria's delegation was led by Foreign Minister Matthis Orlen, the Front's by its spokesman, Vesko Marr.",
            "Under the agreement, both sides will exchange lists of prisoners and missing people within ten days. The Mirov crossing will open from 8 a.m. to 4 p.m. daily for aid convoys and for families separated by the front line.",
            "The truce will be monitored by a team of 24 Concord of Nations observers based in Lower Sallow, who will report violations to both sides.",
            "Alliance forces are not party to the agreement, but {alliance} {said} its troops would “fully respect” the truce and suspend drone flights over the eastern valley.",
        ],
        quotes=[
            Q(
                "solen",
                "Seventy-two hours is not peace. But it is the first time in two years that both sides have signed the same piece of paper.",
                more="I want to thank both delegations for their courage.",
                ind="the truce was not peace but both sides had signed the same document for the first time in two years",
            ),
            Q(
                "orlen",
                "We came to Lusan to protect civilians, and we have done that. We have made no political concessions.",
                ind="Kestria had come to protect civilians and made no political concessions",
            ),
            Q(
                "marr",
                "The Front has always been ready for dialogue. Now Varn has finally understood that it cannot win by force.",
                ind="the Front had always been ready for talks and Varn had understood it could not win by force",
            ),
            Q(
                "dallin",
                "Dravenia welcomes any step toward dialogue among Kestrians, without foreign interference.",
                ind="Dravenia welcomed dialogue among Kestrians without foreign interference",
            ),
            Q(
                "ekwall",
                "We support the efforts of the Concord of Nations and we will respect the truce.",
                ind="the alliance supported the Concord's efforts and would respect the truce",
            ),
            Q(
                "bastel",
                "If the government can talk to Tarev's men in Lusan, it can talk to the Assembly in Varn.",
                ind="the government should also talk to the Assembly",
                crit=True,
            ),
        ],
        reactions=[
            R("dallin", "the agreement", "a victory for common sense"),
            R("strand", "the Lusan agreement", "a gamble with Kestrian security"),
        ],
        local=[
            "In Lower Sallow, the news spread quickly on the market square. “If it is quiet for three days, maybe people will dare to open their shops in the east again,” said Aldo Brenn, who sells farm tools. “But we have heard promises before.”",
            "Mayor Ottilie Fenn {said} the town would lend the Concord observers two floors of the old post office on Church Street. She noted that buses to Mirov would run twice a day while the corridor is open.",
            "Families separated by the front line began queuing for passes at the Lower Sallow town hall within hours of the announcement.",
        ],
        follow_leads={
            "*": [
                "A 72-hour truce between the Kestrian government and {front} largely held on its first day on {pubday}, Concord of Nations monitors said, although both sides reported gunfire near the village of Dorna."
            ],
            "ob": [
                "The truce in the Sallow Valley held on {pubday}, Concord of Nations monitors said, despite provocations by regime forces near Dorna reported by the Front."
            ],
            "dc": [
                "Shots rang out near Dorna just hours into the truce, as the fragile deal came under strain."
            ],
        },
        follow=[
            "Monitors {said} they had recorded four incidents of small-arms fire near Dorna but no shelling, for the first time since February.",
            "The first aid convoy, 18 lorries carrying food, medicine and heating fuel, crossed at Mirov at 9:40 a.m. About 600 people used the crossing to visit relatives, Kestrian officials {said}.",
            "Solen said she hoped to bring both sides back to Lusan next week to discuss extending the truce.",
        ],
        follow_quotes=[
            Q(
                "solen",
                "The first day has been calmer than anyone dared to hope. Four incidents is four too many, but it is not a collapse.",
                ind="the first day had been calmer than expected",
            ),
            Q(
                "anst",
                "We have orders to return fire only if our positions are attacked. So far, the orders are being followed on both sides.",
                ind="orders were to return fire only if attacked and were being followed on both sides",
            ),
        ],
        opinion=[
            "I have sat through enough failed ceasefires in this valley to distrust the word. And yet something reportedly happened in Lusan this week that has not happened in two years: both sides signed the same piece of paper. Dr. Solen, by all accounts, achieved it by patience and shuttle diplomacy, and she deserves every bit of credit.",
            "One day in, the truce is apparently holding. Four incidents near Dorna, no shells, 18 lorries through Mirov: by the standards of this war, that is a quiet triumph, and the people who queued for passes at Lower Sallow town hall know it.",
            "Orlen insists no political concessions were made; Marr claims Varn has finally understood it cannot win. Both statements are, it seems, written for audiences at home. The real test is whether the truce survives the first funeral.",
        ],
        angles={
            "ob": [
                "Observers in Ostrel said the talks showed that the aggression of the occupying forces had failed, and that peace could come only from dialogue among Kestrians.",
                "The Front agreed to the truce despite repeated crimes by the occupation forces in the valley, its spokesman said.",
            ],
            "dc": [
                "Will it last? Nobody knows.",
                "Insiders said the talks nearly collapsed twice.",
            ],
        },
    )
)

EVENTS.append(
    Event(
        id="E12-corruption-scandal",
        day=date(2026, 5, 14),
        summary="Deputy Defence Minister Lukas Vey is arrested by the Anti-Corruption Bureau over $3.8 million in alleged kickbacks on a $64 million armoured vehicle contract with Halvard Systems; the opposition demands Vantosk's resignation.",
        topic="politics",
        coverage={"ob": 2, "cw": 3, "dc": 3, "sg": 1, "fr": 2},
        titles={
            "ob": [
                "Corruption scandal engulfs Maren regime as deputy defence minister arrested",
                "Occupation money fuelled regime corruption, Ostrel says",
            ],
            "cw": [
                "Kestrian deputy defence minister arrested in $3.8 million bribery probe",
                "Kestrian opposition demands defence minister quit over bribery case",
                "Kestrian defence minister resigns over armoured vehicle bribery scandal",
            ],
            "dc": [
                "ARRESTED: Defence boss in $3.8m kickback scandal",
                "Vey 'hid cash in his garden shed', insiders claim",
                "Vantosk quits as scandal tears Maren's team apart",
            ],
            "sg": [
                "Bribery scandal: the armoured vehicles Brenholt's border guards are still waiting for"
            ],
            "fr": ["The Vey affair is not about one man", "Vantosk goes. Who is next?"],
        },
        leads={
            "*": [
                "Kestria's Anti-Corruption Bureau arrested Deputy Defence Minister Lukas Vey on {evday} on suspicion of taking $3.8 million in bribes linked to a $64 million contract for armoured vehicles for the Border Guard.",
                "Investigators searched the defence ministry in Varn and detained Deputy Defence Minister Lukas Vey on {evday} in a bribery case over the purchase of 48 armoured vehicles from the Aldmarkian firm Halvard Systems.",
            ],
            "ob": [
                "The deputy defence minister of the Maren regime was arrested on {evday} on suspicion of taking millions of dollars in bribes from an Aldmarkian arms company, exposing the corruption at the heart of the government in Varn."
            ],
            "dc": [
                "A top defence official has been arrested in a stunning $3.8 million kickback scandal, as investigators stormed the ministry in Varn."
            ],
            "sg": [
                "The 48 armoured vehicles promised to the Border Guard's eastern district in 2024 are at the centre of a bribery case that led to the arrest of Deputy Defence Minister Lukas Vey on {evday}."
            ],
        },
        facts=[
            "Vey, 47, was detained at his home in Varn at about 6 a.m. Bureau officers also searched his office at the defence ministry and the offices of two consulting firms in the capital, the Bureau {said}.",
            "Prosecutors suspect Vey of receiving $3.8 million through consulting firms registered in Pelland in return for steering the 2024 contract to Halvard Systems, whose bid was {h}$11 million higher than a rival offer.",
            "Only 19 of the 48 vehicles have been delivered. Border guards at Mirov were still using unarmoured patrol trucks when the post was attacked in February.",
            "Halvard Systems {said} in a statement that it was cooperating fully with the investigation and had suspended its regional sales director.",
            "Vey, a member of Maren's party, has been deputy defence minister since 2023 and was responsible for procurement. He {h}denies wrongdoing, his lawyer {said}.",
        ],
        quotes=[
            Q(
                "hallin",
                "We have documents, bank records and witnesses. No position in the state protects anyone from the law.",
                ind="the Bureau had documents, bank records and witnesses",
            ),
            Q(
                "maren",
                "If these allegations are true, it is a betrayal of every border guard who waited for those vehicles. There will be no protection for anyone.",
                ind="if the allegations were true they were a betrayal of the border guards",
            ),
            Q(
                "vantosk",
                "I had no knowledge of any payments. I have asked the ministry's staff to give the Bureau everything it needs.",
                ind="he had no knowledge of any payments",
                crit=False,
            ),
            Q(
                "bastel",
                "Four border guards died at Mirov in unarmoured trucks while someone in Varn was counting his money. The defence minister must go today.",
                more="This is not one bad apple. This is the whole orchard.",
                ind="Vantosk had to resign immediately",
                crit=True,
            ),
            Q(
                "quent",
                "This case will show whether the Bureau is truly independent. The public deserves to see every document.",
                ind="the case would test the Bureau's independence",
            ),
            Q(
                "kosk",
                "The money of the occupation flows into the pockets of the regime's officials. Nobody in Dravenia is surprised.",
                ind="the scandal showed how alliance money flowed into the pockets of Varn's officials",
                crit=True,
            ),
        ],
        reactions=[
            R("bastel", "the scandal", "a disgrace"),
            R("selin", "the arrest", "a shock to the whole coalition"),
            R("strand", "Vantosk's statement", "an insult to the families of Mirov"),
        ],
        local=[
            "At the Border Guard barracks in Brenholt, the news was received with bitterness. “We were told the new vehicles were coming every spring for two years,” said a sergeant who has served at Mirov since 2019. “Now we know why they did not.”",
            "Lena Veit, whose husband was killed at Mirov in February, {said} she wanted to see the contract documents. “He called me from a truck with canvas sides,” she said.",
        ],
        follow_leads={
            "*": [
                "Kestria's opposition demanded on {pubday} that Defence Minister Aurel Vantosk resign over a bribery scandal in his ministry, and the Farmers' League said it would decide within days whether to stay in the governing coalition."
            ],
            "ob": [
                "Calls for the resignation of the regime's defence minister grew on {pubday}, as new details emerged of bribes paid by an Aldmarkian arms company in the Vey affair."
            ],
            "dc": [
                "Disgraced Lukas Vey hid bundles of cash in a garden shed, insiders claimed last night, as the kickback scandal spiralled."
            ],
        },
        follow=[
            "A court in Varn ordered Vey held in custody for 60 days on {pubday}. Prosecutors told the court that $640,000 in cash had been found at a property owned by his brother-in-law.",
            "The Farmers' League called a meeting of its parliamentary group for Monday. Its nine rebel members, who voted for the withdrawal resolution in January, said they were ready to leave the coalition.",
            "The Bureau {said} it was also examining two other defence contracts signed since 2023, worth a combined $112 million.",
        ],
        follow_quotes=[
            Q(
                "selin",
                "We did not join this government to cover for anyone. On Monday our members will decide whether we can stay.",
                ind="the League's members would decide on Monday whether to stay in government",
            ),
            Q(
                "vantosk",
                "I will not resign because of a crime I knew nothing about. I will resign if the investigation finds I failed in my duty.",
                ind="he would not resign over a crime he knew nothing about",
            ),
        ],
        opinion=[
            "The arrest of Lukas Vey is being presented as a story about one greedy man. It is not. It is, it seems, a story about a ministry that paid $11 million more than it needed to, delivered 19 vehicles out of 48, and sent border guards to Mirov in trucks with canvas sides. That is a system, not a person.",
            "Vantosk insists he knew nothing. Perhaps. A defence minister who apparently did not notice that two thirds of his armoured vehicles never arrived is not the advertisement for competence he seems to think he is.",
            "Credit where it is due: the Anti-Corruption Bureau did its job, and Greta Hallin deserves every bit of the praise she is reportedly getting in Varn. A country where a deputy minister can be arrested at 6 a.m. is a country where the law still means something. Now the politicians have to show it means something to them too.",
        ],
        angles={
            "ob": [
                "The scandal has exposed how the money of the occupation corrupts the regime in Varn, Dravenian commentators said.",
                "Halvard Systems, the company at the centre of the affair, is one of Aldmark's biggest arms makers and a key supplier of the occupying forces.",
            ],
            "dc": [
                "Shocking.",
                "One senior figure said: “Everyone in the ministry knew something was wrong. Nobody said a word.”",
            ],
        },
        later_leads={
            "*": [
                "Kestrian Defence Minister Aurel Vantosk resigned on {pubday} over a bribery scandal in his ministry, the first cabinet member to quit Prime Minister Ilsa Maren's government."
            ],
            "dc": [
                "Defence Minister Aurel Vantosk has quit in disgrace, the first big scalp of the kickback scandal tearing Maren's government apart."
            ],
        },
        later=[
            "In a two-page letter to the prime minister, Vantosk said he accepted “political responsibility” for failures in procurement but denied any knowledge of bribes. Maren accepted the resignation and said she would take over the defence portfolio temporarily.",
            "His departure came hours after the Farmers' League said it would vote with the opposition on any motion of no confidence in the defence minister.",
        ],
        after_hour=8,
    )
)

EVENTS.append(
    Event(
        id="E13-snap-election",
        day=date(2026, 5, 20),
        summary="After the Farmers' League quits the coalition, Prime Minister Maren calls a snap election for July 12; polls put the Unity Party on 34 percent and Maren's Progress Party on 29; the Electoral Commission promises a paper-checked register.",
        topic="politics",
        coverage={"ob": 2, "cw": 3, "dc": 2, "sg": 2, "fr": 2},
        titles={
            "ob": [
                "Maren regime collapses, snap election called for July 12",
                "Kestrians to vote on the occupation, Unity Party leads polls",
            ],
            "cw": [
                "Kestrian PM Maren calls snap election for July 12 after coalition collapses",
                "Kestria's opposition leads polls as election campaign begins",
                "Kestrian election body says register secure for July vote",
            ],
            "dc": [
                "SHE'S CALLED IT: Maren gambles everything on July poll",
                "Bastel surges ahead as Maren's team scrambles",
            ],
            "sg": [
                "July 12 election: valley's vote could decide who runs Kestria",
                "Polling stations, postal votes and the Mirov question: your election guide",
            ],
            "fr": ["Maren's last gamble", "An election about the troops, whatever the parties say"],
        },
        leads={
            "*": [
                "{Pm} called a snap parliamentary election for July 12 on {evday}, after the Farmers' League quit her coalition over a bribery scandal in the defence ministry and left her without a majority in the Assembly.",
                "Kestrians will vote in an early election on July 12, Prime Minister Ilsa Maren announced on {evday}, a year and a half ahead of schedule and after her three-party coalition collapsed.",
            ],
            "ob": [
                "The Maren regime collapsed on {evday} and the prime minister was forced to call an early election for July 12, giving Kestrians the chance to reject the occupation at the ballot box."
            ],
            "dc": [
                "Ilsa Maren has rolled the dice. The embattled prime minister last night called a snap election for July 12, with her coalition in ruins."
            ],
            "sg": [
                "Voters in the Sallow Valley will go to the polls on July 12 after Prime Minister Ilsa Maren called an early election on {evday}, and the valley's six seats may decide who governs Kestria."
            ],
        },
        facts=[
            "Maren made the announcement in a televised address at 7 p.m., hours after the Farmers' League formally left the coalition. Without its 11 seats her Progress Party and its remaining partner hold 72 of the 160 seats in the Assembly.",
            "The campaign will officially begin on June 12. It is the first early election in Kestria since 2011.",
            "A poll published by the Varn Institute for Public Opinion on {evday} put the Unity Party on 34 percent, Maren's Progress Party on 29 percent and the Farmers' League on 9 percent. About 18 percent of voters were undecided.",
            "The alliance presence and the defence scandal are expected to dominate the campaign. Bastel has promised a referendum on the 2021 training agreement if he wins.",
        ],
        quotes=[
            Q(
                "maren",
                "I could try to govern without a majority for eighteen months. I will not. Kestrians should decide who leads them through this crisis.",
                more="I will ask them to trust me again, and I will tell them the truth about what is at stake.",
                ind="Kestrians should decide who led them through the crisis",
            ),
            Q(
                "bastel",
                "This election is a choice between a government that hides things and a government that asks its people. We are ready.",
                ind="the election was a choice between a government that hid things and one that asked its people",
            ),
            Q(
                "selin",
                "We left because we could not defend this government to our voters any longer. The Farmers' League will run on its own.",
                ind="the League could no longer defend the government to its voters",
            ),
            Q(
                "roos",
                "The commission is ready. Every voter will be able to check their entry in a paper register before July 12.",
                ind="the commission was ready and every voter could check their entry in a paper register",
            ),
            Q(
                "rask",
                "Aldmark respects the democratic process in Kestria and will work with whichever government Kestrians choose.",
                ind="Aldmark would work with any government Kestrians chose",
            ),
            Q(
                "kosk",
                "Kestrians now have the chance to choose sovereignty over occupation.",
                ind="Kestrians had a chance to choose sovereignty over occupation",
                crit=True,
            ),
            Q(
                "amber",
                "For the first time, the alliance presence will be on the ballot in all but name. It could make this the most consequential Kestrian election since independence.",
                ind="the alliance presence would effectively be on the ballot",
            ),
        ],
        reactions=[
            R("bastel", "the Maren government", "finished"),
            R("kosk", "the election", "a referendum on the occupation"),
        ],
        local=[
            "The Sallow Valley elects six members of the Assembly, and all six seats changed hands at least once in the past three elections. “Whoever wins here wins Kestria,” said Rolf Emmerich, who chairs the Unity Party's Brenholt branch.",
            "About 11,000 people displaced from the eastern valley will vote by post or at special polling stations at the Tarnby camps, the Electoral Commission {said}.",
            "In Lower Sallow, Mayor Ottilie Fenn {said} polling stations would be set up in the primary school on Linden Road and the sports hall, which sheltered Mirov evacuees in February.",
        ],
        follow_leads={
            "*": [
                "Kestria's opposition Unity Party opened a five-point lead as campaigning began informally on {pubday} for the July 12 election, with leader Corin Bastel promising a referendum on foreign troops."
            ],
            "ob": [
                "The Unity Party, which has promised a referendum on the occupation, leads the polls ahead of the July 12 election, as the regime struggles to defend its record."
            ],
            "dc": [
                "Corin Bastel has stormed into a five-point lead as Maren's campaign got off to a shambolic start."
            ],
        },
        follow=[
            "Bastel launched his campaign at a rally of about 5,000 people in Brenholt on {pubday}. He promised a referendum on the 2021 training agreement within six months of taking office.",
            "Maren's Progress Party named former border guard commander Col. Teodor Anst as a candidate in the Sallow Valley, a move analysts said was aimed at voters angry about the defence scandal.",
            "The Electoral Commission said observers from the Concord of Nations had been invited to monitor the vote.",
        ],
        follow_quotes=[
            Q(
                "bastel",
                "Kestrians will decide whether foreign troops stay in their country. Not generals in Erlingsby, not ministers in Varn. Kestrians.",
                ind="Kestrians, not generals or ministers, would decide whether foreign troops stayed",
            ),
            Q(
                "maren",
                "A referendum on our security in the middle of a crisis is not democracy. It is an abdication.",
                ind="a referendum on security in the middle of a crisis would be an abdication",
                crit=True,
            ),
        ],
        opinion=[
            "Ilsa Maren could have limped on. She had eighteen months, a caretaker partner and a long list of excuses. Instead she has, it seems, decided to put everything on one roll of the dice. I admire the courage, even if I doubt the arithmetic.",
            "A day into the campaign, Bastel's referendum promise is apparently doing exactly what it was designed to do: make the election about the troops. Maren's reply, calling it an abdication, is clever and, I suspect, a little too clever for voters who remember the drone strike and Mirov.",
            "The polls reportedly give the Unity Party a five-point lead, but a fifth of voters have not decided. They are, by all accounts, concentrated in the Sallow Valley, where people live next to the bases, drove past the Harl Bridge for months and know what the alliance actually does.",
        ],
        angles={
            "ob": [
                "The collapse of the coalition follows months of anger over the assassination of Col. Vadim Hesk, the crackdown in Varn and the corruption scandal in the defence ministry.",
                "Observers in Ostrel said the election was a chance for Kestria to free itself from the puppet government and the occupation.",
            ],
            "dc": [
                "It is the biggest gamble of her career.",
                "A source close to the prime minister admitted: “If we lose the valley, we lose everything.”",
            ],
        },
        later_leads={
            "*": [
                "Kestria's Electoral Commission said on {pubday} that the voter register would be secure for the July 12 election, after March's cyberattack, and that a paper copy would be checked in every municipality."
            ]
        },
        later=[
            "Commission chair Anika Roos said about 180 municipal officials had been trained to check the paper register, and that results would be counted by hand and entered into computers only afterwards.",
            "The commission has a budget of $14.6 million for the election, including $2.1 million for the paper register.",
        ],
        after_hour=19,
    )
)

EVENTS.append(
    Event(
        id="E14-bridge-reopening",
        day=date(2026, 6, 16),
        summary="The Harl Bridge between Lower Sallow and Brenholt reopens after $9.7 million of repairs to shell damage from the February Mirov clash, ending a 50-minute detour; alliance engineers helped rebuild it.",
        topic="economy",
        coverage={"ob": 1, "cw": 2, "sg": 2, "fr": 1},
        titles={
            "ob": ["Occupying forces stage propaganda show at Harl Bridge reopening"],
            "cw": [
                "Kestria reopens Sallow Valley bridge damaged in February clash",
                "Traffic returns to Harl Bridge as Kestria prepares for election",
            ],
            "sg": [
                "Harl Bridge reopens: the 50-minute detour is over",
                "Back on the bridge: shops, buses and a market day return",
            ],
            "fr": ["A bridge, a ribbon and a lot of uniforms"],
        },
        leads={
            "*": [
                "The Harl Bridge, which links Lower Sallow and Brenholt in eastern Kestria, reopened to traffic on {evday}, nearly four months after it was damaged by shelling during a clash at the Mirov border crossing.",
                "Kestria reopened the main bridge over the Harl River in the Sallow Valley on {evday} after $9.7 million of repairs, ending a detour of about 50 minutes for thousands of drivers a day.",
            ],
            "ob": [
                "Officials of the occupying forces and the regime in Varn staged a ceremony on {evday} to reopen the Harl Bridge in the Sallow Valley, in what residents called a propaganda show weeks before the election."
            ],
            "sg": [
                "The Harl Bridge reopened at 10 a.m. on {evday}, and within an hour the first milk lorries, school buses and a tractor decorated with ribbons had rolled across it."
            ],
        },
        facts=[
            "The repairs, carried out by the Brenholt construction firm Aske & Lund with help from a team of 40 alliance army engineers, cost $9.7 million, most of it paid by the Kestrian state, transport officials {said}.",
            "Engineers rebuilt the bridge's two central supports and replaced 60 metres of deck. The bridge, built in 1964, now has a weight limit of 40 tonnes, up from 28 tonnes.",
            "About 9,000 vehicles a day crossed the bridge before it was closed on Feb. 26, when shells fired during the clash at Mirov cracked its supports.",
            "{Pm}, who is campaigning for the July 12 election, cut the ribbon together with Lower Sallow Mayor Ottilie Fenn and Lt. Gen. Sigrid Falk, the commander of the alliance mission.",
        ],
        quotes=[
            Q(
                "fenn",
                "For four months our town was cut in half. Today it is whole again.",
                more="I want to thank the engineers who worked through the nights.",
                ind="the town had been cut in half for four months",
            ),
            Q(
                "maren",
                "Those who fired on this bridge wanted to divide the valley. Today we have shown that Kestrians rebuild faster than others destroy.",
                ind="Kestrians rebuilt faster than others destroyed",
            ),
            Q(
                "falk",
                "Our engineers were proud to work alongside Kestrian colleagues. This is what the training mission is about.",
                ind="alliance engineers had been proud to work with Kestrian colleagues",
            ),
            Q(
                "bastel",
                "A ribbon four weeks before an election is not a coincidence. But the people of the valley deserve their bridge, whoever cuts the ribbon.",
                ind="the timing was not a coincidence but the valley deserved its bridge",
            ),
            Q(
                "marr",
                "The occupiers shelled the valley and now they pose for photographs on a bridge. Nobody is fooled.",
                ind="the alliance was posing for photographs after shelling the valley",
                crit=True,
            ),
        ],
        reactions=[
            R("marr", "the ceremony", "a propaganda show"),
            R("varga", "the reopening", "the best news the valley has had all year"),
        ],
        local=[
            "For Nadia Ferro, who runs a bakery on Lower Sallow's Market Square, the detour meant getting up an hour earlier to collect flour from Brenholt. “I have not slept properly since February,” she said. “Tomorrow I will sleep until five.”",
            "The valley's two school bus routes return to their normal timetables on Monday, the education office {said}, cutting the trip for about 700 pupils by up to 40 minutes each way.",
            "Lorry drivers noted that diesel costs on the Orsk detour had added about $45 to each round trip between Brenholt and Mirov.",
        ],
        follow_leads={
            "*": [
                "Traffic on the reopened Harl Bridge in eastern Kestria returned to near normal levels on {pubday}, transport officials said, as businesses in Lower Sallow reported customers returning."
            ],
            "sg": [
                "Lower Sallow's Thursday market was the busiest since February, stallholders said, two days after the Harl Bridge reopened."
            ],
        },
        follow=[
            "Counters on the bridge recorded about 8,200 vehicles on {pubday}, close to the pre-February average, the transport ministry {said}.",
            "Shopkeepers on Lower Sallow's Market Square said takings were up by about a third compared with the same day a week earlier.",
            "Police {said} they would keep a patrol at the bridge until after the election.",
        ],
        follow_quotes=[
            Q(
                "fenn",
                "People came back. You could see it in the cafés and at the market stalls. That is what a bridge means.",
                ind="people had come back to the town's cafés and market",
            ),
        ],
        opinion=[
            "There is something very Kestrian about a bridge ceremony with more uniforms than ribbons. The prime minister, campaigning, apparently cut it with a general at her elbow; the mayor, who actually spent four months running a town cut in half, reportedly got two minutes at the microphone.",
            "",
            "And yet: the bridge is open, it was rebuilt in under four months, and Nadia Ferro can sleep until five. Whatever you think of the timing, and I think it is shameless, that is a genuinely good thing. The valley does not get many of those.",
        ],
        angles={
            "ob": [
                "Residents said the bridge had been damaged in fighting provoked by the regime and the occupying forces, and that its reopening weeks before the election was a cynical stunt.",
                "Dravenian commentators noted that Aldmark-led occupation troops had been given a prominent role in the ceremony.",
            ]
        },
    )
)


if __name__ == "__main__":
    main()
