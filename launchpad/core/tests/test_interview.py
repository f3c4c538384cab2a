"""The interview coach: question and lexicon parsing, feedback on hand-labelled answers
(interview_answers.yaml), the rules one by one, their invariants, and the mock summary."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from launchpad.core import interview
from launchpad.core.interview import (
    INTERVIEW_RULES_VERSION,
    KINDS,
    LANGUAGE_PATH,
    NOTE_HYPOTHETICAL,
    NOTE_NO_NUMBER,
    NOTE_PASSIVE,
    NOTE_WE,
    ROUNDS,
    SPEAKING_WPM,
    STAR_MISSING,
    STAR_MISSING_PLAN,
    STAR_PARTS,
    TRACKS,
    CompanyFacts,
    Filler,
    InterviewContentError,
    Lexicon,
    QuestionGuide,
    answer_feedback,
    load_lexicon,
    load_question_files,
    mock_summary,
    parse_lexicon,
    parse_question,
    parse_questions,
    split_sentences,
)
from launchpad.core.resume.vocabulary import is_word, load_vocabulary, tokens

VOCABULARY = load_vocabulary()
TERMS = frozenset(t.key for t in VOCABULARY.terms)
LEXICON = load_lexicon(known_terms=TERMS)
CASES = yaml.safe_load((Path(__file__).parent / "interview_answers.yaml").read_text())["cases"]
SOURCE = {"label": "Fact sheet", "url": "https://example.org/facts", "grade": "C"}


def raw_question(**changes):
    """A valid question item (the behavioural one), with `changes` applied."""
    item = {
        "id": "ops-difficult-customer",
        "round": "operations",
        "kind": "behavioural",
        "prompt": "Describe a difficult customer you handled.",
        "looking_for": "A real story told with STAR, without blaming the customer.",
        "structure": ["The situation", "Your task", "What you did", "The result"],
        "mistakes": ["Blaming the customer", "No result"],
        "talking_points": [
            {
                "point": "Acknowledge the customer's feelings",
                "cues": ["apologise", "understand", "empathy", "sorry"],
            },
            {"point": "Stay calm and listen", "cues": ["listen", "calm", "patient"]},
            {
                "point": "Fix the problem or escalate",
                "cues": ["refund", "escalate", "resolve", "replacement"],
            },
        ],
        "tracks": ["all"],
        "roles": [],
        "star": True,
        "words": [80, 200],
        "seconds": {"think": 20, "answer": 90},
        "about_company": False,
        "job_terms": ["csat"],
        "sources": [SOURCE],
    }
    item.update(changes)
    return item


def points(*items):
    return [{"point": point, "cues": cues} for point, cues in items]


QUESTIONS = {
    "behavioural": parse_question(raw_question(), known_terms=TERMS),
    "situational": parse_question(
        raw_question(
            id="ops-irate-customer",
            kind="situational",
            prompt="How would you handle a customer who is shouting at you?",
            words=[60, 180],
            job_terms=[],
            talking_points=points(
                (
                    "Acknowledge the emotion first",
                    ["understand", "sorry", "apologise", "frustrating", "i hear you"],
                ),
                ("Stay calm and let them finish", ["calm", "listen", "let them finish"]),
                ("Focus on what you can do", ["what i can do", "option", "solution", "offer"]),
                (
                    "Escalate respectfully if needed",
                    ["escalate", "supervisor", "team leader", "transfer"],
                ),
            ),
        ),
        known_terms=TERMS,
    ),
    "knowledge": parse_question(
        raw_question(
            id="ops-aht-vs-fcr",
            kind="knowledge",
            prompt="What is the difference between AHT and FCR, and which matters more?",
            star=False,
            words=[40, 150],
            job_terms=["aht", "fcr"],
            talking_points=points(
                (
                    "AHT is the average time a contact takes",
                    ["average handle time", "handling time", "talk time", "after call work"],
                ),
                (
                    "FCR is the share of contacts resolved the first time",
                    ["first contact", "first call", "first time", "repeat call"],
                ),
                (
                    "Balance the two; FCR usually matters more",
                    ["balance", "trade off", "both", "matters more"],
                ),
            ),
        ),
        known_terms=TERMS,
    ),
    "company": parse_question(
        raw_question(
            id="hr-why-company",
            round="hr",
            kind="motivation",
            prompt="Why do you want to work for us?",
            star=False,
            about_company=True,
            words=[50, 150],
            job_terms=[],
            talking_points=points(
                (
                    "Show research on the company",
                    ["clients", "founded", "offices", "employees", "sites"],
                ),
                ("Link your skills to the role", ["my skills", "fit", "strength", "experience"]),
                ("Say how you want to grow there", ["grow", "career", "learn", "long term"]),
            ),
        ),
        known_terms=TERMS,
    ),
    "introduction": parse_question(
        raw_question(
            id="hr-tell-me-about-yourself",
            round="hr",
            kind="introduction",
            prompt="Tell me about yourself.",
            star=False,
            words=[60, 150],
            job_terms=[],
            talking_points=points(
                ("Your education", ["degree", "graduate", "college", "studied"]),
                ("Skills for the job", ["skills", "typing", "english", "communication"]),
                ("Why customer service", ["customer", "help people", "service"]),
            ),
        ),
        known_terms=TERMS,
    ),
    "role": parse_question(
        raw_question(
            id="role-chat-concurrency",
            round="role",
            kind="knowledge",
            prompt="How do you handle several chats at once?",
            star=False,
            words=[30, 150],
            tracks=["chat-email"],
            job_terms=[],
            talking_points=points(
                ("Use saved replies", ["saved replies", "templates", "canned"]),
                ("Keep every customer informed", ["every customer", "update", "informed"]),
                ("Check before sending", ["check", "proofread", "grammar"]),
            ),
        ),
        known_terms=TERMS,
    ),
}
COMPANIES = {
    "concentrix": CompanyFacts(
        "Concentrix",
        (
            "Serves telecom and banking clients",
            "Has over 40 sites in the Philippines",
            "Founded in 1983 in the United States",
        ),
    ),
    "teleperformance": CompanyFacts("Teleperformance"),
}
NOTES = {
    "passive": NOTE_PASSIVE,
    "we": NOTE_WE,
    "hypothetical": NOTE_HYPOTHETICAL,
    "number": NOTE_NO_NUMBER,
    "": "",
}


def feedback_for(answer, question="behavioural", **kwargs):
    return answer_feedback(
        answer, QUESTIONS[question], lexicon=LEXICON, vocabulary=VOCABULARY, **kwargs
    )


def run_case(case):
    return feedback_for(
        case["answer"],
        case["question"],
        track=case.get("track"),
        company=COMPANIES.get(case.get("company", "")),
    )


# ------------------------------------------------------------------ the labelled answers


def test_there_are_enough_labelled_answers():
    assert len(CASES) >= 14
    assert len({case["name"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_a_labelled_answer_gets_the_expected_feedback(case):
    feedback = run_case(case)
    result = feedback.to_dict()
    expect = case["expect"]
    star = result["star"]
    points = [p.point for p in QUESTIONS[case["question"]].talking_points]

    for part, found in expect.get("star", {}).items():
        assert star[part]["found"] is found, (part, star[part])
    for part, note in expect.get("star_notes", {}).items():
        expected_note = NOTES.get(note, note)
        if note == "" and not star[part]["found"]:
            expected_note = star[part]["note"]  # a missing part always has advice
        assert star[part]["note"] == expected_note, (part, star[part])
    if "length" in expect:
        assert result["length"]["verdict"] == expect["length"], result["word_count"]
    if "sentences" in expect:
        assert result["sentence_count"] == expect["sentences"]
    if "fillers" in expect:
        found = {f["phrase"]: f["count"] for f in result["fillers"]}
        assert found == expect["fillers"]
        assert result["filler_count"] == sum(expect["fillers"].values())
    if "hedges" in expect:
        assert {h["phrase"]: h["count"] for h in result["hedges"]} == expect["hedges"]
    if "covered" in expect:
        covered = [p["point"] for p in result["talking_points_covered"]]
        assert covered == [points[n - 1] for n in expect["covered"]]
    if "missed" in expect:
        missed = [p["point"] for p in result["talking_points_missed"]]
        assert missed == [points[n - 1] for n in expect["missed"]]
    if "passive" in expect:
        assert len(result["ownership"]["passive"]) == expect["passive"]
    if "blame" in expect:
        assert result["ownership"]["blame"] == expect["blame"]
    if "ownership" in expect:
        assert result["ownership"]["verdict"] == expect["ownership"]
    if "tone" in expect:
        assert result["positivity"]["tone"] == expect["tone"]
    used = {t["key"] for t in result["job_terms_used"]}
    assert set(expect.get("terms_used", [])) <= used
    if "terms_missed" in expect:
        assert [t["key"] for t in result["job_terms_missed"]] == expect["terms_missed"]
    if "company" in expect:
        facts = COMPANIES[case["company"]].facts
        company = result["company"]
        assert company["mentioned"] is expect["company"]["mentioned"]
        assert company["facts_used"] == [facts[n - 1] for n in expect["company"]["used"]]
        assert company["facts_missed"] == [facts[n - 1] for n in expect["company"]["missed"]]
    keys = list(feedback.improvement_keys)
    if expect.get("improve") == []:
        assert keys == [], result["improvements"]
    assert set(expect.get("improve", [])) <= set(keys), result["improvements"]
    assert not set(expect.get("not_improve", [])) & set(keys), result["improvements"]
    if "first_improvement" in expect:
        assert keys[0] == expect["first_improvement"]
    if "quality" in expect:
        low, high = expect["quality"]
        assert low <= result["suggested_quality"] <= high
    if "repeated_top" in expect:
        assert result["repeated_words"][0]["word"] == expect["repeated_top"]


# ------------------------------------------------------------------ the feedback's shape


REQUIRED_KEYS = {
    "star", "star_expected", "word_count", "length", "sentence_count", "fillers",
    "filler_count", "fillers_per_100_words", "hedges", "job_terms_used", "job_terms_missed",
    "repeated_words", "talking_points_covered", "talking_points_missed", "positivity",
    "ownership", "company", "strengths", "improvements", "suggested_quality", "limits",
    "rules_version",
}  # fmt: skip


def test_the_feedback_dict_has_every_documented_key_and_is_json_ready():
    import json

    case = CASES[0]
    result = run_case(case).to_dict()

    assert set(result) >= REQUIRED_KEYS
    assert set(result["star"]) == set(STAR_PARTS)
    assert set(result["length"]) == {"min", "max", "verdict", "speaking_seconds"}
    assert set(result["positivity"]) == {"positive", "negative", "tone"}
    assert set(result["ownership"]) == {"i_statements", "we_statements", "passive", "blame",
                                        "verdict"}  # fmt: skip
    assert result["rules_version"] == INTERVIEW_RULES_VERSION == "interview-1"
    assert result["company"] is None
    assert "not a grade" in result["limits"]
    assert json.loads(json.dumps(result)) == result
    assert result["length"]["speaking_seconds"] == round(result["word_count"] * 60 / 140)
    assert SPEAKING_WPM == 140


def test_a_complete_answer_lists_specific_strengths():
    result = run_case(CASES[0]).to_dict()

    assert "You covered every point the interviewer looks for." in result["strengths"]
    assert any("all four STAR parts" in s for s in result["strengths"])
    assert any("in 3 days" in s for s in result["strengths"])
    assert any(s.startswith("Good length") for s in result["strengths"])
    assert any("own your actions" in s for s in result["strengths"])


@pytest.mark.parametrize("answer", ["", "   ", "\n\t "])
def test_a_blank_answer_is_refused_with_the_apps_message(answer):
    with pytest.raises(ValueError, match=r"^Write an answer first\.$"):
        feedback_for(answer)


def test_an_unknown_track_is_refused():
    with pytest.raises(ValueError, match="unknown track 'voice'"):
        feedback_for("I helped.", track="voice")


def test_an_answer_with_no_words_scores_zero():
    result = feedback_for("?!").to_dict()

    assert result["word_count"] == 0
    assert result["sentence_count"] == 0
    assert result["fillers_per_100_words"] == 0.0
    assert result["suggested_quality"] == 0
    assert result["length"]["verdict"] == "short"


# ------------------------------------------------------------------ the rules one by one


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("He said \"no.\" Then he left.", ["He said \"no.\"", "Then he left."]),
        ("Tools, e.g. Zendesk, help. Mr. Rao agreed.", ["Tools, e.g. Zendesk, help.",
                                                       "Mr. Rao agreed."]),
        ("My AHT was 4.5 minutes. Good.", ["My AHT was 4.5 minutes.", "Good."]),
        ("We logged in at 9 a.m. and left.", ["We logged in at 9 a.m. and left."]),
        ("Calls, chats etc. Then email.", ["Calls, chats etc.", "Then email."]),
        ("Ask A. Kumar. He knows.", ["Ask A. Kumar.", "He knows."]),
        ("So I said I. Then", ["So I said I.", "Then"]),
        ("first line\nsecond line", ["first line", "second line"]),
        ("Wait... what", ["Wait...", "what"]),
        ("  ", []),
        ("I said no. Then I left.", ["I said no.", "Then I left."]),
    ],
)  # fmt: skip
def test_sentences_split_at_ends_not_at_abbreviations_or_decimals(text, sentences):
    assert list(split_sentences(text)) == sentences


@pytest.mark.parametrize(
    ("answer", "fillers"),
    [
        ("So, I handled it.", {"so": 1}),
        ("So I handled it. So, then it ended.", {}),
        ("I like it and I would like more.", {}),
        ("It was, like, hard.", {"like": 1}),
        ("She was like why.", {"like": 1}),
        ("Things like that.", {}),
        ("Ummmm I uhhh handled it.", {"umm": 1, "uhh": 1}),
        ("So yeah, done.", {"so yeah": 1}),
        ("Forms and all, done.", {"and all": 1}),
        ("I checked and all the forms.", {}),
        ("It means the same.", {}),
        ("It is good, isn't it?", {"isn't it": 1}),
        ("Isn't it good to help?", {}),
    ],
)
def test_fillers_count_only_in_filler_positions(answer, fillers):
    result = feedback_for(answer).to_dict()

    assert {f["phrase"]: f["count"] for f in result["fillers"]} == fillers


def test_fillers_are_sorted_most_frequent_first_with_their_variety():
    result = feedback_for("Yaar, um, um, basically, yaar, yaar it worked.").to_dict()

    assert result["fillers"] == [
        {"phrase": "yaar", "count": 3, "variety": "indian"},
        {"phrase": "um", "count": 2, "variety": "common"},
        {"phrase": "basically", "count": 1, "variety": "common"},
    ]
    assert result["fillers_per_100_words"] == round(100 * 6 / 8, 1)


@pytest.mark.parametrize(
    ("answer", "hedges"),
    [
        ("What kind of customers call? This sort of thing.", {}),
        ("It was kind of hard and sort of slow.", {"kind of": 1, "sort of": 1}),
        ("I feel like I am ready.", {"I feel like": 1}),
        ("I'll try. I will try.", {"I'll try": 1, "I will try": 1}),
    ],
)
def test_hedges_skip_kind_of_after_a_determiner(answer, hedges):
    result = feedback_for(answer).to_dict()

    assert {h["phrase"]: h["count"] for h in result["hedges"]} == hedges


def test_tone_words_match_any_ending_and_negation_flips_positive_words():
    result = feedback_for(
        "I enjoyed the calls and felt proud. I was not really happy with the shift, "
        "and I didn't enjoy nights. It was not bad."
    ).to_dict()["positivity"]

    assert result["positive"] == ["enjoyed", "proud"]
    assert result["negative"] == ["not really happy", "didn't enjoy"]
    assert result["tone"] == "neutral"


def test_repeated_words_group_word_endings_and_skip_stopwords_and_fillers():
    answer = (
        "The customer called. Customers call often. A customer's call. Basically basically "
        "basically the the the the. Refund refund."
    )
    result = feedback_for(answer).to_dict()

    assert result["repeated_words"] == [{"word": "customer", "count": 3},
                                        {"word": "call", "count": 3}]  # fmt: skip


def test_the_top_five_repeated_words_are_kept():
    answer = " ".join(f"{w} {w} {w}." for w in ["alpha", "bravo", "delta", "echo", "golf",
                                                   "hotel"])  # fmt: skip
    repeated = feedback_for(answer).to_dict()["repeated_words"]

    assert [r["word"] for r in repeated] == ["alpha", "bravo", "delta", "echo", "golf"]


def test_a_situational_plan_without_a_number_needs_no_number():
    question = "situational"
    result = feedback_for("I would check the order so that the customer is happy.", question)

    assert result.star[3].found and result.star[3].note == ""
    assert result.star[0].note == STAR_MISSING_PLAN["situation"]
    assert "You own your actions: you say what you would do with 'I'." in result.strengths
    assert "result-number" not in result.strength_keys


def test_missing_parts_of_a_behavioural_story_get_the_story_advice():
    result = feedback_for("Nothing much to say about it.")

    assert [p.note for p in result.star] == [STAR_MISSING[p] for p in STAR_PARTS]
    assert result.improvements[:4] == tuple(STAR_MISSING[p] for p in STAR_PARTS)
    assert result.improvements[3] == (
        "Add the result: what changed for the customer, ideally with a number."
    )


def test_a_year_sets_the_situation():
    result = feedback_for("In 2023 I handled the billing queue.")

    assert result.star[0].found
    assert result.star[0].evidence == "In 2023 I handled the billing queue."


def test_action_verbs_after_adverbs_and_irregular_verbs_count():
    for answer in ["I then quickly took the call.", "I personally spoke to her.",
                   "I calmly explained the bill."]:  # fmt: skip
        assert feedback_for(answer).star[2].found, answer
    for answer in ["I wanted a refund.", "I was tired.", "I used to work there."]:
        assert not feedback_for(answer).star[2].found, answer


def test_an_i_past_action_wins_over_we_and_passive_sentences():
    result = feedback_for("The refund was processed. We called back. I checked the account.")

    assert result.star[2].evidence == "I checked the account."
    assert result.star[2].note == ""
    assert result.ownership.passive == ("The refund was processed.",)


def test_passive_voice_ignores_feelings_and_i_was():
    result = feedback_for("The customer was satisfied. I was asked to help. It was made clear.")

    assert result.ownership.passive == ("It was made clear.",)


def test_ownership_counts_i_and_we_and_says_who_owns_the_story():
    shared = feedback_for("We checked it. We fixed it. I called.")
    assert (shared.ownership.i_statements, shared.ownership.we_statements) == (1, 2)
    assert shared.ownership.verdict == "shared"
    assert "ownership" in shared.improvement_keys

    distant = feedback_for("The order was lost. The refund was sent.")
    assert distant.ownership.verdict == "distant"


def test_job_terms_missed_are_met_by_narrower_terms():
    question = parse_question(raw_question(job_terms=["crm"]), known_terms=TERMS)
    used = answer_feedback("I logged every call in Zendesk.", question, lexicon=LEXICON,
                           vocabulary=VOCABULARY)  # fmt: skip
    assert "zendesk" in {t.key for t in used.job_terms_used}
    assert used.job_terms_missed == ()


def test_track_terms_are_expected_only_in_operations_and_role_rounds():
    hr = feedback_for("I studied commerce.", "introduction", track="kpo")
    assert hr.job_terms_missed == ()

    ops = feedback_for("I listened and I helped.", track="kpo")
    expected = LEXICON.track_terms["kpo"][:5]
    assert [t.key for t in ops.job_terms_missed] == ["csat", *expected]
    advice = ops.improvements[ops.improvement_keys.index("job-terms")]
    assert advice.endswith(" and 1 more.")


def test_an_expected_term_missing_from_the_vocabulary_shows_its_key():
    question = parse_question(raw_question(job_terms=["not-a-term"]))
    result = answer_feedback("I helped.", question, lexicon=LEXICON, vocabulary=VOCABULARY)

    assert result.to_dict()["job_terms_missed"] == [{"key": "not-a-term", "name": "not-a-term"}]


def test_a_company_question_without_a_company_asks_for_research():
    result = feedback_for("I want to grow here with my skills.", "company")

    assert result.company is None
    assert "company-research" in result.improvement_keys


def test_a_company_is_only_checked_for_company_questions():
    result = feedback_for("I helped.", company=COMPANIES["concentrix"])

    assert result.company is None


def test_the_company_name_matches_a_possessive():
    result = feedback_for(
        "Concentrix's clients are banks.", "company", company=COMPANIES["concentrix"]
    )

    assert result.company is not None and result.company.mentioned


def test_a_company_name_with_no_words_is_never_mentioned():
    result = feedback_for("I like ***.", "company", company=CompanyFacts("***"))

    assert result.company is not None and not result.company.mentioned


def test_a_fact_with_no_content_words_is_never_used():
    company = CompanyFacts("Acme", ("It is there.",))
    result = feedback_for("Acme: it is there.", "company", company=company)

    assert result.company is not None and result.company.facts_missed == ("It is there.",)


def test_a_mostly_covered_answer_names_the_points_it_covered():
    result = feedback_for("I listened, I said sorry and I offered a refund.", "situational")

    assert any(s.startswith("You covered 3 of 4 key points") for s in result.strengths)


def test_a_long_answer_is_asked_to_be_shorter():
    answer = "I checked the account again. " * 60
    result = feedback_for(answer)

    assert result.length_verdict == "long"
    assert "long" in result.improvement_keys
    assert "repetition" in result.improvement_keys


def test_a_fluent_answer_with_positive_tone_and_job_terms_gets_those_strengths():
    answer = (
        "I enjoy voice work and I am proud of my CSAT and AHT figures, which I kept in "
        "range every week of my internship while I handled billing calls for a telecom "
        "client in Pune."
    )
    keys = feedback_for(answer, "knowledge").strength_keys

    assert {"fluent", "tone", "job-terms"} <= set(keys)


# ------------------------------------------------------------------ suggested quality


def test_suggested_quality_follows_the_documented_rule():
    result = run_case(CASES[4])  # the very short answer
    coverage = 1 / 3
    star = 2 / 4
    length = result.word_count / 80
    expected = int(5 * (0.45 * coverage + 0.25 * star + 0.15 * length + 0.15 * 1.0) + 0.5)

    assert result.suggested_quality == expected


def test_suggested_quality_drops_to_no_fluency_at_eight_fillers_per_100_words():
    question = "knowledge"
    sentence = "AHT means average handle time and FCR first call, so balance both. "
    clean = feedback_for(sentence * 4, question)
    noisy = feedback_for(("Um uh um " + sentence) * 4, question)

    assert clean.suggested_quality == 5
    assert noisy.suggested_quality == 4


def test_blame_caps_suggested_quality_at_2():
    result = feedback_for(
        "Last year a customer called about a refund and it was not my fault. My job was to "
        "fix it. I listened, I said sorry and I raised a refund. As a result she got 500 "
        "rupees back in 2 days and thanked me. " * 2
    )

    assert result.ownership.blame
    assert result.suggested_quality == 2


def test_a_long_answer_loses_length_marks_in_proportion():
    answer = "I listened, said sorry and gave a refund. " * 100  # 800 words, max 200
    assert feedback_for(answer).suggested_quality <= 4


# ------------------------------------------------------------------ properties


WORDS = st.sampled_from(
    ["I", "we", "the", "customer", "refund", "um", "like", "so", "was", "processed",
     "listened", "sorry", "calm", ",", ".", "?", "yaar", "kasi", "3", "percent", "would",
     "escalate", "basically", "not", "happy", "e.g.", "Mr.", "4.5", "\n"]
)  # fmt: skip
ANSWERS = st.one_of(st.text(min_size=1, max_size=300), st.lists(WORDS, min_size=1).map(" ".join))
QUESTION_NAMES = st.sampled_from(sorted(QUESTIONS))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=ANSWERS, question=QUESTION_NAMES, track=st.sampled_from([None, *TRACKS]))
def test_feedback_never_crashes_and_keeps_its_invariants(answer, question, track):
    if not answer.strip():
        with pytest.raises(ValueError, match="Write an answer first"):
            feedback_for(answer, question)
        return
    feedback = feedback_for(answer, question, track=track, company=COMPANIES["concentrix"])
    result = feedback.to_dict()

    assert result["word_count"] == sum(1 for t in tokens(answer) if is_word(t))
    total = len(QUESTIONS[question].talking_points)
    covered, missed = result["talking_points_covered"], result["talking_points_missed"]
    assert len(covered) + len(missed) == total
    assert {p["point"] for p in covered} | {p["point"] for p in missed} == {
        p.point for p in QUESTIONS[question].talking_points
    }
    assert 0 <= result["suggested_quality"] <= 5
    assert result["length"]["verdict"] in {"short", "ok", "long"}
    assert result["positivity"]["tone"] in {"positive", "neutral", "negative"}
    assert result["ownership"]["verdict"] in {"owns", "shared", "distant"}
    assert result["filler_count"] <= result["word_count"]
    for p in covered:
        assert p["evidence"] and p["evidence"] in answer


@settings(max_examples=100, deadline=None)
@given(
    answer=ANSWERS.filter(lambda a: a.strip()),
    question=QUESTION_NAMES,
    data=st.data(),
)
def test_adding_a_talking_points_cue_never_uncovers_a_point(answer, question, data):
    guide = QUESTIONS[question]
    point = data.draw(st.sampled_from(guide.talking_points))
    cue = data.draw(st.sampled_from(point.cues))
    before = feedback_for(answer, question)
    after = feedback_for(f"{answer}\n{cue}", question)

    covered_before = {p.point for p in before.talking_points if p.covered}
    covered_after = {p.point for p in after.talking_points if p.covered}
    assert covered_before <= covered_after
    assert point.point in covered_after


# ------------------------------------------------------------------ parsing questions


def test_a_question_round_trips_through_to_dict():
    for question in QUESTIONS.values():
        again = parse_question(copy.deepcopy(question.to_dict()), known_terms=TERMS)
        assert again == question
    assert QUESTIONS["behavioural"].tracks == TRACKS
    assert QUESTIONS["behavioural"].to_dict()["tracks"] == ["all"]
    assert QUESTIONS["role"].to_dict()["tracks"] == ["chat-email"]


def test_optional_fields_default_and_tracks_keep_the_canonical_order():
    item = raw_question(tracks=["kpo", "back-office"])
    for name in ("roles", "about_company", "job_terms"):
        del item[name]
    question = parse_question(item)

    assert (question.roles, question.about_company, question.job_terms) == ((), False, ())
    assert question.tracks == ("back-office", "kpo")
    assert isinstance(question, QuestionGuide)


def problems_of(item, **kwargs):
    with pytest.raises(InterviewContentError) as error:
        parse_question(item, **kwargs)
    assert str(error.value) == "; ".join(error.value.problems)
    return error.value.problems


def test_a_question_lists_every_problem_at_once():
    item = raw_question(
        id="Bad Id",
        round="finance",
        kind="quiz",
        prompt="",
        looking_for=3,
        structure=["one"],
        mistakes="none",
        talking_points=[{"point": "x", "cues": ["a"], "extra": 1}, "oops"],
        tracks=["voice", "kpo"],
        roles=["team-leader", "astronaut", "team-leader"],
        star="yes",
        words=[300, 100],
        seconds={"think": 5, "answer": 500},
        about_company="no",
        job_terms=["csat", "warp-drive"],
        sources=[{"label": "", "url": "ftp://x", "grade": "D"}, "oops"],
        colour="red",
    )
    problems = problems_of(item, known_roles={"team-leader"}, known_terms=TERMS)
    where = "question (Bad Id)"

    assert problems == [
        f"{where}: unknown field 'colour'",
        f"{where}: round must be one of {', '.join(ROUNDS)}",
        f"{where}: id must be a lower-case slug joined by hyphens",
        f"{where}: kind must be one of {', '.join(KINDS)}",
        f"{where}: words min must be below max",
        f"{where}: prompt must be a non-empty text",
        f"{where}: looking_for must be a non-empty text",
        f"{where}: structure must have 3-5 items, not 1",
        f"{where}: mistakes must be a list of texts",
        f"{where}: talking_points must have 3-5 points, not 2",
        f"{where} talking point 1: unknown field 'extra'",
        f"{where} talking point 1: cues must have 3-8 items, not 1",
        f"{where} talking point 2: must be a mapping with point and cues",
        f"{where}: unknown track 'voice'; use {', '.join(TRACKS)}, or [all] alone",
        f"{where}: roles lists 'team-leader' twice",
        f"{where}: roles: unknown role 'astronaut'",
        f"{where}: star must be true or false",
        f"{where}: seconds think must be a whole number from 10 to 60",
        f"{where}: seconds answer must be a whole number from 30 to 240",
        f"{where}: about_company must be true or false",
        f"{where}: job_terms: unknown term 'warp-drive'",
        f"{where} source 1: label must be a non-empty text",
        f"{where} source 1: url must start with http:// or https://",
        f"{where} source 1: grade must be A, B or C",
        f"{where} source 2: must be a mapping with label, url and grade",
    ]


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"id": "hr-why-bpo"}, "id must start with 'ops-' for its round"),
        ({"id": None}, "id must be a lower-case slug joined by hyphens"),
        ({"words": [0, 500]}, "words min must be a whole number from 1 to 399"),
        ({"words": [10, True]}, "words max must be a whole number from 2 to 400"),
        ({"words": 100}, "words must be [min, max]"),
        ({"seconds": 30}, "seconds must be {think, answer}"),
        ({"talking_points": "listen"}, "talking_points must be a list of {point, cues}"),
        ({"talking_points": points(("a", ["one two three four five", "x, y", "ok"]),
                                   ("b", ["calm", "calming", "calmed"]),
                                   ("c", ["x", "y", "z"]))},
         "cue 'one two three four five' must be 1-4 words without punctuation"),
        ({"talking_points": points(("a", ["calm", "calming", "calmed"]), ("b", ["x", "y", "z"]),
                                   ("c", ["x", "y", "z"]))},
         "cue 'calming' is the same as 'calm' once word endings are ignored"),
        ({"tracks": "all"}, "tracks must be a list of track slugs, or [all]"),
        ({"tracks": ["all", "kpo"]}, "unknown track 'all'"),
        ({"tracks": []}, "tracks must be a list of track slugs, or [all]"),
        ({"roles": "team-leader"}, "roles must be a list of lower-case-hyphen keys"),
        ({"roles": ["Team Leader"]}, "roles must be a list of lower-case-hyphen keys"),
        ({"sources": []}, "sources must list at least one {label, url, grade}"),
        ({"star": None}, "star must be true or false"),
    ],
)  # fmt: skip
def test_each_question_rule_has_a_message(changes, problem):
    problems = problems_of(raw_question(**changes), known_terms=TERMS)

    assert any(problem in p for p in problems), problems


def test_a_question_that_is_not_a_mapping_is_refused():
    assert problems_of(["id"]) == ["question: must be a mapping of question fields"]


def test_parse_questions_reads_a_file_and_finds_duplicate_ids():
    item = raw_question()
    assert parse_questions({"questions": [item]}) == (QUESTIONS["behavioural"],)

    with pytest.raises(InterviewContentError) as error:
        parse_questions({"questions": [item, item, raw_question(kind="x")], "extra": 1},
                        where="ops.yaml")  # fmt: skip
    assert error.value.problems == [
        "ops.yaml: unknown key 'extra'",
        "ops.yaml: question 3 (ops-difficult-customer): kind must be one of " + ", ".join(KINDS),
        "ops.yaml: id 'ops-difficult-customer' is used 2 times",
    ]


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ([], "must be a mapping with a list of questions"),
        ({"questions": {}}, "must be a mapping with a list of questions"),
        ({"questions": []}, "questions is empty"),
    ],
)
def test_parse_questions_refuses_a_malformed_file(raw, problem):
    with pytest.raises(InterviewContentError, match=problem):
        parse_questions(raw)


def write_questions(path, *items):
    path.write_text(yaml.safe_dump({"questions": list(items)}), encoding="utf-8")


def test_load_question_files_reads_every_yaml_file_in_name_order(tmp_path):
    write_questions(tmp_path / "b.yaml", raw_question())
    write_questions(tmp_path / "a.yaml", raw_question(id="hr-why-bpo", round="hr"))
    (tmp_path / "notes.txt").write_text("not a question file")

    questions = load_question_files(tmp_path, known_terms=TERMS)

    assert [q.id for q in questions] == ["hr-why-bpo", "ops-difficult-customer"]
    assert load_question_files(tmp_path / "missing") == ()


def test_load_question_files_prefixes_problems_with_the_file_name(tmp_path):
    write_questions(tmp_path / "a.yaml", raw_question())
    write_questions(tmp_path / "b.yaml", raw_question(id="ops-x", star=3))
    (tmp_path / "c.yaml").write_text("questions: [unclosed", encoding="utf-8")
    (tmp_path / "d.yaml").write_bytes(b"\xff\xfe")
    write_questions(tmp_path / "e.yaml", raw_question())

    with pytest.raises(InterviewContentError) as error:
        load_question_files(tmp_path)
    problems = error.value.problems

    assert problems[0] == "b.yaml: question 1 (ops-x): star must be true or false"
    assert problems[1].startswith("c.yaml: cannot be read: ")
    assert problems[2].startswith("d.yaml: cannot be read: ")
    assert problems[3] == "id 'ops-difficult-customer' is used 2 times"


def test_the_packaged_question_folder_loads():
    assert all(isinstance(q, QuestionGuide) for q in load_question_files(known_terms=TERMS))


# ------------------------------------------------------------------ parsing the lexicon


def test_the_packaged_language_file_parses_with_known_terms():
    raw = yaml.safe_load(LANGUAGE_PATH.read_text(encoding="utf-8"))
    lexicon = parse_lexicon(raw, known_terms=TERMS)

    assert lexicon == LEXICON
    assert {f.variety for f in lexicon.fillers} == {"common", "indian", "philippine"}
    assert set(lexicon.star_cues) == set(STAR_PARTS)
    assert set(lexicon.track_terms) == set(TRACKS)
    assert all(6 <= len(keys) <= 10 for keys in lexicon.track_terms.values())
    assert len(lexicon.positive) >= 25 and len(lexicon.negative) >= 25
    assert len(lexicon.stopwords) >= 150
    assert Filler("like", "common", ("before-comma", "after-be")) in lexicon.fillers
    assert {"i think", "maybe", "kind of"} <= {h.lower() for h in lexicon.hedges}


def valid_lexicon(**changes):
    raw = yaml.safe_load(LANGUAGE_PATH.read_text(encoding="utf-8"))
    raw.update(changes)
    return raw


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"colour": 1}, "unknown key 'colour'"),
        ({"fillers": ["um"]}, "fillers: must map each variety"),
        ({"fillers": {"scottish": ["och"]}}, "fillers scottish: unknown variety"),
        ({"fillers": {"common": "um"}}, "fillers common: must be a list"),
        ({"fillers": {"common": ["um", 3]}}, "fillers common: 3 must be a word or phrase"),
        ({"fillers": {"common": [{"phrase": "like", "when": ["sometimes"]}]}},
         "fillers common: 'like': when must list positions from anywhere"),
        ({"fillers": {"common": ["um"], "indian": ["UM"]}},
         "fillers: 'um' is listed more than once"),
        ({"fillers": {}}, "fillers: must list at least one filler"),
        ({"hedges": []}, "hedges: must be a non-empty list of words or phrases"),
        ({"hedges": ["maybe", "Maybe"]}, "hedges: 'Maybe' is listed twice"),
        ({"blame": ["!!"]}, "blame: '!!' has no word in it"),
        ({"negative": ["enjoying", "bad"], "positive": ["enjoy", "good"]},
         "negative: 'enjoying' is also a positive word"),
        ({"stopwords": "the"}, "stopwords: must be a list of words"),
        ({"star_cues": []}, "star_cues: must map situation, task, action, result"),
        ({"star_cues": {"situation": ["x"], "task": ["x"], "action": ["x"], "result": ["x"],
                        "moral": ["x"]}}, "star_cues: unknown part 'moral'"),
        ({"star_cues": {"situation": ["x"], "task": ["x"], "action": ["x"]}},
         "star_cues result: must be a non-empty list"),
        ({"track_terms": []}, "track_terms: must map every track"),
        ({"track_terms": {**{t: ["csat"] for t in TRACKS}, "bpo": ["csat"]}},
         "track_terms: unknown track 'bpo'"),
        ({"track_terms": {t: ["csat"] for t in TRACKS[1:]}},
         "track_terms international-voice: must list at least one vocabulary key"),
        ({"track_terms": {t: ["csat", "warp"] for t in TRACKS}},
         "track_terms kpo: terms: unknown term 'warp'"),
    ],
)  # fmt: skip
def test_each_lexicon_rule_has_a_message(changes, problem):
    with pytest.raises(InterviewContentError) as error:
        parse_lexicon(valid_lexicon(**changes), known_terms=TERMS)

    assert any(p.startswith(problem) for p in error.value.problems), error.value.problems


def test_the_lexicon_must_be_a_mapping():
    with pytest.raises(InterviewContentError, match="must be a mapping"):
        parse_lexicon(["um"])


def test_load_lexicon_reads_another_file(tmp_path):
    path = tmp_path / "language.yaml"
    path.write_text(yaml.safe_dump(valid_lexicon(hedges=["perhaps"])), encoding="utf-8")

    lexicon = load_lexicon(path)

    assert isinstance(lexicon, Lexicon)
    assert lexicon.hedges == ("perhaps",)


# ------------------------------------------------------------------ the mock summary


def test_mock_summary_aggregates_answers_by_round():
    by_name = {case["name"]: case for case in CASES}
    chosen = [
        by_name["a complete STAR story with a number"],
        by_name["a result without a number"],
        by_name["an action told only in the passive voice"],
        by_name["a knowledge answer (no STAR expected)"],
        by_name["Indian English fillers"],
    ]
    items = [(QUESTIONS[c["question"]], run_case(c)) for c in chosen]
    summary = mock_summary(items)
    result = summary.to_dict()
    feedbacks = [f for _, f in items]

    assert result["answers"] == 5
    # The passive action and the result without a number count; the missing result does not.
    assert result["star_rate"] == round(2 / 3, 3)
    assert result["average_words"] == round(sum(f.word_count for f in feedbacks) / 5, 1)
    in_range = sum(1 for f in feedbacks if f.length_verdict == "ok")
    assert result["in_range_share"] == round(in_range / 5, 3)
    fillers = sum(f.filler_count for f in feedbacks)
    assert result["fillers_per_100_words"] == round(
        100 * fillers / sum(f.word_count for f in feedbacks), 1
    )
    points = sum(len(f.talking_points) for f in feedbacks)
    covered = sum(f.points_covered for f in feedbacks)
    assert result["talking_point_coverage"] == round(covered / points, 3)
    assert "Customer satisfaction (CSAT)" in result["job_terms_used"]
    assert len(result["job_terms_used"]) == len(set(result["job_terms_used"]))
    assert len(result["strengths"]) == 3 and len(result["improvements"]) <= 3
    assert result["strengths"][0].endswith("of 5 answers)")
    assert set(result["per_round"]) == {"operations", "hr"}
    assert list(result["per_round"]) == ["hr", "operations"]  # in ROUNDS order
    assert result["per_round"]["hr"] == {
        "answers": 1,
        "talking_point_coverage": 1.0,
        "star_rate": None,
    }
    assert result["per_round"]["operations"]["answers"] == 4


def test_mock_summary_ranks_improvements_by_frequency():
    answers = ["I helped.", "I helped a lot.", "We fixed it and it was resolved."]
    items = [(QUESTIONS["behavioural"], feedback_for(a)) for a in answers]
    result = mock_summary(items).to_dict()

    assert (
        result["improvements"][0] == "Set the scene: when and where it happened. (3 of 3 answers)"
    )
    assert result["star_rate"] == 0.0


def test_mock_summary_of_nothing_is_empty():
    result = mock_summary([]).to_dict()

    assert result == {
        "answers": 0,
        "star_rate": None,
        "average_words": 0.0,
        "in_range_share": 0.0,
        "fillers_per_100_words": 0.0,
        "talking_point_coverage": 0.0,
        "job_terms_used": [],
        "strengths": [],
        "improvements": [],
        "per_round": {},
    }


def test_a_question_with_no_talking_points_has_zero_coverage():
    question = QUESTIONS["behavioural"]
    bare = interview.QuestionGuide(**{**question.__dict__, "talking_points": ()})
    result = answer_feedback("I helped.", bare, lexicon=LEXICON, vocabulary=VOCABULARY)

    assert result.talking_point_coverage == 0.0
