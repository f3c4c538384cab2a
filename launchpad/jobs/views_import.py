"""Importing postings (staff and trainers) and pasting one (any signed-in user).

The import pages are 404 for anyone who may not import, so they do not reveal themselves;
an import run is loaded through a permission-scoped getter (staff see every run, a trainer
their own).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from launchpad.accounts.models import User
from launchpad.common.getters import get_owned_or_404
from launchpad.common.requests import signed_in_user
from launchpad.core.postings import MAX_FILE_BYTES, MAX_PASTE_CHARS, MAX_ROWS
from launchpad.jobs.importing import (
    PostingFileError,
    can_import,
    import_postings,
    posting_paste,
)
from launchpad.jobs.models import ImportRun

RECENT_RUNS = 10


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("A CSV or JSON file of postings (up to 5 MB)"),
        help_text=gettext_lazy(
            "CSV with a header row (title is the one column you must have), or JSON in the "
            "JSON Resume job schema. Re-importing a file updates its postings; it adds no "
            "duplicates."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".csv,.json,.txt,.tsv,text/csv,application/json"}
        ),
        error_messages={"required": gettext_lazy("Choose a file to import.")},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(_("The file is larger than 5 MB. Split it into smaller files."))
        return upload


class PasteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("The job advert"),
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=MAX_PASTE_CHARS,
        help_text=gettext_lazy(
            "Paste the whole advert: title, company, location, salary, shifts, requirements "
            "and responsibilities. Only you will see it."
        ),
        error_messages={"required": gettext_lazy("Paste the job advert.")},
    )


def _importer_or_404(request: HttpRequest) -> User:
    """The signed-in user when they may import postings; 404 for anyone else."""
    if not can_import(request.user):
        raise Http404
    return signed_in_user(request)


def _visible_runs(user: User) -> QuerySet[ImportRun]:
    """The import runs a user may see: every run for staff, their own for a trainer."""
    runs = ImportRun.objects.select_related("by")
    return runs if user.is_staff else runs.filter(by=user)


def _run_or_404(user: User, run_id: int) -> ImportRun:
    """An import run the user may see (see `_visible_runs`), else 404."""
    if user.is_staff:
        return get_object_or_404(_visible_runs(user), pk=run_id)
    return get_owned_or_404(
        ImportRun.objects.select_related("by"), user=user, owner_field="by", pk=run_id
    )


@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    """The upload form; a good file is imported and its report shown."""
    user = _importer_or_404(request)
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = import_postings(raw=upload.read(), file_name=upload.name or "postings", by=user)
        except PostingFileError as error:
            form.add_error("file", str(error))
        else:
            messages.success(
                request,
                _("Imported: %(created)d new, %(updated)d updated, %(skipped)d skipped.")
                % {"created": run.created, "updated": run.updated, "skipped": run.skipped},
            )
            return redirect("jobs:import_run", run.pk)
    return render(
        request,
        "jobs/import.html",
        {
            "form": form,
            "runs": _visible_runs(user)[:RECENT_RUNS],
            "max_rows": f"{MAX_ROWS:,}",
        },
    )


@require_GET
def import_run(request: HttpRequest, run_id: int) -> HttpResponse:
    """The report of one import: counts, notes about the file, and each row skipped and why."""
    user = _importer_or_404(request)
    run = _run_or_404(user, run_id)
    notes = [entry for entry in run.problems if entry.get("kind") == "warning"]
    rows = [entry for entry in run.problems if entry.get("kind") != "warning"]
    return render(
        request,
        "jobs/import_report.html",
        {
            "run": run,
            "notes": notes,
            "rows": rows,
            "unit": _("Item") if run.file_type == "json" else _("Row"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def paste(request: HttpRequest) -> HttpResponse:
    """A candidate pastes an advert; it becomes a posting only they see."""
    form = PasteForm(request.POST) if request.method == "POST" else PasteForm()
    if request.method == "POST" and form.is_valid():
        try:
            posting = posting_paste(user=signed_in_user(request), text=form.cleaned_data["text"])
        except ValueError as error:
            form.add_error("text", str(error))
        else:
            return redirect(posting.get_absolute_url())
    return render(request, "jobs/paste.html", {"form": form, "max_chars": MAX_PASTE_CHARS})
