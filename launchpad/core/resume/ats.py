"""What an applicant tracking system (ATS) sees: a checklist of findings, each explained.

`ats_check` runs the checks below on a JSON Resume, the file's `Layout` (None for a resume
built in the app, which has no file yet) and the resume's plain text. Each finding has a
severity (problem, warning or good), what we saw with the evidence, why it matters and how
to fix it. There is no score: the report counts findings per severity instead.

| key | checks | severity |
|---|---|---|
| contact | name, e-mail and phone present and well formed | problem / warning |
| contact_placement* | contact details not only in page headers or footers | problem |
| headings | headings are standard names; education and skills present | warning |
| dates | work and education dated; YYYY[-MM[-DD]]; ends after it starts | problem / warning |
| columns* | a single column | warning |
| images* | no page that is only an image; no images | problem / warning |
| file_size* | over 2 MB warns; over 5 MB (a common upload limit) is a problem | warning / problem |
| tables* | no tables | warning |
| length | 250+ words, 2 pages at most; a fresher's 250-600 words (a page) | warning |
| action_verbs | 70%+ of the bullet points start with an action verb | warning |
| quantified | a third of the bullet points (at least one) hold a number or a KPI | warning |
| spelling | none of our common misspellings; no word typed twice in a row | warning |

Checks marked * need the file's layout; without one they are listed as skipped, with why.
The word lists (action verbs, misspellings, standard headings) are ours and deliberately
small: the spelling check is a list of common slips, not a dictionary.
"""

from __future__ import annotations

import datetime
import enum
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from launchpad.core.resume.types import Layout
from launchpad.core.resume.vocabulary import lemma, tokens

ATS_RULES_VERSION = "ats-1"
SOFT_SIZE_LIMIT = 2 * 1024 * 1024  # bytes
HARD_SIZE_LIMIT = 5 * 1024 * 1024  # bytes: a common upload limit on job portals
FRESHER_WORDS = (250, 600)  # one page
MIN_WORDS = 250
MAX_PAGES = 2
WORDS_PER_PAGE = 500  # to estimate pages when there is no file
ACTION_VERB_SHARE = 0.7
QUANTIFIED_SHARE = 1 / 3


class Severity(enum.StrEnum):
    PROBLEM = "problem"
    WARNING = "warning"
    GOOD = "good"


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


