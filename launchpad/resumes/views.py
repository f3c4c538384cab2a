"""Resume studio pages. Every resume, upload and job is loaded through the owner-scoped
getter, so another candidate's id is a 404."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from launchpad.common.getters import get_owned_or_404
from launchpad.common.requests import signed_in_user
from launchpad.core.resume.types import ResumeFileError
from launchpad.resumes import analysis, exports, services
from launchpad.resumes.exceptions import ResumeInvalid
from launchpad.resumes.forms import (
    SECTION_EXAMPLES,
    SECTIONS,
    BasicsForm,
    JobForm,
    JsonImportForm,
    UploadForm,
    section_formset,
    section_initial,
)
from launchpad.resumes.models import (
    CoverLetter,
    JobDescription,
    Resume,
    ResumeUpload,
    ResumeVersion,
)


def _latest(resume: Resume) -> ResumeVersion:
    version = resume.versions.order_by("-number").first()
    if version is None:  # every resume is created with a first version
        raise Http404
    return version


@login_required
@require_GET
def resume_list(request: HttpRequest) -> HttpResponse:
    """The candidate's resumes, with ways to start one."""
    user = signed_in_user(request)
    resumes = Resume.objects.filter(user=user).select_related("job")
    uploads = ResumeUpload.objects.filter(user=user, resumes__isnull=True)
    letters = CoverLetter.objects.filter(user=user)
    return render(
        request, "resumes/list.html",
        {"resumes": resumes, "pending": uploads, "letters": letters},
    )  # fmt: skip


@login_required
@require_POST
def resume_new(request: HttpRequest) -> HttpResponse:
    """Starts a resume from the profile (contact, education, languages)."""
    user = signed_in_user(request)
    resume = services.resume_create(
        user=user, title=_("My resume"), data=services.profile_resume_data(user),
        note=_("Started from my profile"),
    )  # fmt: skip
    messages.success(request, _("Started from your profile. Fill in the rest below."))
    return redirect("resumes:edit", resume.pk)


def _problems_to_messages(request: HttpRequest, problems: list[str]) -> None:
    for problem in problems[:10]:
        messages.error(request, problem)


