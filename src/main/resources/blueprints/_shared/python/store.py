"""JSON files in the app's folder, written atomically: a temp file is written and flushed, then renamed over the
old one, so a crash never leaves half a file behind."""
import copy
import json
import os
import time
from datetime import datetime, timezone

DATA_DIR = os.environ.get("DATA_DIR") or os.getcwd()


def now():
    """The current time as ISO 8601 in UTC with milliseconds, like JavaScript's toISOString()."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class JsonFile:
    """One JSON document on disk."""

    def __init__(self, name, fallback):
        self.file = os.path.join(DATA_DIR, name)
        self.fallback = fallback

    def read(self):
        try:
            with open(self.file, encoding="utf-8") as f:
                text = f.read()
        except FileNotFoundError:
            return copy.deepcopy(self.fallback)
        try:
            return json.loads(text)
        except ValueError:
            backup = f"{self.file}.corrupt-{int(time.time() * 1000)}"
            os.replace(self.file, backup)
            print(f"{self.file} was not valid JSON; moved it to {backup} and started empty", flush=True)
            return copy.deepcopy(self.fallback)

    def write(self, data):
        tmp = f"{self.file}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.file)


class Collection:
    """Records with numeric ids, kept in memory and saved to `name` after every change."""

    def __init__(self, name, max_items=10000):
        self.store = JsonFile(name, {"nextId": 1, "items": []})
        data = self.store.read()
        items = data if isinstance(data, list) else data.get("items", []) if isinstance(data, dict) else []
        self.items = [i for i in items if isinstance(i, dict)]
        highest = max([int(i.get("id") or 0) for i in self.items] or [0])
        next_id = data.get("nextId", 1) if isinstance(data, dict) else 1
        self.next_id = max(int(next_id or 1), highest + 1)
        self.max_items = max_items

    def list(self):
        return self.items

    def get(self, id):
        try:
            n = int(id)
        except (TypeError, ValueError):
            return None
        return next((i for i in self.items if i.get("id") == n), None)

    def insert(self, fields):
        if len(self.items) >= self.max_items:
            from lib.web import HttpError
            raise HttpError(409, f"storage is full ({self.max_items} items); delete some first")
        stamp = now()
        item = {"id": self.next_id, **fields, "createdAt": stamp, "updatedAt": stamp}
        self.next_id += 1
        self.items.append(item)
        self.save()
        return item

    def update(self, id, fields):
        item = self.get(id)
        if item is None:
            return None
        item.update(fields)
        item["updatedAt"] = now()
        self.save()
        return item

    def replace(self, id, fields):
        item = self.get(id)
        if item is None:
            return None
        for key in [k for k in item if k not in ("id", "createdAt")]:
            del item[key]
        return self.update(id, fields)

    def remove(self, id):
        item = self.get(id)
        if item is None:
            return False
        self.items.remove(item)
        self.save()
        return True

    def remove_where(self, predicate):
        before = len(self.items)
        self.items = [i for i in self.items if not predicate(i)]
        removed = before - len(self.items)
        if removed:
            self.save()
        return removed

    def save(self):
        self.store.write({"nextId": self.next_id, "items": self.items})
