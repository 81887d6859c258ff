"""A todo list on Python's standard library. REST API under /api/todos, page in public/, data in todos.json.
Besides title and done, each todo has the EXTRA fields below (all optional)."""
import json
import os

from lib.fields import validate
from lib.store import Collection
from lib.web import App, HttpError, created

TITLE = {{title}}
EXTRA = json.loads({{extraFieldsJson|js}})
MAX_TITLE = 500
BUILT_IN = ["title", "done"]

todos = Collection("todos.json")
app = App(os.path.join(os.path.dirname(os.path.abspath(__file__)), "public"))


def title(value):
    if not isinstance(value, str) or not value.strip():
        raise HttpError(400, "title must be a non-empty string", field="title")
    if len(value) > MAX_TITLE:
        raise HttpError(400, f"title must be at most {MAX_TITLE} characters", field="title")
    return value.strip()


def done(value):
    if not isinstance(value, bool):
        raise HttpError(400, "done must be true or false", field="done")
    return value


def extras(body, mode):
    allowed = BUILT_IN + [f["name"] for f in EXTRA]
    unknown = [k for k in body if k not in allowed]
    if unknown:
        raise HttpError(400, f"unknown field {unknown[0]}; use {', '.join(allowed)}")
    return validate(EXTRA, {k: v for k, v in body.items() if k not in BUILT_IN}, mode)


def find(id):
    todo = todos.get(id)
    if todo is None:
        raise HttpError(404, f"no todo with id {id}")
    return todo


@app.get("/api/fields")
def fields(req):
    return [{"name": "title", "type": "string", "required": True},
            {"name": "done", "type": "boolean", "required": False}] + EXTRA


@app.get("/api/todos")
def list_todos(req):
    wanted = req.query.get("done")
    if wanted in ("true", "false"):
        return [t for t in todos.list() if t.get("done") == (wanted == "true")]
    return todos.list()


@app.post("/api/todos")
def add(req):
    body = req.body
    extra = extras(body, "create")
    todo = todos.insert({"title": title(body.get("title")),
                         "done": done(body["done"]) if "done" in body else False, **extra})
    return created(todo, f"/api/todos/{todo['id']}")


@app.get("/api/todos/:id")
def get_todo(req):
    return find(req.params["id"])


@app.patch("/api/todos/:id")
def change(req):
    todo = find(req.params["id"])
    body = req.body
    changes = {}
    if "title" in body:
        changes["title"] = title(body["title"])
    if "done" in body:
        changes["done"] = done(body["done"])
    changes.update(extras(body, "patch"))
    if not changes:
        raise HttpError(400, f"send one of {', '.join(BUILT_IN + [f['name'] for f in EXTRA])} to change")
    return todos.update(todo["id"], changes)


@app.delete("/api/todos/:id")
def remove(req):
    todos.remove(find(req.params["id"])["id"])


@app.delete("/api/todos")
def clear_done(req):
    if req.query.get("done") != "true":
        raise HttpError(400, "to delete all completed todos use DELETE /api/todos?done=true")
    return {"removed": todos.remove_where(lambda t: t.get("done") is True)}


if __name__ == "__main__":
    app.listen(TITLE)