@login_required
@require_http_methods(["GET", "POST"])
def import_json(request: HttpRequest) -> HttpResponse:
    """Imports a JSON Resume file; an invalid one is refused with every problem listed."""
    form = JsonImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            resume = services.resume_import_json(
                user=signed_in_user(request), raw=form.cleaned_data["file"].read()
            )
        except ResumeInvalid as error:
            problems = error.problems
        else:
            messages.success(request, _("Imported. Check it over before you use it."))
            return redirect(resume)
    return render(request, "resumes/import_json.html", {"form": form, "problems": problems})


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """Uploads a PDF or DOCX resume; it is read at once and kept only when it can be read."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            stored = services.upload_store(
                user=signed_in_user(request), raw=file.read(), filename=file.name or "resume"
            )
        except ResumeFileError as error:
            form.add_error("file", str(error))
        else:
            return redirect("resumes:upload_review", stored.pk)
    return render(request, "resumes/upload.html", {"form": form})


def _editor_forms(
    request: HttpRequest, data: dict[str, Any], title: str
) -> tuple[BasicsForm, list[tuple[Any, Any]]]:
    basics = data.get("basics") or {}
    location = basics.get("location") or {}
    initial = {
        "title": title, "name": basics.get("name", ""), "label": basics.get("label", ""),
        "email": basics.get("email", ""), "phone": basics.get("phone", ""),
        "city": location.get("city", ""), "region": location.get("region", ""),
        "country_code": location.get("countryCode", "")
        if location.get("countryCode") in ("IN", "PH") else "",
        "summary": basics.get("summary", ""),
    }  # fmt: skip
    post = request.POST if request.method == "POST" else None
    basics_form = BasicsForm(post, initial=initial, prefix="basics")
    sections = []
    for section in SECTIONS:
        formset_class = section_formset(section)
        formset = formset_class(
            post, prefix=section.key, initial=section_initial(section, data.get(section.key) or [])
        )
        sections.append((section, formset))
    return basics_form, sections


def _editor_data(
    original: dict[str, Any], basics_form: BasicsForm, sections: list[tuple[Any, Any]]
) -> dict[str, Any]:
    """The document from the editor, keeping what the editor does not show (e.g. x-bpo)."""
    data: dict[str, Any] = json.loads(json.dumps(original))
    b = basics_form.cleaned_data
    basics = dict(data.get("basics") or {})
    for key in ("name", "label", "email", "phone", "summary"):
        value = b[key].replace("\r\n", "\n").strip()  # browsers send CRLF line ends
        if value:
            basics[key] = value
        else:
            basics.pop(key, None)
    location = dict(basics.get("location") or {})
    # The editor offers only India and the Philippines: another country it could not show
    # (from an import) is kept unless one of those is chosen.
    hidden_country = location.get("countryCode") not in (None, "", "IN", "PH")
    for key, field in (("city", "city"), ("region", "region"), ("countryCode", "country_code")):
        if b[field].strip():
            location[key] = b[field].strip()
        elif not (key == "countryCode" and hidden_country):
            location.pop(key, None)
    if location:
        basics["location"] = location
    else:
        basics.pop("location", None)
    data["basics"] = basics
    for section, formset in sections:
        # Forms of existing entries come first, in order: each keeps the keys it hides.
        originals = data.get(section.key) or []
        entries = [
            entry
            for index, form in enumerate(formset.forms)
            if (entry := form.entry(originals[index] if index < len(originals) else None))
            is not None
        ]
        if entries:
            data[section.key] = entries
        else:
            data.pop(section.key, None)
    return data


def _edit_page(
    request: HttpRequest, *, data: dict[str, Any], title: str, template_context: dict[str, Any]
) -> tuple[HttpResponse | None, dict[str, Any] | None]:
    """Shows the editor; on a valid POST returns (None, document) for the caller to save."""
    basics_form, sections = _editor_forms(request, data, title)
    valid = request.method == "POST" and basics_form.is_valid()
    valid = valid and all(formset.is_valid() for _section, formset in sections)
    if valid:
        return None, _editor_data(data, basics_form, sections)
    context = {
        "basics_form": basics_form, "sections": sections, "examples": SECTION_EXAMPLES,
        **template_context,
    }  # fmt: skip
    return render(request, "resumes/edit.html", context), None


@login_required
@require_http_methods(["GET", "POST"])
def upload_review(request: HttpRequest, upload_id: int) -> HttpResponse:
    """What was read from an upload, each field with its confidence, to correct and save."""
    user = signed_in_user(request)
    stored = get_owned_or_404(ResumeUpload.objects.all(), user=user, pk=upload_id)
    parsed = stored.parsed
    name = (parsed["resume"].get("basics") or {}).get("name") or stored.original_name
    response, document = _edit_page(
        request, data=parsed["resume"], title=str(name),
        template_context={
            "upload": stored, "guesses": analysis.guesses_by_field(parsed),
            "warnings": parsed.get("warnings", []),
        },
    )  # fmt: skip
    if document is None:
        assert response is not None
        return response
    try:
        resume = services.resume_create(
            user=user, title=request.POST.get("basics-title", ""), data=document,
            source=Resume.Source.FILE, upload=stored,
            note=_("Imported from %(name)s") % {"name": stored.original_name},
        )  # fmt: skip
    except ResumeInvalid as error:
        _problems_to_messages(request, error.problems)
        return redirect("resumes:upload_review", stored.pk)
    messages.success(request, _("Saved. Run the ATS check or match it against a job next."))
    return redirect(resume)


@login_required
@require_GET
def upload_file(request: HttpRequest, upload_id: int) -> FileResponse:
    """The original uploaded file, to its owner only."""
    stored = get_owned_or_404(
        ResumeUpload.objects.all(), user=signed_in_user(request), pk=upload_id
    )
    content_type = "application/pdf" if stored.file_type == "pdf" else exports.DOCX_TYPE
    return FileResponse(
        stored.file.open("rb"), as_attachment=True, filename=stored.original_name,
        content_type=content_type,
    )  # fmt: skip


@login_required
@require_GET
def detail(request: HttpRequest, resume_id: int) -> HttpResponse:
    resume = get_owned_or_404(Resume.objects.all(), user=signed_in_user(request), pk=resume_id)
    version = _latest(resume)
    return render(
        request, "resumes/detail.html",
        {"resume": resume, "version": version, "data": version.data,
         "versions": resume.versions.only("number", "note", "created_at")[:20]},
    )  # fmt: skip


@login_required
@require_GET
def version(request: HttpRequest, resume_id: int, number: int) -> HttpResponse:
    resume = get_owned_or_404(Resume.objects.all(), user=signed_in_user(request), pk=resume_id)
    shown = resume.versions.filter(number=number).first()
    if shown is None:
        raise Http404
    return render(
        request, "resumes/detail.html",
        {"resume": resume, "version": shown, "data": shown.data, "old": True, "versions": ()},
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, resume_id: int) -> HttpResponse:
    resume = get_owned_or_404(Resume.objects.all(), user=signed_in_user(request), pk=resume_id)
    latest = _latest(resume)
    response, document = _edit_page(
        request, data=latest.data, title=resume.title, template_context={"resume": resume}
    )
    if document is None:
        assert response is not None
        return response
    try:
        saved = services.resume_save(
            resume=resume, data=document, title=request.POST.get("basics-title"),
            note=_("Edited"),
        )  # fmt: skip
    except ResumeInvalid as error:
        _problems_to_messages(request, error.problems)
        return redirect("resumes:edit", resume.pk)
    if saved.pk == latest.pk:
        messages.info(request, _("Nothing changed."))
    else:
        messages.success(request, _("Saved as version %(n)d.") % {"n": saved.number})
    return redirect(resume)


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, resume_id: int) -> HttpResponse:
    resume = get_owned_or_404(Resume.objects.all(), user=signed_in_user(request), pk=resume_id)
    if request.method == "POST":
        services.resume_delete(resume=resume)
        messages.success(request, _("Deleted %(title)s.") % {"title": resume.title})
        return redirect("resumes:list")
    return render(request, "resumes/delete.html", {"resume": resume})


@login_required
@require_POST
def add_measured(request: HttpRequest, resume_id: int) -> HttpResponse:
    """Puts the skills lab's measured results (typing, English) and the shifts on the resume."""
    resume = get_owned_or_404(Resume.objects.all(), user=signed_in_user(request), pk=resume_id)
    before = _latest(resume)
    try:
        saved = services.resume_add_measured(resume=resume)
    except ResumeInvalid as error:
        _problems_to_messages(request, error.problems)
    else:
        if saved.pk == before.pk:
            messages.info(request, _("Nothing new to add: take a typing or English test first."))
        else:
            messages.success(
                request, _("Added your measured results as version %(n)d.") % {"n": saved.number}
            )
    return redirect(resume)


