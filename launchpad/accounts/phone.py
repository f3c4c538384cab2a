"""Mobile numbers for India (+91) and the Philippines (+63), stored as E.164.

Pure functions, no Django: the forms and the API turn a `None` into a friendly message.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-().]")
_INDIA_MOBILE = re.compile(r"[6-9]\d{9}")
_PHILIPPINES_MOBILE = re.compile(r"9\d{9}")
_E164 = re.compile(r"\+[1-9]\d{7,14}")


def normalise_phone(raw: str, *, country: str = "") -> str | None:
    """Returns the number in E.164 form ("+919876543210"), or None when it is not valid.

    Spaces, dashes, dots and brackets are ignored. An Indian mobile has 10 digits starting
    with 6 to 9; a Philippine mobile has 10 digits starting with 9 (written 09XX… at home).
    Without a "+" the number is read as a local one for `country` ("IN" or "PH"). For any
    other country a full international number (+ and 8 to 15 digits) is accepted.
    """
    text = _SEPARATORS.sub("", raw or "")
    if not text:
        return None
    if text.startswith("00"):
        text = "+" + text[2:]
    if text.startswith("+91"):
        local = text[3:]
        return "+91" + local if _INDIA_MOBILE.fullmatch(local) else None
    if text.startswith("+63"):
        local = text[3:]
        if local.startswith("0"):
            local = local[1:]
        return "+63" + local if _PHILIPPINES_MOBILE.fullmatch(local) else None
    if text.startswith("+"):
        if country in {"IN", "PH"}:
            return None
        return text if _E164.fullmatch(text) else None
    if not text.isdigit():
        return None
    if country == "IN":
        if len(text) == 12 and text.startswith("91"):
            text = text[2:]
        elif len(text) == 11 and text.startswith("0"):
            text = text[1:]
        return "+91" + text if _INDIA_MOBILE.fullmatch(text) else None
    if country == "PH":
        if len(text) == 12 and text.startswith("63"):
            text = text[2:]
        elif len(text) == 11 and text.startswith("0"):
            text = text[1:]
        return "+63" + text if _PHILIPPINES_MOBILE.fullmatch(text) else None
    return None
