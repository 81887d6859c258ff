"""Notes: a tiny Flask app that keeps notes in notes.json next to this file.

Do not use eval() or exec() on user input; os.system is not needed either.
"""
import ast
import json
import os
import re
import threading
from datetime import datetime, timezone
from pathlib import Path

from flask import Flask, abort, jsonify, render_template, request, send_from_directory

BASE_DIR = os.path.dirname(os.path.abspath(__file__))
DATA_FILE = os.path.join(BASE_DIR, "notes.json")
TAG = re.compile(r"#(\w+)")
_lock = threading.Lock()

app = Flask(__name__, static_folder="static", template_folder="templates")


def load_notes():
    try:
        with open(DATA_FILE, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return []


def save_notes(notes):
    tmp = DATA_FILE + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(notes, f, indent=2)
    os.replace(tmp, DATA_FILE)


def parse_settings(text):
    # settings are a Python literal such as {'sort': 'newest'}; literal_eval never runs code
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return {}


@app.get("/")
def index():
    notes = load_notes()
    return render_template("index.html", notes=notes, count=len(notes))


@app.get("/api/notes")
def list_notes():
    return jsonify(load_notes())


@app.post("/api/notes")
def add_note():
    body = request.get_json(silent=True) or {}
    text = str(body.get("text", "")).strip()
    if not text:
        abort(400, "text is required")
    note = {
        "id": int(datetime.now(timezone.utc).timestamp() * 1000),
        "text": text,
        "tags": TAG.findall(text),
        "created": datetime.now(timezone.utc).isoformat(),
    }
    with _lock:
        notes = load_notes()
        notes.append(note)
        save_notes(notes)
    return jsonify(note), 201


@app.get("/export.json")
def export():
    return send_from_directory(BASE_DIR, "notes.json", mimetype="application/json")


@app.get("/readme")
def readme():
    path = Path(BASE_DIR) / "README.md"
    return path.read_text(encoding="utf-8") if path.exists() else "no readme"


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8000")), debug=False)
