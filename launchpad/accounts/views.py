"""Pages of the accounts app: sign-up, sign-in (Django's views), profile, settings, export,
deletion and API tokens. Each view validates with a form and calls one service."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from launchpad.accounts import selectors, services
from launchpad.accounts.backends import MODEL_BACKEND
from launchpad.accounts.exceptions import (
    AccountDeletionBlocked,
    AccountDeletionIncomplete,
    EmailAlreadyRegistered,
    ProfileInvalid,
    TokenInvalid,
    TokenLimitReached,
    TokenNotFound,
)
from launchpad.accounts.forms import (
    DEGREE_SUGGESTIONS,
    EMAIL_TAKEN_MESSAGE,
    LANGUAGE_SUGGESTIONS,
    AccountDeleteForm,
    AccountSettingsForm,
    EmailAuthenticationForm,
    ProfileForm,
    SignupForm,
    TaskPasswordResetForm,
    TokenCreateForm,
    language_formset,
    language_initial,
    profile_form_initial,
)
from launchpad.accounts.models import PersonalAccessToken, User
from launchpad.common.getters import get_owned_or_404
from launchpad.common.requests import signed_in_user


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Creates a candidate or trainer account, signs them in and opens their profile.

    A guest (a first visit to the readiness check) becomes that account instead, keeping
    every result.
    """
    guest = request.user if isinstance(request.user, User) and request.user.is_guest else None
    if request.user.is_authenticated and guest is None:
        return redirect("accounts:profile")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {
            name: form.cleaned_data[name] for name in ("email", "full_name", "role", "time_zone")
        }
        try:
            if guest is not None:
                user = services.guest_convert(
                    user=guest, password=form.cleaned_data["password1"], **fields
                )
            else:
                user = services.user_signup(password=form.cleaned_data["password1"], **fields)
        except EmailAlreadyRegistered:
            form.add_error("email", EMAIL_TAKEN_MESSAGE)
        else:
            login(request, user, backend=MODEL_BACKEND)
            if guest is not None:
                welcome = _(
                    "Welcome, %(name)s! Your account keeps every result of your readiness check."
                )
                destination = "readiness:report"
            else:
                welcome = _(
                    "Welcome to BPO Launchpad, %(name)s! Tell us a little about yourself so we "
                    "can suggest the right roles."
                )
                destination = "accounts:profile"
            messages.success(request, welcome % {"name": user.display_name})
            return redirect(destination)
    return render(request, "registration/signup.html", {"form": form})


class LoginView(auth_views.LoginView):
    """Sign-in with e-mail address and password.

    A guest (someone who took the readiness check first) may sign in to an existing
    account: their results move to it.
    """

    form_class = EmailAuthenticationForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user = request.user
        self.guest = user if isinstance(user, User) and user.is_guest else None
        self.redirect_authenticated_user = self.guest is None
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        account = form.get_user()
        if self.guest is not None and self.guest.pk != account.pk:
            services.guest_merge(guest=self.guest, into=account)
            messages.success(
                self.request, _("The results of your readiness check are now in your account.")
            )
        return response


class LogoutView(auth_views.LogoutView):
    """Sign-out: POST only (Django refuses GET), then back to the home page."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        was_signed_in = request.user.is_authenticated
        response = super().post(request, *args, **kwargs)
        if was_signed_in:
            messages.info(request, _("You have logged out."))
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "registration/password_change_done.html"


class PasswordResetView(auth_views.PasswordResetView):
    """Asks for an address and queues the reset e-mail; never says whether it has an account."""

    form_class = TaskPasswordResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    @property
    def extra_email_context(self) -> dict[str, Any]:  # type: ignore[override]
        return {"site_name": settings.SITE_NAME}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """Shows and edits the candidate profile and its self-rated languages."""
    user = signed_in_user(request)
    current = selectors.profile_for_user(user=user)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        formset = language_formset(data=request.POST, initial=language_initial(current))
        # Both are validated so every mistake is shown at once.
        form_ok = form.is_valid()
        formset_ok = formset.is_valid()
        if form_ok and formset_ok:
            try:
                services.profile_update(
                    user=user, fields=form.cleaned_data, languages=formset.entries()
                )
            except ProfileInvalid as exc:
                for name, problems in exc.errors.items():
                    target = name if name in form.fields else None
                    for problem in problems:
                        form.add_error(target, problem)
            else:
                messages.success(request, _("Your profile has been saved."))
                return redirect("accounts:profile")
    else:
        form = ProfileForm(initial=profile_form_initial(current))
        formset = language_formset(initial=language_initial(current))
    completeness = selectors.profile_completeness(profile=current)
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "formset": formset,
            "completeness": completeness,
            "degree_suggestions": DEGREE_SUGGESTIONS,
            "language_suggestions": LANGUAGE_SUGGESTIONS,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    """The account page: name, e-mail and time zone, and links to everything else."""
    user = signed_in_user(request)
    form = AccountSettingsForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update(
                user=user,
                full_name=form.cleaned_data["full_name"],
                email=form.cleaned_data["email"],
                time_zone=form.cleaned_data["time_zone"],
            )
        except EmailAlreadyRegistered:
            form.add_error("email", EMAIL_TAKEN_MESSAGE)
        else:
            messages.success(request, _("Your account details have been saved."))
            return redirect("accounts:settings")
    return render(
        request,
        "accounts/settings.html",
        {"form": form, "token_count": selectors.token_list(user=user).count()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def export(request: HttpRequest) -> HttpResponse:
    """Downloads everything stored about the user as one JSON file."""
    data = services.account_export(user=signed_in_user(request))
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"launchpad-export-{timezone.localdate():%Y%m%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    add_never_cache_headers(response)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    """Deletes the account and all its data once the password is typed again."""
    user = signed_in_user(request)
    form = AccountDeleteForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_delete(user=user)
        except (AccountDeletionBlocked, AccountDeletionIncomplete):
            messages.error(
                request,
                _(
                    "Your account could not be deleted because other records still point to "
                    "it. Nothing was removed. Please contact the site administrator."
                ),
            )
            return redirect("accounts:settings")
        logout(request)
        messages.success(
            request, _("Your account and all its data have been deleted. Goodbye, and good luck!")
        )
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """Lists the user's API tokens and creates one (its value is shown on this response only)."""
    user = signed_in_user(request)
    form = TokenCreateForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            new_token = services.token_create(
                user=user,
                name=form.cleaned_data["name"],
                expires_in_days=form.cleaned_data["expires"],
            )
        except (TokenInvalid, TokenLimitReached) as exc:
            form.add_error(None, str(exc))
        else:
            form = TokenCreateForm()
    response = render(
        request,
        "accounts/tokens.html",
        {
            "form": form,
            "tokens": selectors.token_list(user=user),
            "new_token": new_token,
            "now": timezone.now(),
        },
    )
    if new_token is not None:
        add_never_cache_headers(response)
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    """Revokes one of the user's own tokens; anyone else's is reported as missing (404)."""
    user = signed_in_user(request)
    token = get_owned_or_404(PersonalAccessToken.objects.all(), user=user, pk=token_id)
    try:
        services.token_revoke(user=user, token_id=token.pk)
    except TokenNotFound as exc:  # revoked by a concurrent request
        raise Http404 from exc
    messages.success(request, _("The token has been revoked. Scripts using it will stop working."))
    return redirect("accounts:tokens")
