"""Every attribution form the rules cover, one real-shaped sentence each (written for
these tests; none is taken from a corpus), with the spans PARC would mark.

Each row: the sentence, then the expected (source, cue, cue class) of its one
attribution; ``pattern`` is the cue's lexicon phrase when the span holds more.
"""

from __future__ import annotations

import pytest

from analysis.measures.attribution.finder import AttributionFinder
from analysis.text import split_sentences
from analysis.text.lexicons import load_lexicons


@pytest.fixture(scope="module")
def finder():
    return AttributionFinder(load_lexicons().cues)


def find(finder, text):
    return finder.find(text, split_sentences(text), "a1")


def only(finder, text):
    found = find(finder, text)
    assert len(found) == 1, [(e.source, e.cue) for e in found]
    return found[0]


FORMS = [
    # PARC cue spans: auxiliaries, adverbs and particles belong to the cue.
    (
        "The Harbour Board has repeatedly said that the quay will reopen in May.",
        ("The Harbour Board", "has repeatedly said", "neutral"),
    ),
    (
        "Councillor Mira Dovan railed against the toll plan at the meeting.",
        ("Councillor Mira Dovan", "railed against", "emotive"),
    ),
    # PARC source spans: the whole noun phrase with its titles and appositions.
    (
        "Senator Alma Reyes (D-Ore.), a member of the transport panel, said the bridge "
        "would be rebuilt.",
        ("Senator Alma Reyes (D-Ore.), a member of the transport panel", "said", "neutral"),
    ),
    (
        "State Treasurer Ida Korr (R) argued that the levy would fall on renters.",
        ("State Treasurer Ida Korr (R)", "argued", "neutral"),
    ),
    # "said by telephone": how it was said, not a passive ("a group backed by").
    (
        "“The ferry must run at night,” Ms. Ostrova said by telephone.",
        ("Ms. Ostrova", "said", "neutral"),
    ),
    (
        "Tomas Brenner, 58, a ferry captain from Lowport, said the crossings had become unsafe.",
        ("Tomas Brenner, 58, a ferry captain from Lowport", "said", "neutral"),
    ),
    # Coordinated predicate: the subject opens the sentence.
    (
        "The mayor toured the flooded district and said the repairs would take months.",
        ("The mayor", "said", "neutral"),
    ),
    # Participle after a clause: the sentence's subject again.
    (
        "Dovan spoke for an hour, saying the budget had been cut twice.",
        ("Dovan", "saying", "neutral"),
    ),
    # Inverted order with an apposition after the source.
    (
        "“The vote is final,” said Ines Arlo, the party's chairwoman.",
        ("Ines Arlo, the party's chairwoman", "said", "neutral"),
    ),
    # Inverted cue opening the sentence, with a colon.
    ("Said Arlo: “Nobody asked the residents.”", ("Arlo", "Said", "neutral")),
    # "told X that": the listener is not the source.
    (
        "The governor told reporters that the curfew would end on Friday.",
        ("The governor", "told", "neutral"),
    ),
    # Passive reporting with its own cue phrase.
    (
        "The inspector was quoted as saying the wiring was faulty.",
        ("The inspector", "was quoted as saying", "neutral"),
    ),
    # A sourcing phrase beside a verb cue counts once, the verb's.
    (
        "In a statement, the ministry said the fares would rise.",
        ("the ministry", "said", "neutral"),
    ),
    # A quotation of two sentences before its cue.
    (
        "“The harbour is safe. We checked every crane,” the port director said.",
        ("the port director", "said", "neutral"),
    ),
    # Two apostrophes as quotation marks, as some wire text has them.
    ("''We have no plan B,'' said the harbour master.", ("the harbour master", "said", "neutral")),
    # Relative clause between source and cue: in the source span.
    (
        "Arlo, who chairs the committee, said the vote would go ahead.",
        ("Arlo, who chairs the committee", "said", "neutral"),
    ),
    # Belief and intention: what the writer says someone thinks or plans.
    (
        "The union's leader believes the strike can be avoided.",
        ("The union's leader", "believes", "belief"),
    ),
    (
        "The mayor is expected to announce the plan next week.",
        ("The mayor", "is expected", "belief"),
    ),
    # Evidence: a poll or a study as the source.
    (
        "A poll by the Lowport Institute shows support for the toll falling.",
        ("A poll by the Lowport Institute", "shows", "evidence"),
    ),
    (
        "A study from Harwick University found that commuting times doubled.",
        ("A study from Harwick University", "found", "evidence"),
    ),
    # A party and state in brackets belong to the source, with or without an apposition.
    (
        "Rep. Ana Colt (R-N.M.) said the levee would hold through the spring.",
        ("Rep. Ana Colt (R-N.M.)", "said", "neutral"),
    ),
    (
        "Sen. Ivo Marsh (I-Vt.), the ranking member, said the grant was late.",
        ("Sen. Ivo Marsh (I-Vt.), the ranking member", "said", "neutral"),
    ),
    # A long relative clause between source and cue (past the rules' first window).
    (
        "Oren Vale, who has run the ferry service between the two islands for almost thirty "
        "years, said the fares would rise.",
        (
            "Oren Vale, who has run the ferry service between the two islands for almost "
            "thirty years",
            "said",
            "neutral",
        ),
    ),
    # An aside between commas is not part of the source.
    ("Others, however, say the levy came too late.", ("Others", "say", "neutral")),
    (
        "Lena Ward, in a statement released by the campaign on Thursday, said the count was wrong.",
        ("Lena Ward", "said", "neutral"),
    ),
    (
        "The senator, once again, pledged a “clean break” with the old port authority.",
        ("The senator", "pledged", "asserting"),
    ),
    # A question ending its quotation, the cue in a sentence of its own.
    ("“Why now?” Borger asked.", ("Borger", "asked", "neutral")),
    # An age between commas is part of the source.
    ("“We were wrong,” Ramos, 58, told the Harbour Gazette.", ("Ramos, 58", "told", "neutral")),
    # "continued" counts with a quotation.
    ("“The toll is only the start,” the mayor continued.", ("the mayor", "continued", "neutral")),
    # The time before the cue is in neither span; how it was said is in the cue.
    (
        "The harbour board on Tuesday said in a statement that the quay would reopen.",
        ("The harbour board", "said in a statement", "neutral"),
    ),
    ("The mayor went on to say the bridge was safe.", ("The mayor", "went on to say", "neutral")),
    # Evidence: a word of the source phrase names the document.
    (
        "The audit published Tuesday showed that the fund was short.",
        ("The audit published Tuesday", "showed", "evidence"),
    ),
    # An inverted source keeps its whole description, commas and relative clause included.
    (
        "“The toll is a mistake,” said Dana Kell, a teacher from Salem, Ore., who voted "
        "against it.",
        ("Dana Kell, a teacher from Salem, Ore., who voted against it", "said", "neutral"),
    ),
    # A name after the quotation, then a description with commas of its own.
    (
        "“We lost the vote,” Rae Berg, chief executive of Lowport Ferries, a family firm, said.",
        ("Rae Berg, chief executive of Lowport Ferries, a family firm", "said", "neutral"),
    ),
    # A name after an opening phrase.
    (
        "And on Tuesday, Ivo Marsh, chairman of the harbour committee, said the quay was safe.",
        ("Ivo Marsh, chairman of the harbour committee", "said", "neutral"),
    ),
    # A share of people as the source.
    ("42% say the ferry should run at night.", ("42", "say", "neutral")),
    # A role the word lists do not name, recognised by its "of".
    (
        "Mira Dane, pastor of the Harbour Chapel and a ferry user, said the fares were fair.",
        ("Mira Dane, pastor of the Harbour Chapel and a ferry user", "said", "neutral"),
    ),
    # Particles after the verb belong to the cue.
    (
        "The councillor pointed to the falling toll revenue as proof.",
        ("The councillor", "pointed to", "neutral"),
    ),
    ("The mayor recalled that the quay had flooded twice.", ("The mayor", "recalled", "neutral")),
    # A participle after "by" or "while": the sentence's subject speaks.
    (
        "The mayor surprised the council last week by saying that the quay would close.",
        ("The mayor", "saying", "neutral"),
    ),
    # A participle after a quotation and its comma.
    (
        "The minister toured the ferry terminal known as “the Glasshouse,” saying it would reopen.",
        ("The minister", "saying", "neutral"),
    ),
    # "described ... as" is a characterisation even without a quotation.
    (
        "The inspector described the wiring as a fire risk.",
        ("The inspector", "described", "neutral"),
    ),
    # "ever" sits between the source and the cue.
    (
        "It is unclear whether the committee would ever say no to the port.",
        ("the committee", "would ever say", "neutral"),
    ),
    # A document's words, with the document as the source.
    (
        "The harbour board's letter reads: “The quay is closed.”",
        ("The harbour board's letter", "reads", "neutral"),
    ),
    # A listener after "assured" is not the source.
    (
        "The mayor assured residents that the water was safe.",
        ("The mayor", "assured", "neutral"),
    ),
    # A possessive after the cue opens the reported clause.
    (
        "The alliance said its troops would respect the truce.",
        ("The alliance", "said", "neutral"),
    ),
    # "said yes" / "said so" are statements.
    ("Most of the delegates said yes.", ("Most of the delegates", "said", "neutral")),
    # An evidence verb with a person as source and a that-clause: a neutral statement.
    (
        "The auditor found that the ledger had been altered.",
        ("The auditor", "found", "neutral"),
    ),
    # ... or with a quotation before it.
    (
        "“The bridge cannot wait another winter,” the engineer concluded.",
        ("the engineer", "concluded", "neutral"),
    ),
    # A "whose" clause between the source and its cue (not an inverted source after it).
    (
        "Lena Veit, whose family runs the ferry, confirmed the closure.",
        ("Lena Veit, whose family runs the ferry", "confirmed", "asserting"),
    ),
    # A "which" clause after an organisation.
    (
        "The council, which met on Monday, said the quay would close.",
        ("The council, which met on Monday", "said", "neutral"),
    ),
    # A party bracket on a name that opens the text.
    (
        "Mary Lane (D) asserted that the count was wrong.",
        ("Mary Lane (D)", "asserted", "asserting"),
    ),
    # A contracted auxiliary: the pronoun is the source, the auxiliary part of the cue.
    ("He’s said the quay will close.", ("He", "’s said", "neutral")),
    # A participle opening the sentence speaks for the subject after its clause.
    (
        "Conceding that the toll was high, the mayor left the meeting early.",
        ("the mayor", "Conceding", "conceding"),
    ),
    # A poll opening the sentence with "in" is the source of its finding.
    (
        "In a Ledger poll released Monday, 52 percent of riders backed night ferries.",
        ("a Ledger poll released Monday", "In", "evidence"),
    ),
    # A refusal to speak is an attribution (neutral); its cue is the verb without "to".
    (
        "The harbour board declined to comment on the closure.",
        ("The harbour board", "declined", "neutral"),
    ),
    # Adverbs of frequency between the source and its cue belong to the cue.
    (
        "The captains have often cited the night crossings as a risk.",
        ("The captains", "have often cited", "neutral"),
    ),
    (
        "The two mayors together vowed to keep the ferry running.",
        ("The two mayors", "together vowed", "asserting"),
    ),
    # A place after the name ("of Lowport") is part of the source.
    ("Ann Lee, of Lowport, said the quay was closed.", ("Ann Lee, of Lowport", "said", "neutral")),
    # A party bracket with a state, then a role.
    (
        "Rep. Ida Marsh (D-N.Y.), chairman of the harbour panel, said the quay would close.",
        ("Rep. Ida Marsh (D-N.Y.), chairman of the harbour panel", "said", "neutral"),
    ),
    # A role, then the name, after an opening phrase (not an inverted source after "said").
    (
        "In a statement, one of the pilots, Tomas Brenner, said the crossings had stopped.",
        ("one of the pilots, Tomas Brenner", "said", "neutral"),
    ),
    # A noun-homograph cue in the progressive is a verb.
    (
        "The mayor is warning riders that the quay will close.",
        ("The mayor", "is warning", "asserting"),
    ),
    # A naming verb with an object pronoun is a verb.
    ("The pilots call them “the night crews.”", ("The pilots", "call", "neutral")),
    # "what" opens the clause: it is not part of the source.
    (
        "The board is worried about what several pilots called “a gamble.”",
        ("several pilots", "called", "neutral"),
    ),
    # Two apostrophes as quotation marks (wire style) before a name and its role.
    (
        "''The plan is clear,'' Arlo Penn, a fellow at the Harbour Institute and a former "
        "ambassador, said of the ferry.",
        ("Arlo Penn, a fellow at the Harbour Institute and a former ambassador", "said", "neutral"),
    ),
    # A passive cue with its agent: the agent is the source; "by" stays out of the cue.
    (
        "The closure was first reported by the Lowport Ledger.",
        ("the Lowport Ledger", "was first reported", "neutral"),
    ),
    # The agent ends before a reason ("for ...").
    (
        "The toll plan has been criticized by several ferry captains for its cost.",
        ("several ferry captains", "has been criticized", "neutral"),
    ),
    # A noun-homograph cue after a pronoun subject is a verb, whatever follows it.
    ("She vows to reopen the quay by spring.", ("She", "vows", "asserting")),
    # ... and after an auxiliary and a negation.
    ("He did not mention any of his rivals.", ("He", "did not mention", "neutral")),
    # A naming verb, an object and what it was called: speech without a quotation.
    (
        "The harbour master called the toll plan a disgrace.",
        ("The harbour master", "called", "neutral"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[t[:40] for t, _ in FORMS])
def test_each_form_gives_its_source_cue_and_class(finder, text, expected):
    e = only(finder, text)
    assert (e.source, e.cue, e.cue_class) == expected
    assert text[e.source_start : e.source_end] == e.source
    assert text[e.cue_start : e.cue_end] == e.cue


def test_the_pattern_keeps_the_lexicon_phrase_when_the_cue_span_is_wider(finder):
    e = only(finder, "The Harbour Board has repeatedly said that the quay will reopen in May.")
    assert e.pattern == "said"


def test_a_fronted_participle_and_the_verb_after_it_are_two_attributions(finder):
    text = "Noting that the ferry had been late all week, Ramos said the timetable would change."
    assert [(e.source, e.cue) for e in find(finder, text)] == [
        ("Ramos", "Noting"),
        ("Ramos", "said"),
    ]


def test_a_fronted_speaking_is_an_appearance_not_an_attribution(finder):
    text = "Speaking at the quay on Friday, Ramos said the ferry would run."
    assert [e.cue for e in find(finder, text)] == ["said"]


def test_declining_to_be_named_is_anonymity_not_a_refusal(finder):
    found = find(finder, "A pilot, who declined to be named, said the quay was unsafe.")
    assert [(e.cue, e.anonymous) for e in found] == [("said", True)]


def test_a_question_in_two_apostrophes_before_its_cue_is_the_content(finder):
    # The splitter ends the sentence at "?''": the cue's sentence starts after it.
    found = find(finder, "The quay closed in May. ''Why now?'' Borger asked.")
    assert [(e.source, e.cue, e.quote_type) for e in found] == [("Borger", "asked", "direct")]


def test_a_participle_after_a_quote_takes_the_source_of_the_cue_before_it(finder):
    text = "“We will not wait,” the minister said, adding that the funds were already approved."
    first, second = find(finder, text)
    assert (first.cue, second.cue) == ("said", "adding")
    assert second.source == "the minister" and second.quote_type == "indirect"


@pytest.mark.parametrize(
    "text",
    [
        "He found that the ledger had been altered.",  # a person's finding: not "evidence"
        "The councillor spoke at the rally on Sunday.",  # an appearance, not a statement
        "“I think we can win,” Arlo said.",  # "I think" is inside the quotation
    ],
)
def test_forms_that_are_not_new_attributions(finder, text):
    assert [e.cue_class for e in find(finder, text) if e.cue_class in ("belief", "evidence")] == []
    assert all(e.pattern not in ("spoke", "think") for e in find(finder, text))


def test_adding_to_is_not_speech(finder):
    e = only(finder, "The toll is adding to the cost of living, drivers said.")
    assert (e.source, e.pattern) == ("drivers", "said")


def test_an_anonymity_clause_is_not_an_attribution_of_its_own(finder):
    e = only(finder, "Residents, who asked not to be named, said the water smelled of oil.")
    assert e.source == "Residents, who asked not to be named" and e.anonymous is True


def test_a_first_person_belief_is_the_speakers_own_voice_not_mind_reading(finder):
    assert find(finder, "I think the bridge will hold.") == []


def test_a_negated_cue_is_an_attribution_with_the_negation_in_its_cue(finder):
    # PARC annotates negated cues; the negation and auxiliary belong to the cue span.
    e = only(finder, "The mayor did not say when the bridge would reopen.")
    assert (e.source, e.cue, e.pattern) == ("The mayor", "did not say", "say")


def test_a_belief_inside_reported_speech_is_part_of_the_statement(finder):
    # "she does not believe" is what the mayor said, not the writer reading her mind.
    found = find(finder, "The mayor said she does not believe the count was fair.")
    assert [(e.source, e.cue) for e in found] == [("The mayor", "said")]


@pytest.mark.parametrize(
    "text",
    [
        "Dana Holt reported from Lowport.",  # a byline
        "Ferrante maintains a strong lead in the polls.",  # "maintains" without a clause
        "Growing demand for tickets pushed fares up.",  # "demand" as a noun
        "Clinton leads by 40 pledged delegates.",  # "pledged" as an adjective
        "Ostrel recalled its ambassador from Lowport.",  # a withdrawal, not a memory
        "The towns had won a real say over the budget.",  # "say" as a noun
        "He found a wallet on the quay.",  # an evidence verb without a clause or quotation
        "The mayor called a meeting for Monday.",  # a naming verb without a named object
        "The mayor called the police at a quarter past nine.",  # a phone call
        "The Senate race will be decided by a runoff.",  # a passive that is no statement
        "The concerns being expressed by the captains are not new.",  # a modifier
        "He could add another title to his name.",  # "add" after an auxiliary, no clause
        "The mayor leads in the polls.",  # "in the polls" inside the sentence: not marked
        "Ferry fares declined to $4 last year.",  # a fall, not a refusal
        "The council unveiled plans to rebuild the quay.",  # "plans" as a noun after a verb
        "Having said that, the quay will reopen in May.",  # an idiom, the writer's own words
        "She teaches a class called “Tides and Trade” at the college.",  # a title
    ],
)
def test_cue_words_in_other_uses_are_not_attributions(finder, text):
    assert find(finder, text) == []


def test_a_participle_after_a_comma_speaks_for_the_subject_before_an_interruption(finder):
    text = (
        "One resident, who asked not to be named strongly condemned the raid, "
        "calling it “a disgrace”."
    )
    first, second = find(finder, text)
    assert (first.pattern, second.pattern) == ("condemned", "calling")
    assert second.source == first.source == "One resident, who asked not to be named"


def test_an_inverted_source_ends_its_clause(finder):
    # "said he also may run": "he" opens the reported clause; it is not an inverted source.
    found = find(finder, "The race is tight, said he also may run next year.")
    assert [e.source for e in found] == []
