"""The BPO vocabulary: the lemmatiser, tokens, the content file and the loader's checks."""

from __future__ import annotations

import copy

import pytest
import yaml

from launchpad.core.resume.vocabulary import (
    CATEGORIES,
    VOCABULARY_PATH,
    Term,
    TermHit,
    VocabularyError,
    lemma,
    lemmas,
    load_vocabulary,
    normalise,
    parse_vocabulary,
    tokens,
)

VOCABULARY = load_vocabulary()


def categories():
    return {key: {"label": key.title(), "how_to_gain": f"Practise {key}."} for key in CATEGORIES}


def data(*terms, **changes):
    raw = {"version": 1, "categories": categories(), "terms": list(terms)}
    return {**raw, **changes}


def term(key, *synonyms, **changes):
    return {"key": key, "name": key.upper(), "category": "skill",
            "synonyms": list(synonyms) or [key], **changes}  # fmt: skip


def problems_of(raw):
    with pytest.raises(VocabularyError) as caught:
        parse_vocabulary(raw)
    return caught.value.problems


# ------------------------------------------------------------------ lemmas and tokens


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("handled", "handles", "handling", "handle", "handler"), "handl"),
        (("queries", "query"), "query"),
        (("processes", "processing", "processed", "process"), "process"),
        (("trained", "training", "trains", "trainer"), "train"),
        (("customers", "customer"), "customer"),
        (("chats", "chatting", "chatted", "chat"), "chat"),
        (("resolved", "resolving", "resolves", "resolve"), "resolv"),
        (("replied", "replies", "reply"), "reply"),
        (("planned", "planning", "plan"), "plan"),
        (("analyse", "analysing", "analyzed", "analyze"), "analyz"),
        (("organisation", "organization"), "organization"),
        (("centre", "center"), "cent"),
        (("colour", "color"), "color"),
        (("delivered", "delivering", "deliver"), "deliv"),
        (("ordered", "order"), "ord"),
        (("transferred", "transfer"), "transf"),
        (("sold", "selling", "sell"), "sell"),
        (("written", "writing", "write", "wrote"), "writ"),
        (("led", "leading", "leader", "lead"), "lead"),
        (("bachelor's", "bachelors", "bachelor"), "bachelor"),
        (("speed", "speeds"), "speed"),
        (("added", "add"), "add"),
        (("staffing", "staff"), "staff"),
        (("calling", "called", "calls"), "call"),
        (("boxes", "box"), "box"),
        (("classes", "class"), "class"),
        (("used", "using", "use"), "use"),
    ],
)
def test_lemma_reduces_the_forms_of_a_word_to_one_stem(words, same):
    assert {lemma(w) for w in words} == {same}


@pytest.mark.parametrize(
    ("word", "kept"),
    [("business", "business"), ("status", "status"), ("analysis", "analysis"),
     ("b.com", "b.com"), ("24/7", "24/7"), ("c++", "c++"), ("12th", "12th"), ("sla", "sla"),
     ("advise", "advis"), ("string", "string"), ("need", "need"), ("news", "news"),
     ("user", "user"), ("its", "its"), ("customer", "customer"), ("fee", "fee")],
)  # fmt: skip
def test_lemma_leaves_words_without_those_endings_alone(word, kept):
    assert lemma(word) == kept


def test_lemma_keeps_customer_apart_from_custom():
    assert lemma("customer") != lemma("custom")


def test_tokens_split_hyphens_keep_inner_dots_and_mark_punctuation():
    assert tokens("Non-voice/voice, B.Com 24/7 C++ Node.js CompTIA A+ R&D & e-mail") == (
        "non", "voice", "/", "voice", ",", "b.com", "24/7", "c++", "node.js", "comptia", "a+",
        "r&d", "and", "e", "mail",
    )  # fmt: skip


def test_normalise_drops_accents_and_straightens_quotes():
    assert normalise("Café’s  NÚMERO") == "cafe's  numero"


def test_lemmas_keep_punctuation_tokens():
    assert lemmas(tokens("Handled calls, emails")) == ("handl", "call", ",", "email")


# ------------------------------------------------------------------ the content file


