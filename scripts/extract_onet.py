"""Extracts the O*NET occupations BPO Launchpad links to into a small packaged JSON file.

Reads the O*NET 29.3 text files (tab-separated, UTF-8) from a directory holding
`all-occupations/` and `four-occupations/` (default: ../shared/data/onet relative to the
repository root) and writes `launchpad/content/onet/occupations.json` and its `LICENSE.md`.

The output is deterministic: running the script twice on the same release gives the same
bytes, so a diff of the JSON shows only what a new release changed.

    python scripts/extract_onet.py [ONET_DIR] [--out launchpad/content/onet]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "data" / "onet"
DEFAULT_OUT = REPO_ROOT / "launchpad" / "content" / "onet"

RELEASE = "O*NET 29.3"
RELEASE_DATE = "May 2025"
CREDIT = (
    "This page includes information from the O*NET 29.3 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA."
)
LICENSE_NAME = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
ONET_LICENSE_URL = "https://www.onetcenter.org/license_db.html"
DICTIONARY_URL = "https://www.onetcenter.org/dictionary/29.3/excel/"

# The occupations that roles.yaml links to (its `onet` entries).
LINKED_CODES = (
    "43-4051.00",
    "43-9021.00",
    "43-9022.00",
    "15-1232.00",
    "43-1011.00",
    "43-9061.00",
    "43-3031.00",
    "15-2051.01",
    "13-1151.00",
    "13-1041.00",
    "15-2031.00",
    "13-1111.00",
    "11-1021.00",
    "13-1082.00",
    "11-2022.00",
)
RELATED_TIERS = ("Primary-Short", "Primary-Long")
MAX_RELATED = 10
MAX_SKILLS = 10
MAX_TECHNOLOGY = 15
# Core tasks first, then Supplemental; tasks the release leaves unclassified come last.
TASK_TYPE_ORDER = {"Core": 0, "Supplemental": 1}


def read_table(path: Path) -> Iterator[dict[str, str]]:
    """Yields the rows of an O*NET tab-separated file as dicts keyed by the header."""
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def _number(value: str) -> float | None:
    value = value.strip()
    if not value:
        return None
    number = float(value)
    return int(number) if number.is_integer() else round(number, 2)


def extract(source: Path) -> dict[str, Any]:
    """Returns the JSON document for the linked occupations and those related to them."""
    all_dir, four_dir = source / "all-occupations", source / "four-occupations"
    linked = set(LINKED_CODES)

    occupations: dict[str, dict[str, str]] = {}
    for row in read_table(all_dir / "Occupation Data.txt"):
        occupations[row["O*NET-SOC Code"]] = {
            "title": row["Title"].strip(),
            "description": row["Description"].strip(),
        }
    missing = sorted(linked - occupations.keys())
    if missing:
        raise SystemExit(f"Not in Occupation Data.txt: {', '.join(missing)}")

    tasks: dict[str, list[tuple[int, int, str, str | None]]] = {code: [] for code in linked}
    for row in read_table(all_dir / "Task Statements.txt"):
        code = row["O*NET-SOC Code"]
        if code in linked:
            kind = row["Task Type"].strip() or None
            rank = TASK_TYPE_ORDER.get(kind or "", len(TASK_TYPE_ORDER))
            tasks[code].append((rank, int(row["Task ID"]), row["Task"].strip(), kind))

    related: dict[str, list[dict[str, Any]]] = {code: [] for code in linked}
    for row in read_table(all_dir / "Related Occupations.txt"):
        code = row["O*NET-SOC Code"]
        if code in linked and row["Relatedness Tier"] in RELATED_TIERS:
            related[code].append(
                {
                    "code": row["Related O*NET-SOC Code"],
                    "title": row["Related Title"].strip(),
                    "tier": row["Relatedness Tier"],
                    "index": int(row["Index"]),
                }
            )

    skills = _skills(four_dir / "Skills.txt", linked)
    technology = _technology(four_dir / "Technology Skills.txt", linked)

    documents: list[dict[str, Any]] = []
    for code in sorted(linked):
        documents.append(
            {
                "code": code,
                "title": occupations[code]["title"],
                "description": occupations[code]["description"],
                "tasks": [{"text": text, "type": kind} for _, _, text, kind in sorted(tasks[code])],
                "related": sorted(related[code], key=lambda r: (r["index"], r["code"]))[
                    :MAX_RELATED
                ],
                "skills": skills.get(code, []),
                "technology": technology.get(code, []),
            }
        )
    related_only = sorted(
        {r["code"] for doc in documents for r in doc["related"]} - linked,
    )
    for code in related_only:
        documents.append({"code": code, "title": occupations[code]["title"]})
    documents.sort(key=lambda doc: doc["code"])
    return {
        "release": f"{RELEASE} ({RELEASE_DATE})",
        "license": f"{LICENSE_NAME} ({LICENSE_URL})",
        "credit": CREDIT,
        "occupations": documents,
    }


def _skills(path: Path, linked: set[str]) -> dict[str, list[dict[str, Any]]]:
    # Element → {"IM": score, "LV": score}; suppressed estimates are left out entirely.
    scores: dict[str, dict[str, dict[str, float | None]]] = {}
    for row in read_table(path):
        code = row["O*NET-SOC Code"]
        if code not in linked or row["Recommend Suppress"].strip().upper() == "Y":
            continue
        if row["Scale ID"] in ("IM", "LV"):
            element = scores.setdefault(code, {}).setdefault(row["Element Name"].strip(), {})
            element[row["Scale ID"]] = _number(row["Data Value"])
    result: dict[str, list[dict[str, Any]]] = {}
    for code, elements in scores.items():
        ranked: list[tuple[float, float, str, float | None]] = []
        for name, values in elements.items():
            importance, level = values.get("IM"), values.get("LV")
            if importance is not None:
                ranked.append((-importance, -(level or 0), name, level))
        ranked.sort()
        result[code] = [
            {"name": name, "importance": -negative, "level": level}
            for negative, _, name, level in ranked[:MAX_SKILLS]
        ]
    return result


def _technology(path: Path, linked: set[str]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for row in read_table(path):
        code = row["O*NET-SOC Code"]
        if code in linked:
            found.setdefault(code, []).append(
                {
                    "example": row["Example"].strip(),
                    "commodity": row["Commodity Title"].strip(),
                    "hot": row["Hot Technology"].strip().upper() == "Y",
                    "in_demand": row["In Demand"].strip().upper() == "Y",
                }
            )
    for code, rows in found.items():
        rows.sort(
            key=lambda r: (
                not r["hot"],
                not r["in_demand"],
                r["example"].casefold(),
                r["commodity"],
            )
        )
        found[code] = rows[:MAX_TECHNOLOGY]
    return found


def license_text(document: dict[str, Any]) -> str:
    occupations = document["occupations"]
    full = sum(1 for doc in occupations if "description" in doc)
    return f"""# O*NET data in BPO Launchpad

