from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from launchpad.careers import selectors as career_selectors


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The landing page: what the product does and the six tracks to start from."""
    if request.user.is_authenticated and request.GET.get("from") != "nav":
        return redirect("goals:dashboard")
    return render(
        request,
        "home.html",
        {
            # A callable: the template runs the query only when its cached fragment is stale.
            "tracks": career_selectors.track_list,
            "content_version": career_selectors.content_version(),
            "cache_seconds": career_selectors.content_cache_seconds(),
        },
    )


def healthz(request: HttpRequest) -> HttpResponse:
    """A trivial view: liveness for load balancers and the benchmark's baseline."""
    return HttpResponse("ok", content_type="text/plain")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
