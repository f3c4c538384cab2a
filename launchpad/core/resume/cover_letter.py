"""The cover letter: a short letter for one job, built only from what the candidate has shown.

`draft_cover_letter` writes four paragraphs from a JSON Resume, a job and the skills-lab
profile:

- `role`: the job title and company the candidate applies to, and the fit the resume states
  (its headline and the first sentence of its summary, in the resume's own words);
- `evidence`: up to three lines of the resume that meet the job's must-haves and
  responsibilities (from `match.match`: found concepts with a resume path), quantified lines
  first, then the measured skills-lab results (typing speed, English level; an estimated
  level says "estimated"). When nothing matches, it says so plainly and offers the strongest
  experience or education line instead, without claiming the requirement;
- `availability`: shifts, notice period, city and on-site work, each only when known (the
  profile first, then the resume's BPO fields); with none known, an offer to discuss them;
- `closing`: thanks and the contact details from `basics`.

Every fact in a paragraph is listed in its `claims` with its source: a JSON Resume path
(`work[0].highlights[1]`, `basics.x-bpo.shifts`), a profile key (`profile.typing_wpm`) or the
job (`job.title`, `job.company`). Nothing is said about the company beyond its name and the
job title. The letter is plain data the candidate can edit (`to_dict` / `from_dict`) and
export as text (`cover_letter_to_text`) or DOCX (`cover_letter_to_docx`).

Pure and deterministic: no clock, no I/O, no randomness.
"""

from __future__ import annotations

import datetime
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeGuard

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from launchpad.core.resume.bpo import CEFR_LEVELS, SHIFTS, get_bpo
from launchpad.core.resume.export_docx import (
    INK,
    ZIP_EPOCH,
    drop_thumbnail,
    fixed_zip,
    set_font,
    utc,
)
from launchpad.core.resume.export_text import clean
from launchpad.core.resume.match import JobSpec, MatchResult, match, parse_job
from launchpad.core.resume.vocabulary import Vocabulary

PARAGRAPH_KEYS = ("role", "evidence", "availability", "closing")
GREETING = "Dear Hiring Manager,"
SIGN_OFF = "Yours sincerely,"
CONTACT_SEPARATOR = " \u00b7 "
MAX_EVIDENCE = 3
# Sections whose entries give a highlight its context ("At <employer>, I ...").
_EMPLOYERS = ("work", "volunteer")
_PATH_RE = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
# Past-tense verbs without -ed that resume bullets often start with ("Kept AHT under 6 min").
_IRREGULAR_PAST = frozenset(
    (
        "began", "became", "brought", "built", "chose", "cut", "dealt", "did", "drove",
        "felt", "found", "gave", "got", "grew", "held", "kept", "led", "left", "made", "met",
        "paid", "put", "ran", "read", "sent", "set", "sold", "spent", "spoke", "stood",
        "taught", "thought", "took", "understood", "upsold", "won", "wrote",
    )
)  # fmt: skip
# The paths of a sentence-like resume field: quoted as a line, not listed as a skill.
_LINE_KEYS = frozenset({"highlights", "summary", "description"})