ACTION_VERBS = _word_set(
    """
    accomplished achieved acquired addressed administered advised analysed analyzed answered
    arranged assessed assisted attained audited authored awarded booked briefed built
    calculated called captured cataloged catalogued chaired championed clarified closed coached
    collaborated collected communicated compiled completed composed computed conducted
    configured consolidated contacted contributed converted coordinated corrected counselled
    counseled created cross-sold cut de-escalated dealt decreased defined delivered demonstrated
    designed detected determined developed diagnosed directed documented drafted drove earned
    edited educated eliminated enabled encouraged engaged enhanced ensured entered escalated
    established evaluated exceeded executed expanded expedited explained facilitated filed
    finalised finalized fixed followed forecasted formatted founded gathered generated greeted
    guided halved handled headed helped identified implemented improved increased initiated
    inspected installed instructed interpreted interviewed introduced investigated keyed launched
    led lifted logged maintained managed mapped marketed maximised maximized measured mentored
    met minimised minimized moderated monitored motivated negotiated onboarded operated
    optimised optimized orchestrated ordered organised organized oversaw participated performed
    persuaded piloted planned posted prepared presented prioritised prioritized processed
    produced programmed promoted proposed provided published qualified raised ranked reached
    reconciled recorded recruited redesigned reduced referred registered reorganised reorganized
    replied reported represented researched resolved responded restored retained reviewed revised
    saved scheduled screened secured served set shortened simplified sold solved sorted
    spearheaded standardised standardized streamlined strengthened structured submitted succeeded
    summarised summarized supervised supported surpassed surveyed taught tested tracked trained
    transcribed transformed translated troubleshot troubleshooted tutored typed updated upgraded
    upsold validated verified volunteered welcomed won wrote
    """
)
ACTION_LEMMAS = frozenset(lemma(t) for v in ACTION_VERBS for t in tokens(v)[:1])
WEAK_OPENERS = (
    "responsible for",
    "worked on",
    "worked as",
    "duties included",
    "duties",
    "tasked with",
    "involved in",
    "in charge of",
    "was responsible",
    "my role",
)
KPI_WORDS_RE = re.compile(
    r"\d|%|\b(?:csat|aht|fcr|nps|sla|kph|wpm|qa score|percent|lakh|lpa|inr|php|rs)\b",
    re.IGNORECASE,
)
# Common misspellings, written as misspelling -> correction (a list of slips, not a dictionary).
MISSPELLINGS: Mapping[str, str] = {
    "recieve": "receive",
    "recieved": "received",
    "reciept": "receipt",
    "acheive": "achieve",
    "acheived": "achieved",
    "acheivement": "achievement",
    "achivement": "achievement",
    "achievment": "achievement",
    "seperate": "separate",
    "seperately": "separately",
    "managment": "management",
    "mangement": "management",
    "responsibilites": "responsibilities",
    "responsiblities": "responsibilities",
    "responsibilty": "responsibility",
    "resposible": "responsible",
    "reponsible": "responsible",
    "enviroment": "environment",
    "experiance": "experience",
    "expirience": "experience",
    "knowlege": "knowledge",
    "knowlegde": "knowledge",
    "knowledgable": "knowledgeable",
    "sucessful": "successful",
    "succesful": "successful",
    "sucessfully": "successfully",
    "succesfully": "successfully",
    "sucess": "success",
    "proffesional": "professional",
    "profesional": "professional",
    "proffessional": "professional",
    "comunication": "communication",
    "communcation": "communication",
    "commitee": "committee",
    "occured": "occurred",
    "untill": "until",
    "begining": "beginning",
    "beleive": "believe",
    "calender": "calendar",
    "collegue": "colleague",
    "colleage": "colleague",
    "definately": "definitely",
    "existance": "existence",
    "fluant": "fluent",
    "grammer": "grammar",
    "guarentee": "guarantee",
    "independant": "independent",
    "liason": "liaison",
    "maintainance": "maintenance",
    "maintenence": "maintenance",
    "neccessary": "necessary",
    "necesary": "necessary",
    "noticable": "noticeable",
    "occassion": "occasion",
    "oppurtunity": "opportunity",
    "oportunity": "opportunity",
    "oppertunity": "opportunity",
    "prefered": "preferred",
    "priviledge": "privilege",
    "recomend": "recommend",
    "recomended": "recommended",
    "refered": "referred",
    "relevent": "relevant",
    "shedule": "schedule",
    "scedule": "schedule",
    "supervisior": "supervisor",
    "tommorow": "tomorrow",
    "truely": "truly",
    "writting": "writing",
    "adress": "address",
    "accomodate": "accommodate",
    "acommodate": "accommodate",
    "accross": "across",
    "aquire": "acquire",
    "assesment": "assessment",
    "buisness": "business",
    "bussiness": "business",
    "carreer": "career",
    "comitted": "committed",
    "curiculum": "curriculum",
    "custmer": "customer",
    "coustomer": "customer",
    "custemer": "customer",
    "costumer": "customer",
    "costumers": "customers",
    "decission": "decision",
    "developement": "development",
    "dicipline": "discipline",
    "effeciency": "efficiency",
    "efficency": "efficiency",
    "excelent": "excellent",
    "excellant": "excellent",
    "exellent": "excellent",
    "familar": "familiar",
    "finacial": "financial",
    "goverment": "government",
    "immediatly": "immediately",
    "langauge": "language",
    "languge": "language",
    "negociate": "negotiate",
    "persistant": "persistent",
    "posible": "possible",
    "procesing": "processing",
    "proficent": "proficient",
    "qualificaton": "qualification",
    "referance": "reference",
    "sincerly": "sincerely",
    "skils": "skills",
    "speach": "speech",
    "techincal": "technical",
    "tecnical": "technical",
    "thier": "their",
    "trainning": "training",
    "transfered": "transferred",
    "typeing": "typing",
    "analitical": "analytical",
    "attendence": "attendance",
    "availible": "available",
    "avaliable": "available",
    "cordinated": "coordinated",
    "enthusiam": "enthusiasm",
    "handeled": "handled",
    "handelled": "handled",
    "intrested": "interested",
    "intership": "internship",
    "lisening": "listening",
    "listning": "listening",
    "mantain": "maintain",
    "performace": "performance",
    "satisfation": "satisfaction",
    "satisfacton": "satisfaction",
    "sucessfull": "successful",
    "volenteer": "volunteer",
    "vocabluary": "vocabulary",
    "comunicate": "communicate",
    "hardwork": "hard work",
    "aggreed": "agreed",
}
# Doubled words that are correct English ("had had", "that that").
_ALLOWED_REPEATS = frozenset({"had", "that"})
_REPEAT_RE = re.compile(r"\b([A-Za-z]+)[ \t]+\1\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*")
_EMAIL_RE = re.compile(r"^[\w.+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_EMAIL_IN_TEXT_RE = re.compile(r"[\w.+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE_IN_TEXT_RE = re.compile(r"(?:\+\d{1,3}[\s-]?)?(?:\(?\d[\d\s().-]{8,16}\d)")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DATE_KEYS = ("startDate", "endDate", "date", "releaseDate")
_DATED_SECTIONS = (
    "work",
    "education",
    "volunteer",
    "projects",
    "awards",
    "certificates",
    "publications",
)
_FRESHER_RE = re.compile(
    r"\b(?:intern|internship|trainee|apprentice|ojt|on[- ]the[- ]job)\b", re.IGNORECASE
)
STANDARD_HEADINGS: Mapping[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "profile",
        "professional summary",
        "career objective",
        "objective",
        "about me",
        "career summary",
        "profile summary",
        "personal statement",
    ),
    "experience": (
        "experience",
        "work experience",
        "employment",
        "employment history",
        "professional experience",
        "work history",
        "internship",
        "internships",
        "career history",
    ),
    "education": (
        "education",
        "educational qualification",
        "educational qualifications",
        "academic qualification",
        "academic qualifications",
        "academic details",
        "academics",
        "academic background",
        "qualifications",
        "qualification",
        "educational background",
        "scholastic",
    ),
    "skills": (
        "skills",
        "key skills",
        "technical skills",
        "computer skills",
        "core competencies",
        "competencies",
        "skill set",
        "strengths",
        "areas of expertise",
        "skill",
    ),
    "projects": ("projects", "academic projects", "project"),
    "certifications": (
        "certifications",
        "certificates",
        "certification",
        "trainings",
        "training",
        "courses",
        "licenses",
        "licences",
    ),
    "languages": ("languages", "languages known", "language proficiency", "language"),
    "achievements": (
        "achievements",
        "awards",
        "accomplishments",
        "honors",
        "honours",
        "extracurricular activities",
        "extra curricular activities",
        "co curricular activities",
        "activities",
    ),
    "personal": ("personal details", "personal information", "personal profile", "personal data"),
    "declaration": ("declaration",),
    "interests": ("hobbies", "interests"),
    "references": ("references", "character references", "referees", "reference"),
    "volunteer": (
        "volunteer",
        "volunteering",
        "volunteer experience",
        "community service",
        "social work",
    ),
    "contact": ("contact", "contact details", "contact information"),
}
ESSENTIAL_SECTIONS = ("education", "skills")
_RESUME_SECTIONS = {
    "work": "experience",
    "education": "education",
    "skills": "skills",
    "projects": "projects",
    "certificates": "certifications",
    "languages": "languages",
    "awards": "achievements",
    "volunteer": "volunteer",
    "interests": "interests",
    "references": "references",
    "publications": "publications",
}
LAYOUT_CHECKS: Mapping[str, str] = {
    "contact_placement": "Contact details outside headers and footers",
    "columns": "Single column",
    "images": "No text in images",
    "file_size": "File size",
    "tables": "No tables",
}


@dataclass(frozen=True)
class Finding:
    """One check's result: what we saw (with the evidence), why it matters, how to fix it."""

    key: str
    severity: Severity
    title: str
    detail: str
    why_it_matters: str
    how_to_fix: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        return {
            "key": self.key,
            "severity": str(self.severity),
            "title": self.title,
            "detail": self.detail,
            "why_it_matters": self.why_it_matters,
            "how_to_fix": self.how_to_fix,
        }


@dataclass(frozen=True)
class SkippedCheck:
    """A check that could not run, and why."""

    key: str
    title: str
    reason: str


@dataclass(frozen=True)
class AtsReport:
    """The findings, the checks skipped, and a count per severity (no score)."""

    findings: tuple[Finding, ...]
    skipped: tuple[SkippedCheck, ...] = ()
    version: str = ATS_RULES_VERSION

    def summary(self) -> dict[str, int]:
        """How many findings of each severity, and how many checks were skipped."""
        counts = {str(s): sum(f.severity is s for f in self.findings) for s in Severity}
        counts["skipped"] = len(self.skipped)
        return counts

    def finding(self, key: str) -> Finding:
        """The finding of the check with this key."""
        return next(f for f in self.findings if f.key == key)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "version": self.version,
            "summary": self.summary(),
            "findings": [f.to_dict() for f in self.findings],
            "skipped": [{"key": s.key, "title": s.title, "reason": s.reason} for s in self.skipped],
        }


