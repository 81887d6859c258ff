"""Notes on Python's standard library. REST API under /api/notes, page in public/, data in notes.json."""
import os

from lib.store import Collection
from lib.web import App, HttpError, created

TITLE = {{title}}
LIMITS = {"title": 200, "body": 100000}

notes = Collection("notes.json")
app = App(os.path.join(os.path.dirname(os.path.abspath(__file__)), "public"))


def text(body, field, required):
    if field not in body and not required:
        return None
    value = body.get(field)
    if not isinstance(value, str):
        raise HttpError(400, f"{field} must be a string", field=field)
    if required and field == "title" and not value.strip():
        raise HttpError(400, "title must not be empty", field=field)
    if len(value) > LIMITS[field]:
        raise HttpError(400, f"{field} must be at most {LIMITS[field]} characters", field=field)
    return value.strip() if field == "title" else value


def check_fields(body):
    unknown = [k for k in body if k not in ("title", "body", "pinned")]
    if unknown:
        raise HttpError(400, f"unknown field {unknown[0]}; use title, body or pinned")
    if "pinned" in body and not isinstance(body["pinned"], bool):
        raise HttpError(400, "pinned must be true or false", field="pinned")


def find(id):
    note = notes.get(id)
    if note is None:
        raise HttpError(404, f"no note with id {id}")
    return note


def ordered(items):
    by_id = sorted(items, key=lambda n: n["id"], reverse=True)
    by_time = sorted(by_id, key=lambda n: n["updatedAt"], reverse=True)
    return sorted(by_time, key=lambda n: n.get("pinned") is True, reverse=True)


@app.get("/api/notes")
def list_notes(req):
    q = (req.query.get("q") or "").strip().lower()
    found = [n for n in notes.list() if q in f"{n['title']}\n{n['body']}".lower()] if q else notes.list()
    return ordered(found)


@app.post("/api/notes")
def add(req):
    check_fields(req.body)
    note = notes.insert({"title": text(req.body, "title", True), "body": text(req.body, "body", False) or "",
                         "pinned": req.body.get("pinned", False)})
    return created(note, f"/api/notes/{note['id']}")


@app.get("/api/notes/:id")
def get_note(req):
    return find(req.params["id"])


@app.put("/api/notes/:id")
def replace(req):
    note = find(req.params["id"])
    check_fields(req.body)
    return notes.replace(note["id"], {"title": text(req.body, "title", True),
                                      "body": text(req.body, "body", False) or "",
                                      "pinned": req.body.get("pinned", False)})


@app.patch("/api/notes/:id")
def change(req):
    note = find(req.params["id"])
    check_fields(req.body)
    changes = {}
    if "title" in req.body:
        changes["title"] = text(req.body, "title", True)
    if "body" in req.body:
        changes["body"] = text(req.body, "body", False)
    if "pinned" in req.body:
        changes["pinned"] = req.body["pinned"]
    if not changes:
        raise HttpError(400, "send title, body and/or pinned to change")
    return notes.update(note["id"], changes)


@app.delete("/api/notes/:id")
def remove(req):
    notes.remove(find(req.params["id"])["id"])


if __name__ == "__main__":
    app.listen(TITLE)
