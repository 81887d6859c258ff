"""Runs script.py once, when the app starts, and serves what it printed: the page at /, the plain text at
/output.txt and the details as JSON at /api/output. The output is also written to output.txt and to this process's
log."""
import contextlib
import html
import io
import os
import sys
import time
import traceback
from datetime import datetime, timezone

from lib.web import App, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
TITLE = {{title}}
DESCRIPTION = {{description}}
MAX_OUTPUT_CHARS = 2_000_000


def run():
    """Runs script.main() with its prints captured; returns what happened."""
    buffer = io.StringIO()
    started_at = datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
    started = time.perf_counter()
    status, code = "succeeded", 0
    with contextlib.redirect_stdout(buffer):
        try:
            import script
            script.main()
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            status = "succeeded" if code == 0 else "failed"
        except Exception:
            status, code = "failed", 1
            print(traceback.format_exc(), end="")
    millis = round((time.perf_counter() - started) * 1000, 1)
    output = buffer.getvalue()
    if len(output) > MAX_OUTPUT_CHARS:
        output = output[:MAX_OUTPUT_CHARS] + "\n… (output cut at 2 million characters)\n"
    with open(os.path.join(HERE, "output.txt"), "w", encoding="utf-8") as f:
        f.write(output)
    sys.stdout.write(output)
    print(f"script {status} in {millis} ms ({len(output.splitlines())} lines of output)", flush=True)
    return {"title": TITLE, "description": DESCRIPTION, "status": status, "exitCode": code,
            "startedAt": started_at, "durationMillis": millis, "lines": len(output.splitlines()),
            "output": output}


RESULT = run()
app = App(os.path.join(HERE, "public"))


def page():
    with open(os.path.join(HERE, "public", "index.html"), encoding="utf-8") as f:
        template = f.read()
    with open(os.path.join(HERE, "script.py"), encoding="utf-8") as f:
        source = f.read()
    values = {
        "%%STATUS%%": RESULT["status"],
        "%%STATUS_LABEL%%": "Finished" if RESULT["status"] == "succeeded" else f"Failed (exit {RESULT['exitCode']})",
        "%%STARTED%%": RESULT["startedAt"],
        "%%DURATION%%": f"{RESULT['durationMillis']} ms",
        "%%LINES%%": str(RESULT["lines"]),
        "%%OUTPUT%%": html.escape(RESULT["output"]) or "(the script printed nothing)",
        "%%SOURCE%%": html.escape(source),
    }
    for marker, value in values.items():
        template = template.replace(marker, value)
    return template


@app.get("/")
def index(req):
    return Raw(200, page(), "text/html; charset=utf-8")


@app.get("/output.txt")
def output(req):
    return Raw(200, RESULT["output"], "text/plain; charset=utf-8")


@app.get("/api/output")
def details(req):
    return RESULT


if __name__ == "__main__":
    app.listen(TITLE)
