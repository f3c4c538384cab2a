"""The `launchpad` command: serve, work, migrate, load content and the core tools.

`launchpad serve` runs gunicorn, `launchpad worker` runs a background task worker, and every
other Django management command is available under its name with dashes or underscores
(`launchpad load-content`, `launchpad createsuperuser`, `launchpad check --deploy`, ...).
"""

from __future__ import annotations

import os
import sys


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "launchpad.settings")


def serve(argv: list[str]) -> int:
    """Serves the site with gunicorn (static files through whitenoise)."""
    import argparse

    parser = argparse.ArgumentParser(prog="launchpad serve", description=serve.__doc__)
    parser.add_argument("--bind", default=os.environ.get("BIND", "127.0.0.1:8000"))
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WEB_CONCURRENCY", str((os.cpu_count() or 1) * 2))),
    )
    parser.add_argument("--threads", type=int, default=int(os.environ.get("WEB_THREADS", "1")))
    args = parser.parse_args(argv)
    _django_setup()
    gunicorn_args = [
        "gunicorn",
        "launchpad.wsgi:application",
        "--bind",
        args.bind,
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--access-logfile",
        "-",
        "--forwarded-allow-ips",
        os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
    ]
    from gunicorn.app.wsgiapp import run

    sys.argv = gunicorn_args
    run()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__.strip())
        print(
            "\nCommands: serve, worker, migrate, load-content, createsuperuser, check, "
            "ladder, typing-score, call-score, interview-feedback, resume, jobs import, and "
            "any Django management "
            "command (`launchpad help-django` lists them)."
        )
        return 0
    command, rest = argv[0], argv[1:]
    if command == "serve":
        return serve(rest)
    if command == "ladder":
        from launchpad.core_cli import ladder_command

        return ladder_command(rest)
    if command == "typing-score":
        from launchpad.typing_cli import typing_score_command

        return typing_score_command(rest)
    if command == "call-score":
        from launchpad.call_score_cli import call_score_command

        return call_score_command(rest)
    if command == "interview-feedback":
        from launchpad.interview_cli import interview_feedback_command

        return interview_feedback_command(rest)
    if command == "resume":
        from launchpad.resume_cli import resume_command

        return resume_command(rest)
    _django_setup()
    from django.core.management import execute_from_command_line

    aliases = {"worker": "db_worker", "help-django": "help"}
    name = aliases.get(command, command.replace("-", "_"))
    execute_from_command_line(["launchpad", name, *rest])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