{CREDIT}

- **Release:** {RELEASE} Database ({RELEASE_DATE} release), unmodified text files from
  <https://www.onetcenter.org/database.html>.
- **Licence:** [Creative Commons Attribution 4.0 International ({LICENSE_NAME})]({LICENSE_URL});
  O*NET terms: <{ONET_LICENSE_URL}>. Data dictionary: <{DICTIONARY_URL}>.
- **Changes:** selected and reshaped (see below); no text was edited.

Show the credit line above wherever the product displays this data.

## What `occupations.json` holds

{len(occupations)} occupations: the {full} our roles link to (`onet` in
`launchpad/content/careers/roles.yaml`) with their full extract, and the occupations O*NET
lists as related to them, with code and title only.

For each linked occupation:

- `code`, `title`, `description`: from `all-occupations/Occupation Data.txt`.
- `tasks`: every task statement from `all-occupations/Task Statements.txt`, Core tasks first,
  then Supplemental, then tasks the release leaves unclassified (`type` null), each group by
  Task ID.
- `related`: up to {MAX_RELATED} occupations from `all-occupations/Related Occupations.txt` in
  the Primary-Short and Primary-Long tiers, by O*NET's index (`code`, `title`, `tier`,
  `index`).
- `skills` (only for the four occupations in `four-occupations/`: 43-4051.00, 43-9021.00,
  15-1232.00, 43-1011.00): the top {MAX_SKILLS} skills from `Skills.txt` by Importance (IM,
  scale 1 to 5), with their Level (LV, scale 0 to 7); rows O*NET marks "Recommend Suppress" = Y are
  left out.
- `technology` (same four occupations): up to {MAX_TECHNOLOGY} examples from
  `Technology Skills.txt` (`example`, `commodity` title, `hot` = O*NET's Hot Technology
  flag, `in_demand` = its In Demand flag), hot technologies first, in-demand ones first
  among those, then alphabetically.

## Regenerate

From the repository root, with the O*NET text files in `../shared/data/onet`:

    .venv/bin/python scripts/extract_onet.py [ONET_DIR]

then load it into the database with `launchpad load-content`. The list of linked codes is
`LINKED_CODES` in `scripts/extract_onet.py`; add a code there when a role links to a new
occupation.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=DEFAULT_SOURCE,
        help=f"O*NET text files directory (default {DEFAULT_SOURCE})",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output directory (default {DEFAULT_OUT})"
    )
    args = parser.parse_args(argv)
    document = extract(args.source)
    args.out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    (args.out / "occupations.json").write_text(text, encoding="utf-8")
    (args.out / "LICENSE.md").write_text(license_text(document), encoding="utf-8")
    print(
        f"Wrote {len(document['occupations'])} occupations to {args.out / 'occupations.json'} "
        f"({len(text.encode('utf-8')) // 1024} KiB)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