# ------------------------------------------------------------------ reading the resume


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _entries(resume: Mapping[str, Any], section: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    value = resume.get(section)
    if isinstance(value, list):
        for index, entry in enumerate(value):
            if isinstance(entry, Mapping):
                yield f"{section}[{index}]", entry


def _highlights(resume: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every bullet point (highlights of work, volunteer work and projects) with its path."""
    found = []
    for section in ("work", "volunteer", "projects"):
        for prefix, entry in _entries(resume, section):
            items = entry.get("highlights")
            for index, item in enumerate(items if isinstance(items, list) else []):
                if _text(item):
                    found.append((f"{prefix}.highlights[{index}]", _text(item)))
    return found


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if key not in ("email", "url", "image", "phone"):
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _is_fresher(resume: Mapping[str, Any]) -> bool:
    """No work entries, or only internships, trainee posts and on-the-job training."""
    return all(
        _FRESHER_RE.search(f"{_text(e.get('position'))} {_text(e.get('name'))}")
        for _, e in _entries(resume, "work")
    )


def _sentence(text: str) -> str:
    """`text` with its first letter in capitals (the rest left as it is)."""
    return text[:1].upper() + text[1:]


def _quote(text: str, limit: int = 60) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return f"'{text if len(text) <= limit else text[: limit - 1].rstrip() + '…'}'"


def _listing(items: Sequence[str], limit: int = 5) -> str:
    shown = "; ".join(items[:limit])
    return shown + (f"; and {len(items) - limit} more" if len(items) > limit else "")


# ------------------------------------------------------------------ the checks


def _check_contact(resume: Mapping[str, Any], text: str) -> Finding:
    basics = resume.get("basics")
    basics = basics if isinstance(basics, Mapping) else {}
    name, email, phone = (_text(basics.get(k)) for k in ("name", "email", "phone"))
    missing, problems, notes = [], [], []
    if not name:
        missing.append("name")
    if not email:
        in_text = _EMAIL_IN_TEXT_RE.search(text)
        if in_text:
            notes.append(
                f"an e-mail ({in_text.group(0)}) is in the text but was not read as "
                "your contact e-mail"
            )
        else:
            missing.append("e-mail")
    elif not _EMAIL_RE.match(email):
        problems.append(f"the e-mail {_quote(email)} is not a valid address")
    digits = re.sub(r"\D", "", phone)
    if not phone:
        in_text = _PHONE_IN_TEXT_RE.search(text)
        if in_text and 10 <= len(re.sub(r"\D", "", in_text.group(0))) <= 13:
            notes.append(
                f"a phone number ({in_text.group(0).strip()}) is in the text but was "
                "not read as your contact number"
            )
        else:
            missing.append("phone")
    elif not 10 <= len(digits) <= 13:
        notes.append(
            f"the phone {_quote(phone)} has {len(digits)} digits; a mobile number with "
            "its country code has 12 (+91 or +63 and 10 digits)"
        )
    why = (
        "An ATS fills the recruiter's contact fields from your resume; without a name, e-mail "
        "and phone it can rank you and still leave nobody able to call you."
    )
    fix = (
        "Put your full name, e-mail and mobile number with country code (+91 98765 43210, "
        "+63 917 555 0123) on separate lines at the top of the page."
    )
    if missing or problems:
        seen = [f"missing: {', '.join(missing)}"] if missing else []
        return Finding(
            "contact",
            Severity.PROBLEM,
            "Contact details",
            _sentence("; ".join(seen + problems + notes)) + ".",
            why,
            fix,
        )
    if notes:
        return Finding(
            "contact",
            Severity.WARNING,
            "Contact details",
            _sentence("; ".join(notes)) + ".",
            why,
            fix,
        )
    detail = f"Name {_quote(name)}, e-mail {email}, phone {phone}."
    return Finding("contact", Severity.GOOD, "Contact details", detail, why)


def _body(text: str, header_footer: str) -> str:
    body = text
    for line in header_footer.splitlines():
        if line.strip():
            body = body.replace(line.strip(), " ")
    return body


def _check_contact_placement(resume: Mapping[str, Any], layout: Layout, text: str) -> Finding:
    basics = resume.get("basics")
    basics = basics if isinstance(basics, Mapping) else {}
    header = layout.header_footer_text
    body = _body(text, header)
    only_there = []
    name = " ".join(_text(basics.get("name")).lower().split())
    if (
        name
        and name in " ".join(header.lower().split())
        and name not in " ".join(body.lower().split())
    ):
        only_there.append(f"name ({_text(basics.get('name'))})")
    email = _text(basics.get("email")).lower()
    if email and email in header.lower() and email not in body.lower():
        only_there.append(f"e-mail ({email})")
    phone = re.sub(r"\D", "", _text(basics.get("phone")))[-10:]
    if phone and phone in re.sub(r"\D", "", header) and phone not in re.sub(r"\D", "", body):
        only_there.append(f"phone ({_text(basics.get('phone'))})")
    why = (
        "Many ATS skip page headers and footers when they read a file, so details that are "
        "only there can be lost."
    )
    title = LAYOUT_CHECKS["contact_placement"]
    if only_there:
        return Finding(
            "contact_placement",
            Severity.PROBLEM,
            title,
            f"Only in the page header or footer: {', '.join(only_there)}.",
            why,
            "Move your contact details into the body of the first page, just below your name.",
        )
    detail = (
        "Your contact details are in the body of the page."
        if header.strip()
        else "The file has no header or footer text."
    )
    return Finding("contact_placement", Severity.GOOD, title, detail, why)


def _heading_section(heading: str) -> str | None:
    """The standard section a heading names, if any ("Work Experience & Internships")."""
    text = re.sub(r"[^a-z]+", " ", heading.lower().replace("&", " and ")).strip()
    padded = f" {text} "
    for section, names in STANDARD_HEADINGS.items():
        if any(f" {name} " in padded for name in names):
            return section
    return None


def _check_headings(resume: Mapping[str, Any], layout: Layout | None) -> Finding:
    why = (
        "An ATS sorts your resume into fields by its section headings; a creative heading "
        "('My journey', 'Where I shine') may leave a whole section unread."
    )
    fix = (
        "Use plain headings: Summary, Experience, Education, Skills, Certifications, "
        "Projects, Languages."
    )
    if layout is None:
        present = [s for key, s in _RESUME_SECTIONS.items() if resume.get(key)]
        basics = resume.get("basics")
        if isinstance(basics, Mapping) and _text(basics.get("summary")):
            present.insert(0, "summary")
        missing = [s for s in ESSENTIAL_SECTIONS if s not in present]
        seen = f"Sections filled in: {', '.join(present) or 'none'}."
        if missing:
            return Finding(
                "headings",
                Severity.WARNING,
                "Standard sections",
                f"{seen} Missing: {', '.join(missing)}.",
                why,
                f"Add your {' and '.join(missing)}: recruiters filter on them.",
            )
        return Finding(
            "headings",
            Severity.GOOD,
            "Standard sections",
            f"{seen} The app's exports print them under standard headings.",
            why,
        )
    if not layout.headings:
        return Finding(
            "headings",
            Severity.WARNING,
            "Standard headings",
            "We found no section headings in the file.",
            why,
            fix + " Put each on its own line.",
        )
    sections = [_heading_section(h) for h in layout.headings]
    odd = [f"'{h}'" for h, s in zip(layout.headings, sections, strict=True) if s is None]
    missing = [s for s in ESSENTIAL_SECTIONS if s not in sections]
    issues = []
    if odd:
        issues.append(f"headings an ATS may not recognise: {', '.join(odd)}")
    if missing:
        issues.append(f"no {' or '.join(missing)} heading")
    if issues:
        return Finding(
            "headings",
            Severity.WARNING,
            "Standard headings",
            _sentence("; ".join(issues)) + ".",
            why,
            fix,
        )
    listed = ", ".join(f"'{h}'" for h in layout.headings)
    return Finding(
        "headings", Severity.GOOD, "Standard headings", f"All headings are standard: {listed}.", why
    )


def _parse_date(value: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a JSON Resume date, 0 for a part left out; None if invalid."""
    found = _DATE_RE.match(value)
    if not found:
        return None
    year, month, day = (int(p) if p else 0 for p in found.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def _check_dates(resume: Mapping[str, Any]) -> Finding:
    unreadable, undated, backwards = [], [], []
    for section in _DATED_SECTIONS:
        for prefix, entry in _entries(resume, section):
            parsed = {}
            for key in _DATE_KEYS:
                value = entry.get(key)
                if value in (None, ""):
                    continue
                date = _parse_date(value) if isinstance(value, str) else None
                if date is None:
                    unreadable.append(f"{prefix}.{key} {_quote(str(value))}")
                else:
                    parsed[key] = date
            if section == "work" and not entry.get("startDate"):
                undated.append(f"{prefix} has no start date")
            if section == "education" and not (entry.get("startDate") or entry.get("endDate")):
                undated.append(f"{prefix} has no dates")
            start, end = parsed.get("startDate"), parsed.get("endDate")
            if start and end:
                shared = 1 if not (start[1] and end[1]) else 2 if not (start[2] and end[2]) else 3
                if end[:shared] < start[:shared]:
                    backwards.append(f"{prefix} ends before it starts")
    why = (
        "An ATS works out your years of experience and the gaps between jobs from your "
        "dates; a date it cannot read counts as no date."
    )
    fix = (
        "Give every job and course a start and an end (or 'Present'), as month and year: "
        "Jun 2023 - Mar 2024."
    )
    if unreadable or backwards:
        issues = [f"Unreadable: {_listing(unreadable)}"] if unreadable else []
        issues += [_sentence(_listing(backwards))] if backwards else []
        issues += [_sentence(_listing(undated))] if undated else []
        return Finding(
            "dates", Severity.PROBLEM, "Readable dates", ". ".join(issues) + ".", why, fix
        )
    if undated:
        return Finding(
            "dates",
            Severity.WARNING,
            "Readable dates",
            _sentence(_listing(undated)) + ".",
            why,
            fix,
        )
    return Finding(
        "dates", Severity.GOOD, "Readable dates", "Every job and course has dates we can read.", why
    )


def _check_columns(layout: Layout) -> Finding:
    why = (
        "Many ATS read a page left to right, line by line: two columns side by side get "
        "mixed, so a job title can end up next to someone else's dates."
    )
    title = LAYOUT_CHECKS["columns"]
    if layout.columns > 1:
        return Finding(
            "columns",
            Severity.WARNING,
            title,
            f"The text sits in {layout.columns} columns.",
            why,
            "Use a single-column layout; put skills in a section of their own "
            "rather than a side bar.",
        )
    return Finding("columns", Severity.GOOD, title, "The text is in a single column.", why)


def _check_images(layout: Layout) -> Finding:
    why = "An ATS reads text, not pictures: anything written inside an image is invisible to it."
    title = LAYOUT_CHECKS["images"]
    if layout.image_only_pages:
        return Finding(
            "images",
            Severity.PROBLEM,
            title,
            f"{layout.image_only_pages} of {layout.pages} page(s) are images with no "
            "text we can read (a scan or a photo of the resume?).",
            why,
            "Upload the resume as a text PDF or DOCX exported from your editor, not a scan.",
        )
    if layout.images:
        return Finding(
            "images",
            Severity.WARNING,
            title,
            f"The file has {layout.images} image(s) (a photo, logo or icons).",
            why,
            "Keep no text inside images (icons for phone and e-mail are fine when "
            "the number and address are written out). A photo is common on Indian "
            "and Philippine resumes, but many international employers prefer none.",
        )
    return Finding("images", Severity.GOOD, title, "The file has no images.", why)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def _check_file_size(layout: Layout) -> Finding:
    why = (
        "Job portals and ATS limit uploads (often to 2-5 MB); a large file may be refused "
        "or slow to open on a recruiter's phone."
    )
    title = LAYOUT_CHECKS["file_size"]
    fix = "Export again without large images (compress the photo, or leave it out)."
    size = _megabytes(layout.file_size)
    if layout.file_size > HARD_SIZE_LIMIT:
        return Finding(
            "file_size",
            Severity.PROBLEM,
            title,
            f"The file is {size}, over the 5 MB limit many portals set.",
            why,
            fix,
        )
    if layout.file_size > SOFT_SIZE_LIMIT:
        return Finding(
            "file_size", Severity.WARNING, title, f"The file is {size}, over 2 MB.", why, fix
        )
    return Finding("file_size", Severity.GOOD, title, f"The file is {size}.", why)


def _check_tables(layout: Layout) -> Finding:
    why = (
        "Text in tables is often read cell by cell in the wrong order, or skipped, by ATS "
        "(especially in DOCX files)."
    )
    title = LAYOUT_CHECKS["tables"]
    if layout.tables:
        return Finding(
            "tables",
            Severity.WARNING,
            title,
            f"The {layout.file_type.upper()} file has {layout.tables} table(s).",
            why,
            "Replace tables with plain lines: 'B.Com, XYZ College, 2024, 72%'.",
        )
    return Finding("tables", Severity.GOOD, title, "The file has no tables.", why)


def _check_length(resume: Mapping[str, Any], layout: Layout | None, text: str) -> Finding:
    if layout is not None and layout.word_count:
        words, pages = layout.word_count, layout.pages
        seen = f"{words} words on {pages} page(s)"
    else:
        words = len(_WORD_RE.findall(text or " ".join(_strings(resume))))
        pages = max(1, math.ceil(words / WORDS_PER_PAGE))
        seen = f"{words} words (about {pages} page(s) at {WORDS_PER_PAGE} words a page)"
    fresher = _is_fresher(resume)
    low, high = FRESHER_WORDS
    why = (
        "Recruiters skim a resume in seconds and an ATS needs enough words to match: a "
        f"fresher's fits on one page ({low}-{high} words); nobody's needs more than "
        f"{MAX_PAGES} pages."
    )
    who = "a fresher (no work entries other than internships or training)" if fresher else ""
    if pages > MAX_PAGES:
        return Finding(
            "length",
            Severity.WARNING,
            "Length",
            f"{seen}: more than {MAX_PAGES} pages.",
            why,
            "Cut older or unrelated details; keep the last few roles and what matches the job.",
        )
    if fresher and (pages > 1 or words > high):
        return Finding(
            "length",
            Severity.WARNING,
            "Length",
            f"{seen}; you are {who}, so aim for one page of {low}-{high} words.",
            why,
            "Keep the projects, skills and achievements that match the job; "
            "drop school-level details and long objectives.",
        )
    if words < MIN_WORDS:
        return Finding(
            "length",
            Severity.WARNING,
            "Length",
            f"{seen}: thin, under {MIN_WORDS} words.",
            why,
            "Add bullet points on projects, internships, training and "
            "achievements, each with what you did and a result.",
        )
    return Finding("length", Severity.GOOD, "Length", f"{seen}: a good length.", why)


def _check_action_verbs(resume: Mapping[str, Any]) -> Finding:
    bullets = _highlights(resume)
    why = (
        "Bullet points that start with what you did ('Resolved 40 chats a day') show "
        "skills; 'Responsible for...' only names duties."
    )
    fix = (
        "Start each bullet with a past-tense verb: handled, resolved, achieved, trained, "
        "processed, reduced, exceeded."
    )
    if not bullets:
        return Finding(
            "action_verbs",
            Severity.WARNING,
            "Action verbs",
            "There are no bullet points (highlights) under your experience, "
            "internships or projects.",
            why,
            "Add 2-4 bullet points to each job, internship or project. " + fix,
        )
    weak = []
    for path, bullet in bullets:
        words = [t for t in tokens(bullet) if t[0].isalnum()]
        lowered = bullet.lower().lstrip("-•* ")
        if not words or lemma(words[0]) not in ACTION_LEMMAS or lowered.startswith(WEAK_OPENERS):
            weak.append(f"{path} {_quote(bullet, 40)}")
    strong = len(bullets) - len(weak)
    seen = f"{strong} of {len(bullets)} bullet points start with an action verb"
    if strong / len(bullets) >= ACTION_VERB_SHARE:
        return Finding("action_verbs", Severity.GOOD, "Action verbs", seen + ".", why)
    return Finding(
        "action_verbs",
        Severity.WARNING,
        "Action verbs",
        f"{seen}; these do not: {_listing(weak, 3)}.",
        why,
        fix,
    )


def _check_quantified(resume: Mapping[str, Any]) -> Finding:
    bullets = _highlights(resume)
    why = (
        "Numbers prove results and BPO recruiters look for them: calls or chats a day, CSAT, "
        "AHT, quality score, typing speed, targets met."
    )
    fix = (
        "Add a number where it is true: 'Handled 60+ calls a day', 'CSAT 92%', 'Typed 40 WPM "
        "at 98% accuracy', 'Top 5 of 30 in the training batch'."
    )
    if not bullets:
        return Finding(
            "quantified",
            Severity.WARNING,
            "Quantified achievements",
            "There are no bullet points to hold numbers.",
            why,
            fix,
        )
    counted = [p for p, b in bullets if KPI_WORDS_RE.search(b)]
    seen = f"{len(counted)} of {len(bullets)} bullet points hold a number or a KPI"
    if counted and len(counted) / len(bullets) >= QUANTIFIED_SHARE:
        return Finding(
            "quantified",
            Severity.GOOD,
            "Quantified achievements",
            f"{seen} ({_listing(counted, 3)}).",
            why,
        )
    return Finding("quantified", Severity.WARNING, "Quantified achievements", seen + ".", why, fix)


def _check_spelling(resume: Mapping[str, Any], text: str) -> Finding:
    source = text if text.strip() else "\n".join(_strings(resume))
    counts: dict[str, int] = {}
    for word in _WORD_RE.findall(source):
        key = word.lower().replace("’", "'")
        if key in MISSPELLINGS:
            counts[key] = counts.get(key, 0) + 1
    slips = [
        f"'{w}' (→ {MISSPELLINGS[w]}){f' ×{n}' if n > 1 else ''}" for w, n in sorted(counts.items())
    ]
    repeats = sorted(
        {
            f"'{m.group(0)}'"
            for m in _REPEAT_RE.finditer(source)
            if m.group(1).lower() not in _ALLOWED_REPEATS
        }
    )
    why = (
        "An ATS matches words exactly, so 'custmer service' does not match 'customer "
        "service', and recruiters read slips as carelessness."
    )
    scope = (
        f"We check a list of {len(MISSPELLINGS)} common misspellings and words typed twice; "
        "this is not a full spell check."
    )
    if slips or repeats:
        found = [f"misspelt: {', '.join(slips)}"] if slips else []
        found += [f"repeated: {', '.join(repeats)}"] if repeats else []
        return Finding(
            "spelling",
            Severity.WARNING,
            "Spelling",
            _sentence("; ".join(found)) + f". {scope}",
            why,
            "Correct these, then read the whole resume aloud or run it through a spell checker.",
        )
    return Finding(
        "spelling",
        Severity.GOOD,
        "Spelling",
        f"None of our common misspellings or repeated words. {scope}",
        why,
        "Still read it aloud once: a list cannot catch every slip.",
    )


def ats_check(resume: Mapping[str, Any], layout: Layout | None, text: str) -> AtsReport:
    """The ATS findings for a resume (see the module docstring for the checks).

    `layout` is None for a resume built in the app: the checks of the file itself
    (contact placement, columns, images, file size, tables) are then skipped and listed
    in `AtsReport.skipped`; the others read the JSON Resume and `text` (which may be empty:
    the resume's own texts are read instead).
    """
    findings = [_check_contact(resume, text)]
    skipped: list[SkippedCheck] = []
    if layout is not None:
        findings.append(_check_contact_placement(resume, layout, text))
    findings += [_check_headings(resume, layout), _check_dates(resume)]
    if layout is not None:
        findings += [
            _check_columns(layout),
            _check_images(layout),
            _check_file_size(layout),
            _check_tables(layout),
        ]
    else:
        reason = (
            "There is no file to check: this resume was built in the app, and the app's "
            "exports are single-column text with contact details in the body, no tables "
            "and no images."
        )
        skipped = [SkippedCheck(key, title, reason) for key, title in LAYOUT_CHECKS.items()]
    findings += [
        _check_length(resume, layout, text),
        _check_action_verbs(resume),
        _check_quantified(resume),
        _check_spelling(resume, text),
    ]
    return AtsReport(tuple(findings), tuple(skipped))
