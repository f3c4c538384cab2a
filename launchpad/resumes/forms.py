"""Resume studio forms: the editor (basics plus one formset per section), uploads, jobs.

The editor turns a JSON Resume document into plain form fields and back; list-valued
fields (highlights, keywords) are edited one per line or comma-separated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext_lazy as _

DATE_PATTERN = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def _clean_date(value: str) -> str:
    value = value.strip()
    if value and not DATE_PATTERN.match(value):
        raise ValidationError(
            _("Write the date as a year, year-month or full date: 2024, 2024-06 or 2024-06-15.")
        )
    return value


class DateField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"placeholder": "YYYY-MM", "inputmode": "numeric"})
        )
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        return _clean_date(super().clean(value) or "")


@dataclass(frozen=True)
class SectionField:
    name: str  # the JSON Resume key
    label: str
    kind: str = "text"  # text, textarea, date, lines (a list, one per line), csv (comma list)
    required: bool = False
    help_text: str = ""


@dataclass(frozen=True)
class Section:
    key: str  # the JSON Resume section
    title: str
    help_text: str
    fields: tuple[SectionField, ...]


SECTIONS: tuple[Section, ...] = (
    Section("work", str(_("Work and internships")), str(_(
        "Jobs, internships and part-time work, newest first. Say what you did with numbers: "
        "calls a day, CSAT, targets met. Put 'Intern' in the position for an internship."
    )), (
        SectionField("position", str(_("Position")), required=True),
        SectionField("name", str(_("Company or organisation"))),
        SectionField("location", str(_("City"))),
        SectionField("startDate", str(_("Started")), "date"),
        SectionField("endDate", str(_("Ended (leave empty if you are still there)")), "date"),
        SectionField("summary", str(_("One-line summary")), "textarea"),
        SectionField("highlights", str(_("What you did, one per line")), "lines",
                     help_text=str(_("Start each line with a verb: handled, resolved, trained."))),
    )),
    Section("education", str(_("Education")), str(_(
        "Your degree first, then class 12 and class 10 if you are a fresher."
    )), (
        SectionField("institution", str(_("College, university or school")), required=True),
        SectionField("studyType", str(_("Degree or level")),
                     help_text=str(_("For example B.Com, BBA, BSBA, Class XII."))),
        SectionField("area", str(_("Subject"))),
        SectionField("score", str(_("Score")),
                     help_text=str(_("For example 8.2 CGPA (out of 10) or 78%."))),
        SectionField("startDate", str(_("Started")), "date"),
        SectionField("endDate", str(_("Finished (or expected)")), "date"),
    )),
    Section("skills", str(_("Skills")), str(_(
        "Group skills by area; list the tools and terms an employer would search for."
    )), (
        SectionField("name", str(_("Area")), required=True),
        SectionField("level", str(_("Level"))),
        SectionField("keywords", str(_("Skills, separated by commas")), "csv"),
    )),
    Section("certificates", str(_("Certifications")), "", (
        SectionField("name", str(_("Certification")), required=True),
        SectionField("issuer", str(_("Issued by"))),
        SectionField("date", str(_("Date")), "date"),
    )),
    Section("languages", str(_("Languages")), "", (
        SectionField("language", str(_("Language")), required=True),
        SectionField("fluency", str(_("Fluency")),
                     help_text=str(_("For example Native, Fluent, Conversational."))),
    )),
    Section("projects", str(_("Projects")), "", (
        SectionField("name", str(_("Project")), required=True),
        SectionField("description", str(_("What it was")), "textarea"),
        SectionField("highlights", str(_("What you did, one per line")), "lines"),
    )),
    Section("awards", str(_("Achievements and awards")), "", (
        SectionField("title", str(_("Achievement")), required=True),
        SectionField("awarder", str(_("Given by"))),
        SectionField("date", str(_("Date")), "date"),
        SectionField("summary", str(_("Details")), "textarea"),
    )),
    Section("volunteer", str(_("Volunteering")), "", (
        SectionField("organization", str(_("Organisation"))),
        SectionField("position", str(_("Role"))),
        SectionField("startDate", str(_("Started")), "date"),
        SectionField("endDate", str(_("Ended")), "date"),
        SectionField("summary", str(_("Summary")), "textarea"),
        SectionField("highlights", str(_("What you did, one per line")), "lines"),
    )),
)  # fmt: skip


def _form_field(spec: SectionField) -> forms.Field:
    common: dict[str, Any] = {"label": spec.label, "required": False, "help_text": spec.help_text}
    if spec.kind == "date":
        return DateField(**common)
    if spec.kind in ("textarea", "lines"):
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, **common)
    return forms.CharField(max_length=200, **common)


class SectionForm(forms.Form):
    """One entry of a section; `spec` is set by the formset factory."""

    spec: Section

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.spec.fields:
            self.fields[field.name] = _form_field(field)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        filled = any(str(cleaned.get(f.name) or "").strip() for f in self.spec.fields)
        if filled:
            for field in self.spec.fields:
                if field.required and not str(cleaned.get(field.name) or "").strip():
                    self.add_error(field.name, _("Fill this in, or clear the whole entry."))
        start, end = cleaned.get("startDate"), cleaned.get("endDate")
        if start and end and end < start:
            self.add_error("endDate", _("The end date is before the start date."))
        return cleaned

    def entry(self, original: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
        """The entry as JSON Resume data, or None when the form is empty or deleted.

        Keys of `original` (the entry as it was) that the form does not show are kept.
        """
        data = self.cleaned_data
        if not data or data.get("DELETE"):
            return None
        shown = {field.name for field in self.spec.fields}
        entry: dict[str, Any] = {k: v for k, v in (original or {}).items() if k not in shown}
        for field in self.spec.fields:
            raw = str(data.get(field.name) or "").replace("\r\n", "\n").strip()
            if not raw:
                continue
            before = (original or {}).get(field.name)
            if before is not None and raw == _as_text(field, before).strip():
                # Unchanged: kept exactly (a keyword may hold a comma, a line a dash).
                entry[field.name] = before
            elif field.kind == "lines":
                entry[field.name] = [
                    line.strip(" -•\t") for line in raw.splitlines() if line.strip(" -•\t")
                ]
            elif field.kind == "csv":
                entry[field.name] = [part.strip() for part in raw.split(",") if part.strip()]
            else:
                entry[field.name] = raw
        if not any(k in shown for k in entry):
            return None
        return entry


def section_initial(section: Section, entries: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Form initial data for the entries of one section."""
    rows = []
    for entry in entries:
        row: dict[str, Any] = {}
        for field in section.fields:
            value = entry.get(field.name)
            if value is not None:
                row[field.name] = _as_text(field, value)
        rows.append(row)
    return rows