@login_required
@require_GET
def export(request: HttpRequest, resume_id: int, fmt: str) -> HttpResponse:
    """The latest version as JSON Resume, PDF (classic or compact), DOCX or plain text."""
    resume = get_owned_or_404(Resume.objects.all(), user=signed_in_user(request), pk=resume_id)
    data = _latest(resume).data
    name = slugify(resume.title) or "resume"
    try:
        body, content_type, extension = exports.render(fmt, data, request=request)
    except KeyError as error:
        raise Http404 from error
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


@login_required
@require_GET
def ats(request: HttpRequest, resume_id: int) -> HttpResponse:
    """What an applicant tracking system sees in this resume, and what to fix."""
    resume = get_owned_or_404(
        Resume.objects.select_related("upload"), user=signed_in_user(request), pk=resume_id
    )
    report = analysis.ats_report(resume, _latest(resume).data)
    return render(request, "resumes/ats.html", {"resume": resume, "report": report})


@login_required
@require_http_methods(["GET", "POST"])
def match(request: HttpRequest, resume_id: int) -> HttpResponse:
    """Paste a job description; it is saved and the match is shown."""
    user = signed_in_user(request)
    resume = get_owned_or_404(Resume.objects.all(), user=user, pk=resume_id)
    form = JobForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        job = services.job_create(user=user, **form.cleaned_data)
        return redirect("resumes:match_result", resume.pk, job.pk)
    jobs = JobDescription.objects.filter(user=user)[:10]
    return render(request, "resumes/match.html", {"resume": resume, "form": form, "jobs": jobs})


