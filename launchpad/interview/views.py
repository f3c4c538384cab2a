"""Interview coach pages: the coach's home (schedule, start, settings), a session's question
and answer pages with feedback, the question bank, company research notes and the mock
interview report with its PDF. Recordings stay in the browser (static/js/interview.js)."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import ChoiceField, Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from launchpad.common.getters import get_owned_or_404
from launchpad.common.requests import signed_in_user
from launchpad.interview import selectors, services
from launchpad.interview.exceptions import InterviewInputError
from launchpad.interview.forms import AnswerForm, CompanyNoteForm, SettingsForm, StartForm
from launchpad.interview.models import (
    Answer,
    CompanyNote,
    PracticeSession,
    Question,
    Round,
)

COMPANY_PROMPTS = [
    _("What services and processes do they run: inbound or outbound voice, chat, email, "
      "back office, technical support, collections?"),
    _("Which industries are their clients in, and which client or process is hiring?"),
    _("Where are their sites, and which one did you apply to?"),
    _("What do they say they value, and what training and growth paths do they offer?"),
    _("Why do you want to work there, in one sentence, in your own words?"),
]  # fmt: skip


def _form_messages(request: HttpRequest, form: Form) -> None:
    """A form's problems as messages, for forms posted from another page."""
    for problems in form.errors.values():
        for problem in problems:
            messages.error(request, str(problem))


def _today() -> datetime.date:
    """Today in the user's time zone (the middleware activates it)."""
    return timezone.localdate()


def _session_answers(request: HttpRequest, session_id: int) -> PracticeSession:
    return get_owned_or_404(
        PracticeSession.objects.select_related("company"), user=signed_in_user(request),
        pk=session_id,
    )  # fmt: skip


def _answer(request: HttpRequest, answer_id: int) -> Answer:
    return get_owned_or_404(
        Answer.objects.select_related("session", "session__company", "question"),
        user=signed_in_user(request), owner_field="session__user", pk=answer_id,
    )  # fmt: skip


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Today's schedule, the forms to start practice or a mock interview, and settings."""
    user = signed_in_user(request)
    settings = selectors.settings_for(user)
    initial = {
        "track": settings.track, "role": settings.role,
        "company": str(settings.company_id or ""), "interview_date": settings.interview_date,
    }  # fmt: skip
    today = _today()
    plan = selectors.schedule(user, today=today)
    return render(
        request,
        "interview/home.html",
        {
            "plan": plan,
            "days_left": (plan.interview_date - today).days if plan.interview_date else None,
            "start_form": StartForm(user=user, initial=initial),
            "settings_form": SettingsForm(user=user, initial=initial, prefix="settings"),
            "sessions": selectors.recent_sessions(user),
            "notes": CompanyNote.objects.filter(user=user),
        },
    )