def _as_text(field: SectionField, value: Any) -> str:
    """A value as the editor shows it: lists one per line or comma-separated."""
    if isinstance(value, list):
        return ("\n" if field.kind == "lines" else ", ").join(map(str, value))
    return str(value)


def section_formset(section: Section) -> type[BaseFormSet[SectionForm]]:
    form = type(f"{section.key.title()}Form", (SectionForm,), {"spec": section})
    return formset_factory(form, extra=1, can_delete=True, max_num=30, validate_max=True)


class BasicsForm(forms.Form):
    title = forms.CharField(
        label=_("Name of this resume (only you see it)"), max_length=120,
        error_messages={"required": _("Give this resume a name, for example 'Chat support'.")},
    )  # fmt: skip
    name = forms.CharField(label=_("Full name"), max_length=120, required=False)
    label = forms.CharField(
        label=_("Headline"), max_length=120, required=False,
        help_text=_("For example 'Customer support associate (chat and e-mail)'."),
    )  # fmt: skip
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(
        label=_("Mobile"), max_length=25, required=False,
        help_text=_("With the country code: +91 98765 43210 or +63 917 123 4567."),
    )  # fmt: skip
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    region = forms.CharField(label=_("State or province"), max_length=100, required=False)
    country_code = forms.ChoiceField(
        label=_("Country"), required=False,
        choices=[("", _("Choose…")), ("IN", _("India")), ("PH", _("Philippines"))],
    )  # fmt: skip
    summary = forms.CharField(
        label=_("Summary"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Two or three lines: the work you want, your strongest proof, your shifts."),
    )  # fmt: skip


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Your resume (PDF or Word .docx, up to 5 MB)"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,application/pdf,"
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
        ),
        error_messages={"required": _("Choose a file to upload.")},
    )  # fmt: skip

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("The file is larger than 5 MB. Save a smaller PDF or DOCX."))
        if upload.size == 0:
            raise ValidationError(_("The file is empty."))
        return upload


class JsonImportForm(forms.Form):
    file = forms.FileField(
        label=_("A JSON Resume file (.json)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
        error_messages={"required": _("Choose a .json file.")},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > 1024 * 1024:
            raise ValidationError(_("A JSON Resume file is at most 1 MB."))
        return upload


class JobForm(forms.Form):
    title = forms.CharField(label=_("Job title"), max_length=200)
    company = forms.CharField(label=_("Company"), max_length=200, required=False)
    text = forms.CharField(
        label=_("The job description"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        help_text=_("Paste the whole advert: requirements, responsibilities, shifts, location."),
        error_messages={"required": _("Paste the job description.")},
    )


# Worked examples shown beside each section of the editor: invented people and firms, in
# the shape a BPO recruiter scans for (role and place, dates, what you did with numbers).
SECTION_EXAMPLES: dict[str, tuple[str, ...]] = {
    "basics": (
        "Headline: Customer support associate (chat and e-mail)",
        "Summary: B.Com graduate with 40 WPM typing at 96% accuracy and a three-month "
        "customer-support internship. Comfortable with night and rotational shifts. Looking "
        "for a chat or e-mail support role in an international process.",
    ),
    "work": (
        "Position: Customer Support Intern · Company: Lakeview Telecom Services · Pune",
        "Started 2024-01 · Ended 2024-03",
        "- Answered 45 inbound calls a day about bills and recharges",
        "- Logged every call in the CRM and closed 9 in 10 on the first contact",
        "- Scored 90% on the quality audit in my last month",
    ),
    "education": (
        "B.Com in Accounting · Sahyadri College of Commerce · 2021 to 2024 · 8.1 CGPA",
        "Class XII (Commerce) · Deccan Junior College · 2021 · 78%",
        "Philippines: BS Business Administration · Cebu Valley College · GWA 1.75",
    ),
    "skills": (
        "Customer service: chat support, e-mail etiquette, handling irate customers",
        "Computer: MS Excel (VLOOKUP, pivot tables), Google Sheets, Zendesk basics",
        "Typing: add your measured result with 'Add my measured typing and English results'",
    ),
    "certificates": (
        "CRM Domestic Voice · Sector skill council · 2024",
        "Contact Center Services NC II · TESDA · 2023",
    ),
    "languages": ("English · Fluent", "Hindi · Native", "Tagalog · Native"),
    "projects": (
        "College help desk · Answered student e-mails about fees and timetables",
        "- Replied to 30 e-mails a day within four hours",
    ),
    "awards": ("Intern of the month · Lakeview Telecom Services · 2024-02",),
    "volunteer": (
        "Volunteer tutor · City Literacy Circle · 2022 to 2023",
        "- Taught spoken English to 20 adults every weekend",
    ),
}
