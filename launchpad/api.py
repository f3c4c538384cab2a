"""The JSON API (django-ninja): OpenAPI at /api/docs, token or session authentication.

Each feature app contributes a router from its `api.py`; later issues add theirs here.
"""

from ninja import NinjaAPI

from launchpad.accounts.api import router as accounts_router
from launchpad.accounts.auth import api_auth
from launchpad.careers.api import router as careers_router
from launchpad.goals.api import router as goals_router
from launchpad.interview.api import router as interview_router
from launchpad.jobs.api import router as jobs_router
from launchpad.readiness.api import router as readiness_router
from launchpad.simulator.api import router as simulator_router
from launchpad.skills.api import router as skills_router

api = NinjaAPI(
    title="BPO Launchpad API",
    version="1.0.0",
    description=(
        "Profile, career content, goals, the skills lab, readiness and the interview coach. "
        "Authenticate with a personal "
        "access token (`Authorization: Bearer <token>`, created under Account → API tokens) "
        "or a browser session. Career content is public."
    ),
    auth=api_auth,
)
api.add_router("/profile", accounts_router, tags=["profile"])
api.add_router("/", careers_router, tags=["careers"])
api.add_router("/goals", goals_router, tags=["goals"])
api.add_router("/skills", skills_router, tags=["skills"])
api.add_router("/readiness", readiness_router, tags=["readiness"])
api.add_router("/interview", interview_router, tags=["interview"])
api.add_router("/jobs", jobs_router, tags=["jobs"])
api.add_router("/simulator", simulator_router, tags=["simulator"])
