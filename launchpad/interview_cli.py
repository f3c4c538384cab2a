"""`launchpad interview-feedback`: feedback on a written interview answer, without a database.

    launchpad interview-feedback --question ID ANSWER.txt
    launchpad interview-feedback --question ID -          (reads the answer from stdin)
    launchpad interview-feedback --question ID --track chat-email ANSWER.txt
    launchpad interview-feedback --question hr-why-company --company Concentrix \\
        --fact "Serves telecom and banking clients" ANSWER.txt

Prints one JSON object: the STAR parts found, length, fillers, hedges, job terms, talking
points covered and missed, tone, ownership, strengths, improvements and a suggested quality
(launchpad/core/interview.py describes the rules). Questions come from
launchpad/content/interview/questions (or `--questions DIR`).

Exit codes: 0 done, 2 the question is unknown, the answer cannot be read or is empty, or the
interview content is invalid (the message on standard error says what is wrong).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from launchpad.cli_io import (
    EXIT_OK,
    EXIT_USAGE,
    InputUnreadable,
    did_you_mean,
    parse,
    print_json,
    read_text,
    streams,
)
from launchpad.core.interview import (
    QUESTIONS_DIR,
    TRACKS,
    CompanyFacts,
    InterviewContentError,
    answer_feedback,
    load_lexicon,
    load_question_files,
)
from launchpad.core.resume.vocabulary import VocabularyError, load_vocabulary


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="launchpad interview-feedback",
        description="Give feedback on a written interview answer and print it as JSON.",
    )
    parser.add_argument("answer", metavar="ANSWER.txt", help="the answer, or - for stdin")
    parser.add_argument("--question", required=True, metavar="ID", help="the question's id")
    parser.add_argument("--track", choices=TRACKS, help="the track applied for")
    parser.add_argument("--company", metavar="NAME", help="the target company's name")
    parser.add_argument(
        "--fact",
        action="append",
        default=[],
        metavar="TEXT",
        help="a research note on the company (repeat for more)",
    )
    parser.add_argument(
        "--questions",
        type=Path,
        default=QUESTIONS_DIR,
        metavar="DIR",
        help="the folder of question files (default: the packaged question bank)",
    )
    return parser


def interview_feedback_command(
    argv: Sequence[str],
    *,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Runs `launchpad interview-feedback ...`; returns the exit code."""
    stdin, out, err = streams(stdin, out, err)
    args = parse(_parser(), argv)
    if isinstance(args, int):
        return args
    try:
        vocabulary = load_vocabulary()
        terms = frozenset(t.key for t in vocabulary.terms)
        lexicon = load_lexicon(known_terms=terms)
        questions = load_question_files(args.questions, known_terms=terms)
    except (InterviewContentError, VocabularyError) as error:
        print(f"error: invalid interview content: {error}", file=err)
        return EXIT_USAGE
    by_id = {q.id: q for q in questions}
    question = by_id.get(args.question)
    if question is None:
        hint = did_you_mean(args.question, list(by_id))
        print(f"error: no question with id {args.question!r}{hint}", file=err)
        return EXIT_USAGE
    try:
        answer = read_text(args.answer, stdin)
    except InputUnreadable as error:
        print(f"error: {error}", file=err)
        return EXIT_USAGE
    company = None
    if args.company:
        company = CompanyFacts(args.company, tuple(f for f in args.fact if f.strip()))
    try:
        feedback = answer_feedback(
            answer,
            question,
            lexicon=lexicon,
            vocabulary=vocabulary,
            track=args.track,
            company=company,
        )
    except ValueError as error:
        print(f"error: {error}", file=err)
        return EXIT_USAGE
    print_json(feedback.to_dict(), out)
    return EXIT_OK
