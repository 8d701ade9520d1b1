// Python module `course_asgi_host`: one ASGI 3.0 HTTP connection scope per request and the
// lifespan protocol (https://asgi.readthedocs.io/en/latest/specs/www.html and
// .../specs/lifespan.html), with Uvicorn 0.17.6's behaviour where the spec leaves a choice:
// uvicorn/protocols/http/h11_impl.py (scope, receive, send, run_asgi) and uvicorn/lifespan/on.py.
export const asgiHostModule = String.raw`
import asyncio, http, re, traceback
from urllib.parse import unquote
from pyodide.ffi import to_js
from course_asgi_lifespan import Lifespan

TOKEN = re.compile(rb"[!#$%&'*+\-.^_\x60|~0-9A-Za-z]+")
HEADER_VALUE = re.compile(rb"[ \t\x21-\x7e\x80-\xff]*")
SPEC = "ASGI HTTP spec, 'Response Start - send event'"


def _phrase(status):
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def make_scope(request, root_path):
    raw_path, _, query = request.target.encode("latin-1").partition(b"?")
    raw = request.headers.to_py()
    headers = [(raw[i].lower().encode("latin-1"), raw[i + 1].encode("latin-1")) for i in range(0, len(raw), 2)]
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": request.httpVersion,
        "server": (request.serverName, request.serverPort),
        "client": (request.remoteAddr, request.remotePort),
        "scheme": "http",
        "method": request.method,
        "root_path": root_path,
        # The path is percent-decoded and read as UTF-8; raw_path keeps the bytes as sent.
        "path": unquote(raw_path.decode("latin-1")),
        "raw_path": raw_path,
        "query_string": query,
        "headers": headers,
    }


def _check_start(message):
    status = message.get("status")
    if type(status) is not int or not 100 <= status <= 999:
        raise TypeError("http.response.start needs 'status', an int such as 200, got %r (%s)" % (status, SPEC))
    flat = []
    for item in message.get("headers", []):
        if len(item) != 2 or not all(isinstance(part, (bytes, bytearray)) for part in item):
            raise TypeError("each header must be a [name, value] pair of bytes such as (b'content-type', b'text/plain'), got %r (%s)" % (item, SPEC))
        name, value = bytes(item[0]), bytes(item[1])
        if not TOKEN.fullmatch(name):
            raise ValueError("Illegal header name %r (%s)" % (name, SPEC))
        if not HEADER_VALUE.fullmatch(value):
            raise ValueError("Illegal header value %r: no line breaks or control characters (%s)" % (value, SPEC))
        flat += [name.decode("latin-1"), value.strip(b" \t").decode("latin-1")]
    return status, flat


class Cycle:
    """One request and its response; respond is the JavaScript side that writes to the socket."""

    def __init__(self, scope, respond):
        self.scope = scope
        self.respond = respond
        self.body = b""
        self.more_body = True
        self.arrived = asyncio.Event()
        self.started = False
        self.complete = False
        self.disconnected = False
        self.length = None
        self.sent = 0
        self.status = None

    def feed(self, data, more_body):
        self.body += data.to_bytes()
        self.more_body = more_body
        self.arrived.set()

    def disconnect(self):
        self.disconnected = True
        self.arrived.set()

    async def receive(self):
        # Body that arrived since the last call comes as one message; once the response is
        # complete or the client has gone, the answer is http.disconnect.
        if not self.disconnected and not self.complete:
            await self.arrived.wait()
            self.arrived.clear()
        if self.disconnected or self.complete:
            return {"type": "http.disconnect"}
        message = {"type": "http.request", "body": self.body, "more_body": self.more_body}
        self.body = b""
        return message

    async def send(self, message):
        kind = message["type"]
        if self.disconnected:
            return
        if not self.started:
            if kind != "http.response.start":
                raise RuntimeError("Expected ASGI message 'http.response.start', but got '%s'." % kind)
            status, flat = _check_start(message)
            for i in range(0, len(flat), 2):
                if flat[i].lower() == "content-length":
                    self.length = int(flat[i + 1])
            self.started = True
            self.status = status
            self.respond.start(status, _phrase(status), to_js(flat))
        elif not self.complete:
            if kind != "http.response.body":
                raise RuntimeError("Expected ASGI message 'http.response.body', but got '%s'." % kind)
            body = message.get("body", b"")
            more_body = message.get("more_body", False)
            if not isinstance(body, (bytes, bytearray)):
                raise TypeError("http.response.body 'body' must be bytes, got %s: encode text first, e.g. 'text'.encode('utf-8') (ASGI HTTP spec, 'Response Body - send event')" % type(body).__name__)
            self.sent += len(body)
            if self.length is not None and self.sent > self.length:
                raise RuntimeError("Too much data for declared Content-Length")
            if self.length is not None and not more_body and self.sent < self.length and self.scope["method"] != "HEAD":
                raise RuntimeError("Too little data for declared Content-Length")
            if not more_body:
                self.complete = True
                self.arrived.set()
            # Only a full socket buffer suspends the coroutine (see asgi-server.ts, body()).
            drained = self.respond.body(to_js(bytes(body)), more_body)
            if drained is not None:
                await drained
        else:
            raise RuntimeError("Unexpected ASGI message '%s' sent, after response already completed." % kind)

    async def send_500(self):
        await self.send({"type": "http.response.start", "status": 500, "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close")]})
        await self.send({"type": "http.response.body", "body": b"Internal Server Error"})

    async def run(self, app):
        """[outcome, log text]; outcome is 'ok', 'error' (a 500 was sent) or 'close' (drop the connection)."""
        try:
            result = await app(self.scope, self.receive, self.send)
        except BaseException:
            text = "Exception in ASGI application\n" + traceback.format_exc()
            if self.started:
                return to_js(["close", text])
            await self.send_500()
            return to_js(["error", text])
        if result is not None:
            return to_js(["close", "ASGI callable should return None, but returned '%s'." % (result,)])
        if not self.started and not self.disconnected:
            await self.send_500()
            return to_js(["error", "ASGI callable returned without starting response."])
        if not self.complete and not self.disconnected:
            return to_js(["close", "ASGI callable returned without completing response."])
        return to_js(["ok", ""])


def cycle(request, root_path, respond):
    return Cycle(make_scope(request, root_path), respond)


def lifespan(app, mode):
    return Lifespan(app, mode)
`;