@dataclass(frozen=True)
class Claim:
    """A fact as the letter states it (`text`) and where it comes from (`source`): a JSON
    Resume path, `profile.<key>`, `job.title` or `job.company`."""

    text: str
    source: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the letter: `key` (role, evidence, availability or closing), its text
    and the claims its sentences make."""

    key: str
    text: str
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class CoverLetter:
    """A cover letter: the sender's name and contact line, greeting, paragraphs and sign-off."""

    name: str
    contact: str
    greeting: str
    paragraphs: tuple[Paragraph, ...]
    sign_off: str

    def paragraph(self, key: str) -> Paragraph:
        """The paragraph with this key."""
        return next(p for p in self.paragraphs if p.key == key)

    def to_dict(self) -> dict[str, Any]:
        """The letter as JSON-ready data."""
        return {
            "name": self.name,
            "contact": self.contact,
            "greeting": self.greeting,
            "paragraphs": [
                {
                    "key": p.key,
                    "text": p.text,
                    "claims": [{"text": c.text, "source": c.source} for c in p.claims],
                }
                for p in self.paragraphs
            ],
            "sign_off": self.sign_off,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CoverLetter:
        """The letter `to_dict` gave (possibly edited). Raises ValueError, naming the field,
        when a field is missing or of the wrong type."""
        paragraphs = _list(data, "paragraphs", "letter")
        return cls(
            name=_str(data, "name", "letter"),
            contact=_str(data, "contact", "letter"),
            greeting=_str(data, "greeting", "letter"),
            paragraphs=tuple(
                _paragraph(item, f"paragraphs[{i}]") for i, item in enumerate(paragraphs)
            ),
            sign_off=_str(data, "sign_off", "letter"),
        )


def _str(data: Any, key: str, where: str) -> str:
    if not isinstance(data, Mapping):
        raise ValueError(f"{where}: should be an object")
    value = data.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{where}.{key}: should be text")
    return value


def _list(data: Any, key: str, where: str) -> list[Any]:
    if not isinstance(data, Mapping):
        raise ValueError(f"{where}: should be an object")
    value = data.get(key)
    if not isinstance(value, list):
        raise ValueError(f"{where}.{key}: should be a list")
    return value


def _paragraph(data: Any, where: str) -> Paragraph:
    claims = _list(data, "claims", where)
    return Paragraph(
        key=_str(data, "key", where),
        text=_str(data, "text", where),
        claims=tuple(
            Claim(
                _str(c, "text", f"{where}.claims[{i}]"), _str(c, "source", f"{where}.claims[{i}]")
            )
            for i, c in enumerate(claims)
        ),
    )


# ------------------------------------------------------------------ reading the inputs


def value_at(data: Any, path: str) -> Any:
    """The value at a JSON Resume path such as `work[0].highlights[1]` or
    `basics.x-bpo.shifts`, or None when there is nothing there."""
    value = data
    for key, index in _PATH_RE.findall(path):
        if key:
            value = value.get(key) if isinstance(value, Mapping) else None
        elif isinstance(value, list) and int(index) < len(value):
            value = value[int(index)]
        else:
            return None
    return value


def _text_at(resume: Mapping[str, Any], path: str) -> str:
    value = value_at(resume, path)
    return clean(value) if isinstance(value, str) else ""


def _is_number(value: Any) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _floor(value: float, places: int = 0) -> str:
    """`value` cut, never rounded up (a letter must not overstate), to `places` decimals."""
    scale = 10**places
    text = f"{math.floor(round(value * scale, 6)) / scale:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _and(words: Sequence[str]) -> str:
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


def _no_stop(text: str) -> str:
    return text.rstrip(" .;,:")


class _Writer:
    """Collects a paragraph's sentences and their claims."""

    def __init__(self) -> None:
        self.sentences: list[str] = []
        self.claims: list[Claim] = []

    def say(self, sentence: str, *claims: Claim) -> None:
        self.sentences.append(sentence)
        self.claims.extend(claims)

    def paragraph(self, key: str) -> Paragraph:
        return Paragraph(key, " ".join(self.sentences), tuple(self.claims))


# ------------------------------------------------------------------ the role paragraph


def _article(label: str) -> tuple[str, str]:
    """The article and headline to follow "as": (`a`, `fresher seeking ...`), (`an`,
    `Analyst`), (`a`, `Customer Service Representative`): a title-case headline keeps its
    capitals, one that starts like a sentence does not; a headline with its own article
    gets none."""
    words = label.split()
    title_case = all(w[:1].isupper() for w in words if w[:1].isalpha())
    if not title_case and words[0][1:] == words[0][1:].lower():
        label = label[0].lower() + label[1:]
    if words[0].lower() in ("a", "an", "the"):
        return "", label
    return ("an" if label[0].lower() in "aeiou" else "a"), label


def _role(resume: Mapping[str, Any], spec: JobSpec, company: str) -> Paragraph:
    writer = _Writer()
    title = clean(spec.title)
    job_claims = [Claim(title, "job.title")] if title else []
    role = f"the {title} role" if title else "this role"
    if company:
        job_claims.append(Claim(company, "job.company"))
        role += f" at {company}"
    writer.say(f"I am writing to apply for {role}.", *job_claims)
    label = _no_stop(_text_at(resume, "basics.label"))
    if label:
        article, shown = _article(label)
        phrase = f"{article} {shown}" if article else shown
        writer.say(f"I see a clear fit with my profile as {phrase}.", Claim(shown, "basics.label"))
    summary = _text_at(resume, "basics.summary")
    if summary:
        first = _no_stop(_SENTENCE_END_RE.split(summary)[0])
        lead = (
            ""
            if re.match(r"(?:I|I'm|I've|My)\b", first)
            else "My resume sums up my background as: "
        )
        writer.say(f"{lead}{first}.", Claim(first, "basics.summary"))
    if label or summary:
        writer.say("I would welcome the chance to bring these strengths to the role.")
    else:
        position = _text_at(resume, "work[0].position")
        employer = _text_at(resume, "work[0].name")
        if position:
            where = f" at {employer}" if employer else ""
            writer.say(
                f"I have worked as {position}{where}.",
                Claim(position, "work[0].position"),
                *([Claim(employer, "work[0].name")] if employer else []),
            )
    return writer.paragraph("role")


# ------------------------------------------------------------------ the evidence paragraph


def _matched_paths(result: MatchResult, resume: Mapping[str, Any]) -> list[str]:
    """Resume paths that meet the job's must-haves, then its responsibilities, best first:
    quantified lines, other lines, then short values (skills, names); the headline and
    summary are left to the role paragraph."""
    found: list[str] = []
    for component in result.components:
        for item in component.items:
            if item.kind not in ("must", "responsibility") or item.weight == 0:
                continue
            for concept in item.concepts:
                path = concept.path
                if (
                    concept.found
                    and path
                    and not path.startswith(("basics", "profile"))
                    and path not in found
                    and _text_at(resume, path)
                ):
                    found.append(path)

    def rank(path: str) -> int:
        if not _is_line(path):
            return 2
        return 0 if re.search(r"\d", _text_at(resume, path)) else 1

    return sorted(found, key=rank)[:MAX_EVIDENCE]


def _is_line(path: str) -> bool:
    keys = {key for key, _ in _PATH_RE.findall(path) if key}
    return bool(keys & _LINE_KEYS)


def _first_person(line: str) -> str | None:
    """`I handled 70+ calls a day` for `Handled 70+ calls a day`; None when the line does not
    start with a verb in the past tense."""
    first, _, rest = line.partition(" ")
    base = first.split("-")[-1].lower()
    if not (first[:1].isupper() and first[1:] == first[1:].lower()):
        return None
    if not ((len(base) > 4 and base.endswith("ed")) or base in _IRREGULAR_PAST):
        return None
    return f"I {first[0].lower()}{first[1:]} {rest}".rstrip()


def _context(resume: Mapping[str, Any], path: str) -> tuple[str, list[Claim]]:
    """Where a line comes from, to open its sentence: `At Island Contact Solutions`."""
    entry = path.split("]")[0] + "]"
    section = entry.split("[")[0]
    if section in _EMPLOYERS:
        employer = _text_at(resume, f"{entry}.name") or _text_at(resume, f"{entry}.organization")
        key = "name" if _text_at(resume, f"{entry}.name") else "organization"
        position = _text_at(resume, f"{entry}.position")
        claims = [Claim(employer, f"{entry}.{key}")] if employer else []
        if position:
            article, shown = _article(position)
            claims.append(Claim(shown, f"{entry}.position"))
            role = f"as {article} {shown}" if article else f"as {shown}"
            return (f"At {employer}, {role}" if employer else role.capitalize()), claims
        if employer:
            return f"At {employer}", claims
    if section == "projects":
        value = _text_at(resume, f"{entry}.name")
        if value:
            return f"In my project {value}", [Claim(value, f"{entry}.name")]
    return "", []


def _cite_lines(writer: _Writer, resume: Mapping[str, Any], paths: Sequence[str]) -> None:
    """One sentence per line, naming its employer or project the first time."""
    named: set[str] = set()
    repeats = 0
    for path in paths:
        line = _no_stop(_text_at(resume, path))
        entry = path.split("]")[0]
        seen = entry in named
        context, claims = ("", []) if seen else _context(resume, path)
        named.add(entry)
        spoken = _first_person(line)
        if spoken is None:
            opener = f"{context}: {line}" if context else line
            writer.say(f"{opener}.", *claims, Claim(line, path))
            continue
        if context:
            opener = f"{context}, {spoken}"
        elif seen:
            # A second line from the same place reads on from the first.
            opener = f"I also{spoken[1:]}" if repeats == 0 else f"In addition, {spoken}"
            repeats += 1
        else:
            opener = spoken
        writer.say(f"{opener}.", *claims, Claim(spoken[2:], path))


def _strongest_line(resume: Mapping[str, Any]) -> list[str]:
    """The best line of experience: the first quantified highlight, else the first one."""
    lines: list[str] = []
    for section in ("work", "volunteer", "projects"):
        entries = resume.get(section)
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            highlights = entry.get("highlights") if isinstance(entry, Mapping) else None
            for j, text in enumerate(highlights if isinstance(highlights, list) else []):
                if isinstance(text, str) and clean(text):
                    lines.append(f"{section}[{i}].highlights[{j}]")
    quantified = [p for p in lines if re.search(r"\d", _text_at(resume, p))]
    return (quantified or lines)[:1]


def _education(writer: _Writer, resume: Mapping[str, Any]) -> None:
    parts = {k: _text_at(resume, f"education[0].{k}") for k in ("studyType", "area", "institution")}
    study = " in ".join(v for v in (parts["studyType"], parts["area"]) if v)
    if not study:
        return
    where = f" at {parts['institution']}" if parts["institution"] else ""
    claims = [Claim(v, f"education[0].{k}") for k, v in parts.items() if v]
    writer.say(f"I studied {study}{where}.", *claims)


def _measured(writer: _Writer, resume: Mapping[str, Any], profile: Mapping[str, Any]) -> None:
    """The skills-lab results: typing speed, then English level."""
    bpo = get_bpo(resume)
    root = "basics.x-bpo"
    wpm = profile.get("typing_wpm")
    if _is_number(wpm):
        shown = f"{_floor(wpm)} WPM"
        writer.say(
            f"My typing speed, measured in the skills lab, is {shown}.",
            Claim(shown, "profile.typing_wpm"),
        )
    elif bpo.typing is not None:
        speed = f"{_floor(bpo.typing.wpm)} WPM"
        accuracy = f"{_floor(bpo.typing.accuracy, 1)}%"
        writer.say(
            f"My measured typing speed is {speed} at {accuracy} accuracy.",
            Claim(speed, f"{root}.typing.wpm"),
            Claim(accuracy, f"{root}.typing.accuracy"),
        )
    cefr = profile.get("english_cefr")
    english = bpo.english
    if isinstance(cefr, str) and cefr in CEFR_LEVELS:
        # The skills lab only estimates a level; it does not certify one.
        writer.say(
            f"My English level is CEFR {cefr}, as estimated in the skills lab.",
            Claim(cefr, "profile.english_cefr"),
        )
    elif english is not None and english.test is not None:
        claims = [
            Claim(str(english.score), f"{root}.english.score"),
            Claim(english.test, f"{root}.english.test"),
        ]
        level = ""
        if english.cefr is not None:
            level = f", CEFR {english.cefr}" + (" (estimated)" if english.estimate else "")
            claims.append(Claim(english.cefr, f"{root}.english.cefr"))
        writer.say(f"I scored {english.score} in the {english.test}{level}.", *claims)
    elif english is not None and english.cefr is not None:
        writer.say(
            f"My English level is an estimated CEFR {english.cefr}.",
            Claim(english.cefr, f"{root}.english.cefr"),
        )


def _evidence(
    resume: Mapping[str, Any], result: MatchResult, profile: Mapping[str, Any]
) -> Paragraph:
    writer = _Writer()
    paths = _matched_paths(result, resume)
    lines = [p for p in paths if _is_line(p)]
    values = [p for p in paths if not _is_line(p)]
    if paths:
        writer.say("Here is what my resume shows for the main needs of this role.")
        _cite_lines(writer, resume, lines)
        if values:
            listed = [_text_at(resume, p) for p in values]
            also = " also" if lines else ""
            writer.say(
                f"My resume{also} lists {_and(listed)}.",
                *(Claim(t, p) for t, p in zip(listed, values, strict=True)),
            )
    else:
        writer.say(
            "My resume does not yet show the main requirements of this role, so I will not "
            "claim them."
        )
        strongest = _strongest_line(resume)
        if strongest:
            writer.say("The strongest line I can offer is this.")
            _cite_lines(writer, resume, strongest)
        else:
            _education(writer, resume)
    _measured(writer, resume, profile)
    return writer.paragraph("evidence")


# ------------------------------------------------------------------ availability and closing


def _availability(resume: Mapping[str, Any], profile: Mapping[str, Any]) -> Paragraph:
    writer = _Writer()
    bpo = get_bpo(resume)
    shifts = profile.get("shifts")
    said = (
        [clean(s).lower() for s in shifts if isinstance(s, str) and clean(s)]
        if isinstance(shifts, list)
        else []
    )
    source = "profile.shifts"
    if not said:
        said = [key for key in SHIFTS if key in bpo.shifts]
        source = "basics.x-bpo.shifts"
    if said:
        shown = _and(said)
        writer.say(f"I can work {shown} shifts.", Claim(shown, source))
    days = profile.get("notice_days")
    source = "profile.notice_days"
    if not _is_number(days):
        days, source = bpo.notice_period_days, "basics.x-bpo.noticePeriodDays"
    if days == 0:
        writer.say("I can join immediately.", Claim("join immediately", source))
    elif days is not None:
        shown = f"{_floor(days)} day{'s' if days != 1 else ''}"
        writer.say(f"My notice period is {shown}.", Claim(shown, source))
    city = profile.get("city")
    source = "profile.city"
    if not (isinstance(city, str) and clean(city)):
        city, source = _text_at(resume, "basics.location.city"), "basics.location.city"
    city = clean(city)
    on_site = profile.get("on_site")
    office = [Claim("work from the office", "profile.on_site")] if on_site is True else []
    if city:
        tail = " and can work from the office" if office else ""
        writer.say(f"I am based in {city}{tail}.", Claim(city, source), *office)
    elif office:
        writer.say("I can work from the office.", *office)
    if on_site is False:
        writer.say("I am looking for remote work.", Claim("remote work", "profile.on_site"))
    if not writer.sentences:
        writer.say("I would be glad to discuss my shifts, notice period and joining date with you.")
    return writer.paragraph("availability")


def _closing(resume: Mapping[str, Any]) -> Paragraph:
    writer = _Writer()
    writer.say("Thank you for taking the time to consider my application.")
    writer.say("I would be glad to attend an interview or an assessment at a time that suits you.")
    reach = [
        (value, f"basics.{key}")
        for key in ("email", "phone")
        if (value := _text_at(resume, f"basics.{key}"))
    ]
    if reach:
        shown = " or on ".join(v for v, _ in reach)
        writer.say(f"You can reach me at {shown}.", *(Claim(v, p) for v, p in reach))
    writer.say("I look forward to hearing from you.")
    return writer.paragraph("closing")


def draft_cover_letter(
    resume: Mapping[str, Any],
    job: JobSpec | Mapping[str, Any] | str,
    vocabulary: Vocabulary,
    *,
    company: str = "",
    profile_evidence: Mapping[str, Any] | None = None,
) -> CoverLetter:
    """A cover letter for `job` from `resume` (JSON Resume) and the skills-lab profile.

    `job` is read as `match.match` reads it; the company is `company`, else the job-schema
    mapping's `company`, else unnamed ("Dear Hiring Manager,"). `profile_evidence` takes the
    keys `match.match` does (`typing_wpm`, `english_cefr`, `shifts`, `notice_days`, `city`,
    `on_site`); it wins over the resume's BPO fields. See the module docstring for what each
    paragraph says. Raises `bpo.BpoFieldsError` for malformed BPO fields."""
    profile = profile_evidence or {}
    spec = parse_job(job)
    if not company and isinstance(job, Mapping) and isinstance(job.get("company"), str):
        company = job["company"]
    company = clean(company)
    result = match(resume, spec, vocabulary, profile)
    contact = [_text_at(resume, f"basics.{key}") for key in ("email", "phone", "location.city")]
    return CoverLetter(
        name=_text_at(resume, "basics.name"),
        contact=CONTACT_SEPARATOR.join(c for c in contact if c),
        greeting=f"Dear {company} recruitment team," if company else GREETING,
        paragraphs=(
            _role(resume, spec, company),
            _evidence(resume, result, profile),
            _availability(resume, profile),
            _closing(resume),
        ),
        sign_off=SIGN_OFF,
    )


# ------------------------------------------------------------------ exports


def letter_lines(letter: CoverLetter) -> list[tuple[str, str]]:
    """The letter as (kind, text) lines in reading order: name, contact, greeting, one per
    paragraph, sign-off and the name again; empty lines are left out."""
    lines = [
        ("name", letter.name),
        ("contact", letter.contact),
        ("greeting", letter.greeting),
        *(("paragraph", p.text) for p in letter.paragraphs),
        ("sign_off", letter.sign_off),
        ("signature", letter.name),
    ]
    return [(kind, clean(text)) for kind, text in lines if clean(text)]


def cover_letter_to_text(letter: CoverLetter) -> str:
    """The letter as plain text: the name and contact line, then the greeting, paragraphs
    and sign-off separated by blank lines, the name under the sign-off; ends with a newline."""
    lines = letter_lines(letter)
    out: list[str] = []
    for kind, text in lines:
        if out and kind not in ("contact", "signature"):
            out.append("")
        out.append(text)
    return "\n".join(out) + "\n"


STYLE_FOR_LINE = {
    "name": "Heading 1",
    "contact": "Letter Contact",
    "greeting": "Normal",
    "paragraph": "Normal",
    "sign_off": "Letter Sign-off",
    "signature": "Normal",
}
_FONT = "Georgia"


def _styles(document: Any) -> None:
    styles = document.styles
    normal = styles["Normal"]
    set_font(normal, _FONT, 11)
    normal.paragraph_format.space_after = Pt(10)
    normal.paragraph_format.line_spacing = 1.15
    heading = styles["Heading 1"]
    set_font(heading, _FONT, 18)
    heading.font.color.rgb = INK
    heading.font.bold = True
    heading.paragraph_format.space_before = Pt(0)
    heading.paragraph_format.space_after = Pt(2)
    for name in ("Letter Contact", "Letter Sign-off"):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
    styles["Letter Contact"].paragraph_format.space_after = Pt(18)
    # The sign-off sits right above the name, with room for a signature.
    styles["Letter Sign-off"].paragraph_format.space_before = Pt(6)
    styles["Letter Sign-off"].paragraph_format.space_after = Pt(24)
    for section in document.sections:
        section.top_margin = section.bottom_margin = Cm(2.5)
        section.left_margin = section.right_margin = Cm(2.5)


def cover_letter_to_docx(
    letter: CoverLetter, *, timestamp: datetime.datetime | None = None
) -> bytes:
    """The letter as a DOCX file: one column of paragraphs (the name in `Heading 1`, the
    contact line in `Letter Contact`, the sign-off in `Letter Sign-off`, the rest in
    `Normal`), no tables, header or footer text. The bytes are fixed as in `export_docx`:
    `timestamp` (naive means UTC) sets the created and modified times and the zip dates;
    without it they are left out and the zip is dated 1980-01-01."""
    document = docx.Document()
    _styles(document)
    for kind, text in letter_lines(letter):
        document.add_paragraph(text, style=STYLE_FOR_LINE[kind])
    properties = document.core_properties
    properties.title = f"{letter.name} cover letter" if letter.name else "Cover letter"
    properties.author = letter.name
    properties.subject = "Cover letter"
    properties.comments = properties.keywords = properties.category = ""
    properties.last_modified_by = "BPO Launchpad"
    properties.revision = 1
    when = utc(timestamp) if timestamp is not None else None
    if when is None:
        element = properties._element
        for tag in ("dcterms:created", "dcterms:modified"):
            for child in element.findall(qn(tag)):
                element.remove(child)
    else:
        properties.created = properties.modified = when
    drop_thumbnail(document)
    buffer = io.BytesIO()
    document.save(buffer)
    zip_time = ZIP_EPOCH
    if when is not None and when.year >= ZIP_EPOCH[0]:
        zip_time = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    return fixed_zip(buffer.getvalue(), zip_time)