def test_the_vocabulary_file_loads_with_over_eighty_terms_in_every_category():
    assert VOCABULARY_PATH.name == "bpo_vocabulary.yaml"
    assert len(VOCABULARY.terms) >= 80
    assert {t.category for t in VOCABULARY.terms} == set(CATEGORIES)
    assert set(VOCABULARY.categories) == set(CATEGORIES)
    assert VOCABULARY.version == "1"


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("AHT", "aht"), ("average handling time", "aht"), ("Average Handle Time", "aht"),
        ("CSAT", "csat"), ("customer satisfaction", "csat"), ("FCR", "fcr"),
        ("first call resolution", "fcr"), ("first contact resolution", "fcr"), ("NPS", "nps"),
        ("SLA", "sla"), ("quality assurance", "quality-assurance"), ("QA", "quality-assurance"),
        ("CRM", "crm"), ("Salesforce", "salesforce"), ("Zendesk", "zendesk"),
        ("Freshdesk", "freshdesk"), ("ServiceNow", "servicenow"), ("Zoho Desk", "zoho-desk"),
        ("ticketing tool", "ticketing"), ("MS Excel", "excel"), ("spreadsheets", "spreadsheets"),
        ("VLOOKUP", "vlookup"), ("typing speed", "typing"), ("WPM", "typing"),
        ("graveyard shift", "night-shift"), ("rotational shifts", "rotational-shift"),
        ("inbound", "inbound"), ("outbound calling", "outbound"), ("non voice", "non-voice"),
        ("voice process", "voice"), ("chat support", "chat-support"),
        ("email support", "email-support"), ("up-selling", "upselling"),
        ("cross selling", "cross-selling"), ("escalation handling", "escalation-handling"),
        ("de-escalation", "de-escalation"), ("empathy", "empathy"),
        ("active listening", "active-listening"), ("troubleshooting", "troubleshooting"),
        ("data entry", "data-entry"), ("10-key", "ten-key"), ("research", "research"),
        ("analytics", "data-analysis"), ("SQL", "sql"), ("Six Sigma", "six-sigma"),
        ("ITIL", "itil"), ("COPC", "copc"), ("TESDA NC II", "tesda-nc-ii"),
        ("Tagalog", "tagalog"), ("B.Com", "commerce-degree"), ("12th", "higher-secondary"),
        ("customer care executive", "csr"),
    ],
)  # fmt: skip
def test_the_vocabulary_knows_the_bpo_terms_and_their_synonyms(written, key):
    found = VOCABULARY.lookup(written)
    assert found is not None and found.key == key


def test_lookup_of_an_unknown_or_empty_phrase_is_none():
    assert VOCABULARY.lookup("quantum chromodynamics") is None
    assert VOCABULARY.lookup("  ") is None


def test_narrower_terms_are_found_through_every_level():
    assert {"zendesk", "salesforce", "freshdesk"} <= VOCABULARY.narrower("crm")
    assert "vlookup" in VOCABULARY.narrower("spreadsheets")  # vlookup -> excel -> spreadsheets
    assert VOCABULARY.narrower("vlookup") == frozenset()


def test_how_to_gain_falls_back_to_the_category_advice():
    assert "Skills lab" in VOCABULARY.how_to_gain("typing")
    category = VOCABULARY.categories["kpi"].how_to_gain
    assert VOCABULARY.how_to_gain("csat") == category


def test_language_and_certification_terms_default_to_their_profile_lists():
    assert VOCABULARY.term("hindi").profile == "languages"
    assert VOCABULARY.term("itil").profile == "certificates"
    assert VOCABULARY.term("english").profile == "english_cefr"


def test_find_returns_every_hit_including_overlaps():
    stems = lemmas(tokens("customer service representative with average handling time"))
    hits = VOCABULARY.find(stems)
    assert TermHit("csr", 0, 3) in hits
    assert TermHit("customer-service", 0, 2) in hits
    assert TermHit("aht", 4, 7) in hits
    assert TermHit("aht", 5, 7) in hits  # "handling time" inside "average handling time"


def test_a_term_is_a_plain_frozen_record():
    found = VOCABULARY.term("zendesk")
    assert isinstance(found, Term)
    assert found.broader == ("crm", "ticketing")
    with pytest.raises(KeyError):
        VOCABULARY.term("no-such-term")