@login_required
@require_POST
def settings_save(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = SettingsForm(request.POST, user=user, prefix="settings")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.settings_update(
                user=user, interview_date=data["interview_date"], track=data["track"],
                role=data["role"], company=form.company_note(), today=_today(),
            )  # fmt: skip
        except InterviewInputError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Saved. The schedule follows your interview date."))
    else:
        _form_messages(request, form)
    return redirect("interview:home")


def _start(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    user = signed_in_user(request)
    try:
        session = services.session_start(user=user, today=_today(), now=timezone.now(), **kwargs)
    except InterviewInputError as error:
        messages.error(request, str(error))
        return redirect("interview:home")
    return redirect(session.get_absolute_url())


@login_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    """Starts practice: `count` questions of a round, or the coach's pick."""
    user = signed_in_user(request)
    form = StartForm(request.POST, user=user)
    if not form.is_valid():
        _form_messages(request, form)
        return redirect("interview:home")
    data = form.cleaned_data
    return _start(
        request, kind=PracticeSession.Kind.PRACTICE, round=data["round"], count=data["count"],
        track=data["track"], role=data["role"], company=form.company_note(),
    )  # fmt: skip


@login_required
@require_POST
def mock(request: HttpRequest) -> HttpResponse:
    """Starts a mock interview day for the saved track, role and company."""
    settings = selectors.settings_for(signed_in_user(request))
    return _start(
        request, kind=PracticeSession.Kind.MOCK, track=settings.track, role=settings.role,
        company=settings.company,
    )  # fmt: skip


@login_required
@require_POST
def practise_question(request: HttpRequest, slug: str) -> HttpResponse:
    """Practises one question from the bank."""
    question = get_object_or_404(Question, slug=slug, is_active=True)
    settings = selectors.settings_for(signed_in_user(request))
    return _start(
        request, kind=PracticeSession.Kind.SINGLE, question=question, track=settings.track,
        company=settings.company,
    )  # fmt: skip


@login_required
@require_GET
def session(request: HttpRequest, session_id: int) -> HttpResponse:
    """The session's next question, with its timers; when all are answered, the report."""
    practice = _session_answers(request, session_id)
    current = selectors.current_answer(practice)
    if current is None:
        return redirect("interview:report", session_id=practice.pk)
    services.answer_shown(answer=current, now=timezone.now())
    return _question_page(request, practice, current, AnswerForm())


def _question_page(
    request: HttpRequest, practice: PracticeSession, current: Answer, form: AnswerForm,
    status: int = 200,
) -> HttpResponse:  # fmt: skip
    total = practice.answers.count()
    is_mock = practice.kind == PracticeSession.Kind.MOCK
    return render(
        request,
        "interview/question.html",
        {
            "session": practice,
            "answer": current,
            "question": current.question,
            "guide": current.question.guide(),
            "form": form,
            "total": total,
            "is_mock": is_mock,
            "round_label": Round(current.question.round).label,
            "note": practice.company if current.question.about_company else None,
            "prompts": COMPANY_PROMPTS if current.question.about_company else [],
        },
        status=status,
    )


@login_required
@require_POST
def answer_submit(request: HttpRequest, answer_id: int) -> HttpResponse:
    """Saves the answer; practice shows its feedback, a mock interview moves on."""
    current = _answer(request, answer_id)
    practice = current.session
    if current.is_submitted:
        messages.error(
            request,
            _("This answer is already saved. Practise the question again to write a new one."),
        )
        return redirect(current.get_absolute_url())
    form = AnswerForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.answer_submit(
                answer=current, text=data["text"] or "", now=timezone.now(), today=_today(),
                think_seconds=data["think_seconds"], answer_seconds=data["answer_seconds"],
                spoken_only=bool(data["spoken"]),
            )  # fmt: skip
        except InterviewInputError as error:
            form.add_error(None, str(error))
        else:
            if practice.kind == PracticeSession.Kind.MOCK:
                return redirect("interview:session", session_id=practice.pk)
            return redirect(current.get_absolute_url())
    return _question_page(request, practice, current, form, status=400)


@login_required
@require_GET
def answer(request: HttpRequest, answer_id: int) -> HttpResponse:
    """The feedback on one answer, its recording (kept in the browser), and the ratings."""
    current = _answer(request, answer_id)
    if not current.is_submitted:
        return redirect("interview:session", session_id=current.session_id)
    practice = current.session
    following = selectors.current_answer(practice)
    return render(
        request,
        "interview/answer.html",
        {
            "answer": current,
            "session": practice,
            "question": current.question,
            "guide": current.question.guide(),
            "fb": current.feedback,
            "ratings": services.RATINGS.items(),
            "suggested_button": services.rating_button(current.suggested_quality),
            "next_answer": following,
            "is_mock": practice.kind == PracticeSession.Kind.MOCK,
        },
    )


@login_required
@require_POST
def answer_rate(request: HttpRequest, answer_id: int) -> HttpResponse:
    """The candidate's rating sets when the question comes back; then on to the next one."""
    current = _answer(request, answer_id)
    try:
        quality = int(request.POST.get("quality", ""))
    except ValueError:
        quality = -1
    try:
        rated = services.answer_rate(answer=current, quality=quality, today=_today())
    except InterviewInputError as error:
        messages.error(request, str(error))
        return redirect(current.get_absolute_url())
    card = rated.question.cards.filter(user=signed_in_user(request)).first()
    if card is not None and card.due is not None:
        messages.success(
            request,
            _("Rated. This question comes back on %(date)s.")
            % {"date": card.due.strftime("%a %d %b")},
        )
    if request.POST.get("then") == "stay":
        return redirect(current.get_absolute_url())
    return redirect("interview:session", session_id=current.session_id)


@login_required
@require_GET
def report(request: HttpRequest, session_id: int) -> HttpResponse:
    """Per answer and overall: what went well and what to work on."""
    practice = _session_answers(request, session_id)
    return render(request, "interview/report.html", {"report": selectors.session_report(practice)})


@login_required
@require_GET
def report_pdf(request: HttpRequest, session_id: int) -> HttpResponse:
    """The same report as a PDF (WeasyPrint, on the server)."""
    from weasyprint import HTML

    practice = _session_answers(request, session_id)
    context = {
        "report": selectors.session_report(practice),
        "user": signed_in_user(request),
        "generated": timezone.localtime(),
    }
    html = render_to_string("interview/report_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    stamp = timezone.localtime(practice.started_at).date().isoformat()
    name = "mock-interview" if practice.kind == PracticeSession.Kind.MOCK else "interview-practice"
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.pdf"'
    return response


@login_required
@require_POST
def session_delete(request: HttpRequest, session_id: int) -> HttpResponse:
    practice = _session_answers(request, session_id)
    services.session_delete(session=practice)
    messages.success(request, _("The session and its answers are deleted."))
    return redirect("interview:home")


@login_required
@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    """The bank, filtered by round, track and words of the question."""
    round_ = request.GET.get("round", "")
    track = request.GET.get("track", "")
    query = request.GET.get("q", "").strip()[:100]
    round_ = round_ if round_ in Round.values else ""
    questions = selectors.bank(round=round_, track=track, query=query)
    track_choices = StartForm(user=signed_in_user(request)).fields["track"]
    return render(
        request,
        "interview/question_list.html",
        {
            "questions": questions,
            "rounds": Round.choices,
            "tracks": cast(ChoiceField, track_choices).choices,
            "round": round_,
            "track": track,
            "q": query,
        },
    )


@login_required
@require_GET
def question(request: HttpRequest, slug: str) -> HttpResponse:
    """One question with its guide and the candidate's past answers to it."""
    item = get_object_or_404(Question, slug=slug, is_active=True)
    past = (
        Answer.objects.filter(
            session__user=signed_in_user(request), question=item, submitted_at__isnull=False
        )
        .select_related("session")
        .order_by("-submitted_at")[:10]
    )
    card = item.cards.filter(user=signed_in_user(request)).first()
    return render(
        request,
        "interview/question_detail.html",
        {"question": item, "guide": item.guide(), "past": past, "card": card},
    )


@login_required
@require_http_methods(["GET", "POST"])
def companies(request: HttpRequest) -> HttpResponse:
    """The candidate's company research notes, and a form to add one."""
    user = signed_in_user(request)
    form = CompanyNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            note = services.company_note_save(user=user, fields=form.cleaned_data)
        except InterviewInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved your notes on %(name)s.") % {"name": note.name})
            return redirect("interview:companies")
    return render(
        request,
        "interview/companies.html",
        {
            "form": form,
            "notes": CompanyNote.objects.filter(user=user),
            "prompts": COMPANY_PROMPTS,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def company(request: HttpRequest, note_id: int) -> HttpResponse:
    user = signed_in_user(request)
    note = get_owned_or_404(CompanyNote.objects.all(), user=user, pk=note_id)
    initial = {name: getattr(note, name) for name in services.NOTE_FIELDS}
    form = CompanyNoteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.company_note_save(user=user, fields=form.cleaned_data, note=note)
        except InterviewInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect("interview:companies")
    return render(
        request,
        "interview/company.html",
        {"form": form, "note": note, "prompts": COMPANY_PROMPTS},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def company_delete(request: HttpRequest, note_id: int) -> HttpResponse:
    note = get_owned_or_404(CompanyNote.objects.all(), user=signed_in_user(request), pk=note_id)
    services.company_note_delete(note=note)
    messages.success(request, _("Deleted your notes on %(name)s.") % {"name": note.name})
    return redirect("interview:companies")
