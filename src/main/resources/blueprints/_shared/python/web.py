"""A tiny HTTP toolkit for this app: routes, JSON bodies, JSON errors and static files.

Standard library only (http.server), so the app runs with plain `python3 app.py`. Handlers run one at a time
(a lock), which keeps the JSON stores simple and is plenty for a small app.
"""
import json
import mimetypes
import os
import re
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

MAX_BODY_BYTES = 1024 * 1024
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'",
}
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".ico": "image/x-icon",
    ".png": "image/png",
}


class HttpError(Exception):
    """An error the client caused; sent back as {"error": message, ...details}."""

    def __init__(self, status, message, **details):
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details


class Reply:
    """A handler result with a status other than 200, or with extra headers."""

    def __init__(self, status, body, headers=None):
        self.status = status
        self.body = body
        self.headers = headers or {}


class Raw(Reply):
    """A handler result sent as it is (text or HTML), not as JSON."""

    def __init__(self, status, text, content_type, headers=None):
        super().__init__(status, text, headers)
        self.content_type = content_type


def created(body, location=None):
    return Reply(201, body, {"Location": location} if location else {})


class Request:
    """What a handler gets: method, path, params (from the pattern), query (first value per key), headers, body."""

    def __init__(self, method, path, params, query, headers, body):
        self.method = method
        self.path = path
        self.params = params
        self.query = query
        self.headers = headers
        self.body = body


class App:
    """Routes added with get/post/put/patch/delete; everything else under GET is a file from public_dir."""

    def __init__(self, public_dir):
        self.root = os.path.realpath(public_dir)
        self.routes = []
        self.lock = threading.Lock()

    def route(self, method, pattern):
        regex = re.compile("^" + re.sub(r":([A-Za-z]+)", r"(?P<\1>[^/]+)", pattern) + "/?$")

        def register(handler):
            self.routes.append((method, regex, handler))
            return handler

        return register

    def get(self, pattern):
        return self.route("GET", pattern)

    def post(self, pattern):
        return self.route("POST", pattern)

    def put(self, pattern):
        return self.route("PUT", pattern)

    def patch(self, pattern):
        return self.route("PATCH", pattern)

    def delete(self, pattern):
        return self.route("DELETE", pattern)

    def listen(self, name):
        """Serves on $PORT (default 3000) on all interfaces until SIGTERM or SIGINT."""
        port = int(os.environ.get("PORT", "3000"))
        host = os.environ.get("HOST", "0.0.0.0")
        server = ThreadingHTTPServer((host, port), _handler(self))
        server.daemon_threads = True

        def stop(signum, frame):
            threading.Thread(target=server.shutdown, daemon=True).start()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        print(f"{name} listening on http://{host}:{port}", flush=True)
        server.serve_forever()
        server.server_close()


def _handler(app):
    class Handler(BaseHTTPRequestHandler):
        server_version = "app"
        sys_version = ""
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            self._handle()

        def do_HEAD(self):
            self._handle()

        def do_POST(self):
            self._handle()

        def do_PUT(self):
            self._handle()

        def do_PATCH(self):
            self._handle()

        def do_DELETE(self):
            self._handle()

        def do_OPTIONS(self):
            self._handle()

        def log_message(self, fmt, *args):
            sys.stdout.write("%s %s\n" % (self.address_string(), fmt % args))

        def _handle(self):
            try:
                self._dispatch()
            except HttpError as e:
                self.close_connection = True
                self._json(e.status, {"error": e.message, **e.details})
            except (BrokenPipeError, ConnectionResetError):
                pass
            except Exception as e:  # the app keeps serving; the error goes to the log
                print(f"internal error: {e!r}", file=sys.stderr, flush=True)
                self._json(500, {"error": "internal error"})

        def _dispatch(self):
            url = urlsplit(self.path)
            try:
                path = unquote(url.path, errors="strict")
            except UnicodeDecodeError:
                raise HttpError(400, "malformed URL")
            method = "GET" if self.command == "HEAD" else self.command
            matching = [(m, r, h) for (m, r, h) in app.routes if r.match(path)]
            if matching:
                found = [(m, r, h) for (m, r, h) in matching if m == method]
                if not found:
                    allowed = ", ".join(sorted({m for (m, _, _) in matching}))
                    self._json(405, {"error": f"{self.command} is not allowed here; use {allowed}"},
                               {"Allow": allowed})
                    return
                _, regex, handler = found[0]
                params = regex.match(path).groupdict()
                body = self._body() if self.command in ("POST", "PUT", "PATCH") else None
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                with app.lock:
                    result = handler(Request(self.command, path, params, query, self.headers, body))
                if result is None:
                    self._send(204, b"", None)
                elif isinstance(result, Raw):
                    self._send(result.status, result.body.encode("utf-8"), result.content_type,
                               {"Cache-Control": "no-cache", **result.headers})
                elif isinstance(result, Reply):
                    self._json(result.status, result.body, result.headers)
                else:
                    self._json(200, result)
                return
            if path == "/api" or path.startswith("/api/"):
                self._json(404, {"error": f"no endpoint {path}"})
                return
            if method != "GET":
                self._json(405, {"error": f"{self.command} is not allowed here"}, {"Allow": "GET, HEAD"})
                return
            self._static(path)

        def _body(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY_BYTES:
                raise HttpError(413, "request body is larger than 1 MB")
            text = self.rfile.read(length).decode("utf-8", errors="replace").strip() if length else ""
            if not text:
                raise HttpError(400, "request body must be a JSON object")
            try:
                value = json.loads(text)
            except ValueError as e:
                raise HttpError(400, f"request body is not valid JSON: {e}")
            if not isinstance(value, dict):
                raise HttpError(400, "request body must be a JSON object")
            return value

        def _static(self, path):
            relative = "index.html" if path == "/" else path.lstrip("/")
            file = os.path.realpath(os.path.join(app.root, relative))
            if not file.startswith(app.root + os.sep) or not os.path.isfile(file):
                self._send(404, b"Not found", "text/plain; charset=utf-8")
                return
            with open(file, "rb") as f:
                data = f.read()
            ext = os.path.splitext(file)[1].lower()
            kind = TYPES.get(ext) or mimetypes.guess_type(file)[0] or "application/octet-stream"
            self._send(200, data, kind, {"Cache-Control": "no-cache"})

        def _json(self, status, body, headers=None):
            payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
            self._send(status, payload, "application/json; charset=utf-8", {"Cache-Control": "no-store",
                                                                            **(headers or {})})

        def _send(self, status, data, kind, headers=None):
            self.send_response(status)
            for k, v in {**HEADERS, **(headers or {})}.items():
                self.send_header(k, v)
            if kind:
                self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD" and data:
                self.wfile.write(data)

    return Handler