def test_load_vocabulary_reads_a_given_path(tmp_path):
    path = tmp_path / "vocabulary.yaml"
    path.write_text(yaml.safe_dump(data(term("aht", "AHT", "average handle time"))), "utf-8")
    loaded = load_vocabulary(path)
    assert [t.key for t in loaded.terms] == ["aht"]
    assert loaded.lookup("average handling time") is not None


# ------------------------------------------------------------------ the loader's checks


def test_a_valid_minimal_vocabulary_parses():
    parsed = parse_vocabulary(
        data(
            term("crm", "CRM"),
            term("zendesk", "Zendesk", broader=["crm"], how_to_gain="Try the free trial."),
            term("night", "night shift", category="shift", profile="shift:night"),
        )
    )
    assert parsed.narrower("crm") == frozenset({"zendesk"})
    assert parsed.how_to_gain("zendesk") == "Try the free trial."
    assert parsed.term("night").profile == "shift:night"


def test_a_synonym_shared_by_two_terms_is_an_error_naming_both():
    problems = problems_of(data(term("chat", "chat"), term("chats", "live chat", "Chats")))
    assert problems == (
        "synonym 'Chats' of term chats is also 'chat' of term chat (the same once lower-cased "
        "and lemmatised): keep it in one term",
    )


def test_a_synonym_listed_twice_in_a_term_is_an_error():
    problems = problems_of(data(term("nv", "non-voice", "Non Voice")))
    assert problems == ("term nv: synonym 'Non Voice' is listed twice",)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (data(term("Bad Key")), "term Bad Key: key must be lower-case words joined by hyphens"),
        (data(term("a", category="feelings")), "term a: category must be one of"),
        (data({"key": "a", "category": "skill", "synonyms": ["a"]}), "term a: name is required"),
        (data(term("a", synonyms=[])), "term a: synonyms must list at least one way"),
        (data(term("a", synonyms="a")), "term a: synonyms must be a list of texts"),
        (data(term("a", synonyms=["..."])), "term a: synonym '...' has no word in it"),
        (data(term("a", synonyms=["-"])), "term a: synonym '-' has no word in it"),
        (data(term("a", broader=["zz"])), "term a: broader term 'zz' does not exist"),
        (data(term("a", broader=["a"])), "term a: cannot be broader than itself"),
        (data(term("a", broader="b")), "term a: broader must be a list of texts"),
        (data(term("a", profile="height")), "term a: profile must be one of"),
        (data(term("a", name=3)), "term a: name must be text"),
        (data(term("a"), term("a", "b")), "terms: key 'a' appears twice"),
        (data("not a mapping"), "term 1: must be a mapping"),
        (data({"name": "x", "category": "skill", "synonyms": ["x"]}), "term 1: key is required"),
        (data(term("a"), terms=[]), "terms: must be a non-empty list"),
        (data(term("a"), version=None), "version: required"),
        (data(term("a"), version=True), "version: required"),
        (data(term("a"), categories=["kpi"]), "categories: must be a mapping"),
        (data(term("a"), categories={**categories(), "moods": {}}), "category moods: unknown"),
        (data(term("a"), categories={**categories(), "kpi": "x"}), "category kpi: must be a map"),
        (data(term("a"), categories={k: v for k, v in categories().items() if k != "role"}),
         "category role: missing"),
        (data(term("a"), categories={**categories(), "kpi": {"label": "KPI"}}),
         "category kpi: how_to_gain is required"),
    ],
)  # fmt: skip
def test_the_loader_reports_each_problem(raw, expected):
    assert any(p.startswith(expected) for p in problems_of(raw)), problems_of(raw)


def test_a_loop_of_broader_terms_is_an_error():
    problems = problems_of(data(term("a", broader=["b"]), term("b", broader=["c"]),
                                term("c", broader=["a"])))  # fmt: skip
    assert "term a: its broader terms lead back to it" in problems


def test_every_problem_is_reported_at_once():
    raw = data(term("a", category="nope"), term("b", broader=["zz"]))
    assert len(problems_of(raw)) == 2


def test_a_vocabulary_that_is_not_a_mapping_is_refused():
    assert problems_of(["a"]) == ("the vocabulary must be a mapping with categories and terms",)


def test_the_shipped_file_stays_valid_when_round_tripped():
    raw = yaml.safe_load(VOCABULARY_PATH.read_text("utf-8"))
    assert parse_vocabulary(copy.deepcopy(raw)).terms == VOCABULARY.terms