@login_required
@require_GET
def match_result(request: HttpRequest, resume_id: int, job_id: int) -> HttpResponse:
    user = signed_in_user(request)
    resume = get_owned_or_404(Resume.objects.all(), user=user, pk=resume_id)
    job = get_owned_or_404(JobDescription.objects.all(), user=user, pk=job_id)
    result = analysis.match_report(user, _latest(resume).data, job)
    return render(
        request, "resumes/match_result.html", {"resume": resume, "job": job, "result": result}
    )


@login_required
@require_POST
def tailor(request: HttpRequest, resume_id: int, job_id: int) -> HttpResponse:
    """A copy of the resume for this job with the suggestions the candidate ticked.

    Only terms the match found evidence for can be added: anything else posted is ignored.
    """
    user = signed_in_user(request)
    resume = get_owned_or_404(Resume.objects.all(), user=user, pk=resume_id)
    job = get_owned_or_404(JobDescription.objects.all(), user=user, pk=job_id)
    data = _latest(resume).data
    result = analysis.match_report(user, data, job)
    offered = {m.id: m.label for m in result.missing_evidenced}
    accepted = [offered[key] for key in request.POST.getlist("accept") if key in offered]
    headline = job.title if request.POST.get("headline") == "yes" else None
    try:
        copy = services.resume_tailor(
            resume=resume, job=job,
            data=services.tailored_data(data, add_terms=accepted, headline=headline),
        )  # fmt: skip
    except ResumeInvalid as error:
        _problems_to_messages(request, error.problems)
        return redirect("resumes:match_result", resume.pk, job.pk)
    messages.success(
        request, _("Made a copy for %(job)s. Check it, then download it.") % {"job": job}
    )
    return redirect(copy)


@login_required
@require_POST
def letter_new(request: HttpRequest, resume_id: int, job_id: int) -> HttpResponse:
    """Drafts a cover letter for this job from this resume and the profile, then opens it."""
    user = signed_in_user(request)
    resume = get_owned_or_404(Resume.objects.all(), user=user, pk=resume_id)
    job = get_owned_or_404(JobDescription.objects.all(), user=user, pk=job_id)
    drafted = analysis.draft_letter(user, _latest(resume).data, job)
    created = services.cover_letter_create(resume=resume, job=job, letter=drafted)
    messages.success(request, _("Drafted from your resume. Every sentence is yours to change."))
    return redirect(created)


@login_required
@require_http_methods(["GET", "POST"])
def letter(request: HttpRequest, letter_id: int) -> HttpResponse:
    """A cover letter: each paragraph editable, with the facts the draft was built from."""
    found = get_owned_or_404(
        CoverLetter.objects.select_related("resume", "job"), user=signed_in_user(request),
        pk=letter_id,
    )  # fmt: skip
    problems: list[str] = []
    if request.method == "POST":
        texts = {
            p["key"]: request.POST.get(f"paragraph-{p['key']}", p["text"])
            for p in found.letter.get("paragraphs", [])
        }
        try:
            services.cover_letter_update(
                letter=found, greeting=request.POST.get("greeting", ""), texts=texts,
                sign_off=request.POST.get("sign_off", ""),
            )  # fmt: skip
        except ResumeInvalid as error:
            problems = error.problems
        else:
            messages.success(request, _("Saved."))
            return redirect(found)
    return render(request, "resumes/letter.html", {"letter": found, "problems": problems})


@login_required
@require_GET
def letter_export(request: HttpRequest, letter_id: int, fmt: str) -> HttpResponse:
    found = get_owned_or_404(CoverLetter.objects.all(), user=signed_in_user(request), pk=letter_id)
    try:
        body, content_type, extension = exports.render_letter(fmt, found.letter)
    except KeyError as error:
        raise Http404 from error
    response = HttpResponse(body, content_type=content_type)
    name = slugify(found.title) or "cover-letter"
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


@login_required
@require_POST
def letter_delete(request: HttpRequest, letter_id: int) -> HttpResponse:
    found = get_owned_or_404(CoverLetter.objects.all(), user=signed_in_user(request), pk=letter_id)
    found.delete()
    messages.success(request, _("Deleted %(title)s.") % {"title": found.title})
    return redirect("resumes:list")
