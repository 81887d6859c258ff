"""Validates request bodies against a list of typed fields: [{name, label, type, required}], where type is one of
string, integer, number, boolean, date (ISO 8601), email or url."""
import math
import re
from datetime import date
from urllib.parse import urlsplit

from lib.web import HttpError

MAX_STRING = 10000
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$")
EMAIL = re.compile(r"^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$")


def _string(v):
    if not isinstance(v, str):
        return "must be a string"
    return f"must be at most {MAX_STRING} characters" if len(v) > MAX_STRING else None


def _integer(v):
    ok = isinstance(v, int) and not isinstance(v, bool) or isinstance(v, float) and v.is_integer()
    return None if ok else "must be an integer"


def _number(v):
    ok = isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
    return None if ok else "must be a number"


def _boolean(v):
    return None if isinstance(v, bool) else "must be true or false"


def _date(v):
    m = DATE.match(v) if isinstance(v, str) else None
    if not m:
        return "must be a date such as 2025-06-30 (ISO 8601)"
    try:
        date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return "is not a real calendar date"
    return None


def _email(v):
    return None if isinstance(v, str) and len(v) <= 254 and EMAIL.match(v) else "must be an email address"


def _url(v):
    if not isinstance(v, str):
        return "must be an http(s) URL"
    parts = urlsplit(v)
    return None if parts.scheme in ("http", "https") and parts.netloc else "must be an http(s) URL"


CHECKS = {"string": _string, "integer": _integer, "number": _number, "boolean": _boolean, "date": _date,
          "email": _email, "url": _url}


def validate(fields, body, mode):
    """Checks `body` against `fields` ('create' needs required fields; 'patch' only checks what is sent)."""
    out = {}
    for field in fields:
        name = field["name"]
        value = body.get(name)
        if value is None:
            if mode == "patch" and name not in body:
                continue
            if field.get("required"):
                raise HttpError(400, f"{name} is required", field=name)
            out[name] = False if field["type"] == "boolean" else None
            continue
        if value == "" and not field.get("required") and field["type"] != "string":
            out[name] = None
            continue
        problem = CHECKS[field["type"]](value)
        if problem:
            raise HttpError(400, f"{name} {problem}", field=name, expected=field["type"])
        if field["type"] in ("string", "email", "url"):
            value = value.strip()
        if field["type"] == "integer":
            value = int(value)
        if field.get("required") and value == "":
            raise HttpError(400, f"{name} must not be empty", field=name)
        out[name] = value
    return out
