"""A guestbook on Python's standard library. REST API under /api/entries, page in public/, data in entries.json."""
import os

from lib.store import Collection
from lib.web import App, HttpError, Reply, created

TITLE = {{title}}
LIMITS = {"name": 60, "message": 1000}

entries = Collection("entries.json", max_items=5000)
app = App(os.path.join(os.path.dirname(os.path.abspath(__file__)), "public"))


def text(body, field):
    value = body.get(field)
    if not isinstance(value, str) or not value.strip():
        raise HttpError(400, f"{field} must be a non-empty string", field=field)
    if len(value.strip()) > LIMITS[field]:
        raise HttpError(400, f"{field} must be at most {LIMITS[field]} characters", field=field)
    return value.strip()


def number(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@app.get("/api/entries")
def list_entries(req):
    everything = list(reversed(entries.list()))
    offset = max(0, number(req.query.get("offset"), 0))
    limit = min(200, max(1, number(req.query.get("limit"), 50)))
    return Reply(200, everything[offset:offset + limit], {"X-Total-Count": str(len(everything))})


@app.post("/api/entries")
def sign(req):
    unknown = [k for k in req.body if k not in ("name", "message", "website")]
    if unknown:
        raise HttpError(400, f"unknown field {unknown[0]}; use name and message")
    website = req.body.get("website")
    if isinstance(website, str) and website.strip():
        # the hidden "website" field is a honeypot: people never see it, spam bots fill it in
        raise HttpError(400, "this looks like spam")
    entry = entries.insert({"name": text(req.body, "name"), "message": text(req.body, "message")})
    return created(entry, f"/api/entries/{entry['id']}")


@app.get("/api/entries/:id")
def get_entry(req):
    entry = entries.get(req.params["id"])
    if entry is None:
        raise HttpError(404, f"no entry with id {req.params['id']}")
    return entry


if __name__ == "__main__":
    app.listen(TITLE)
