// Python module `course_wsgi_host`: one PEP 3333 call per request. The environ follows
// Gunicorn 20.1 (gunicorn/http/wsgi.py create(), default_environ()); start_response() and the
// response rules follow PEP 3333 (https://peps.python.org/pep-3333/), which is stricter than
// Gunicorn in places: see test/engines/python/known-differences.ts.
// Node drives the exchange one event at a time, so a streamed body leaves as it is produced:
//   ("head", code, reason, [name, value, ...]) · ("body", bytes) · ("end",) · ("error", text, headers_sent)
// Data given to write() cannot wait for the next event: the application is still running, so
// write() hands its head and body events to `sink`, a Node function that sends them at once.
export const wsgiHostModule = String.raw`
import os, re, sys, traceback
from urllib.parse import unquote_to_bytes, urlsplit
from pyodide.ffi import to_js
from course_wsgi_input import InputStream, ErrorStream, FileWrapper

# PEP 3333, "Other HTTP Features": hop-by-hop headers belong to the server, never the application.
HOP_BY_HOP = frozenset("connection keep-alive proxy-authenticate proxy-authorization te trailers transfer-encoding upgrade".split())
# Gunicorn writes its own Server and Date and drops the application's (gunicorn/util.py hop_headers).
SERVER_OWNED = frozenset(("server", "date"))
TOKEN = re.compile(r"[!#$%&'*+\-.^_\x60|~0-9A-Za-z]+")
HEADER_VALUE = re.compile(r"[ \t\x21-\x7e\x80-\xff]*")
STATUS = re.compile(r"([1-9][0-9][0-9]) ([^\x00-\x08\x0a-\x1f\x7f]*)")
SECTION = "PEP 3333, 'The start_response() Callable'"
SERVER_SOFTWARE = "course-wsgi"


def _split_target(target):
    # Gunicorn's split_request_uri(): a path starting "//" is a path, not a network location.
    parts = urlsplit("." + target if target.startswith("//") else target)
    path = parts.path[1:] if target.startswith("//") else parts.path
    return path, parts.query


def make_environ(request):
    path, query = _split_target(request.target)
    environ = {
        "REQUEST_METHOD": request.method,
        "QUERY_STRING": query,
        "RAW_URI": request.target,
        "SERVER_PROTOCOL": "HTTP/" + request.httpVersion,
        "SERVER_SOFTWARE": SERVER_SOFTWARE,
        "SERVER_NAME": request.serverName,
        "SERVER_PORT": str(request.serverPort),
        "REMOTE_ADDR": request.remoteAddr,
        "REMOTE_PORT": str(request.remotePort),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": InputStream(request.body.to_bytes()),
        "wsgi.errors": ErrorStream(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "wsgi.file_wrapper": FileWrapper,
        "wsgi.input_terminated": True,
    }
    raw = request.headers.to_py()
    for i in range(0, len(raw), 2):
        name, value = raw[i].upper(), raw[i + 1]
        if name == "CONTENT-TYPE":
            environ["CONTENT_TYPE"] = value
            continue
        if name == "CONTENT-LENGTH":
            environ["CONTENT_LENGTH"] = value
            continue
        key = "HTTP_" + name.replace("-", "_")
        environ[key] = environ[key] + "," + value if key in environ else value
    script_name = os.environ.get("SCRIPT_NAME", "")
    if script_name and script_name in path:
        path = path.split(script_name, 1)[1]
    # PEP 3333, "Unicode Issues": native strings hold bytes as latin-1, so PATH_INFO is the
    # percent-decoded path bytes read as latin-1 (gunicorn/util.py unquote_to_wsgi_str).
    environ["PATH_INFO"] = unquote_to_bytes(path).decode("latin-1")
    environ["SCRIPT_NAME"] = script_name
    return environ


def _check_headers(headers):
    if type(headers) is not list:
        raise TypeError("response_headers must be a list of (name, value) tuples, got %s (%s)" % (type(headers).__name__, SECTION))
    checked = []
    for item in headers:
        if type(item) is not tuple or len(item) != 2:
            raise TypeError("each response header must be a (name, value) tuple, got %r (%s)" % (item, SECTION))
        name, value = item
        if type(name) is not str or type(value) is not str:
            raise TypeError("header names and values must be str, got %r (%s)" % (item, SECTION))
        if not TOKEN.fullmatch(name):
            raise ValueError("invalid header name %r: use letters, digits and - only (%s)" % (name, SECTION))
        if not HEADER_VALUE.fullmatch(value):
            raise ValueError("invalid value for header %r: %r contains a line break, a control character or a character outside latin-1 (%s)" % (name, value, SECTION))
        if name.lower() in HOP_BY_HOP:
            raise AssertionError("hop-by-hop header %r is not allowed in a WSGI response: the server manages the connection and transfer encoding itself (PEP 3333, 'Other HTTP Features')" % name)
        checked.append((name, value.strip(" \t")))
    return checked


class Exchange:
    def __init__(self, environ, sink):
        self.environ = environ
        self.sink = sink
        self.status = None
        self.headers = None
        self.headers_sent = False
        self.length = None
        self.sent = 0

    def start_response(self, status, response_headers, exc_info=None):
        if exc_info:
            try:
                if self.headers_sent:
                    raise exc_info[1].with_traceback(exc_info[2])
            finally:
                exc_info = None
        elif self.status is not None:
            raise AssertionError("start_response() was called twice; a second call must pass exc_info, from an error handler (%s)" % SECTION)
        if type(status) is not str:
            raise TypeError("status must be a str such as '200 OK', got %r (%s)" % (status, SECTION))
        match = STATUS.fullmatch(status)
        if not match:
            raise ValueError("status must be a three-digit code, a space and a reason phrase, such as '200 OK' or '404 Not Found', got %r (%s)" % (status, SECTION))
        headers = _check_headers(response_headers)
        self.status = (int(match.group(1)), match.group(2))
        self.headers = [h for h in headers if h[0].lower() not in SERVER_OWNED]
        for name, value in headers:
            if name.lower() == "content-length":
                self.length = int(value)
        return self.write

    def write(self, data):
        if self.status is None:
            raise AssertionError("write() was called before start_response() (%s)" % SECTION)
        # PEP 3333, 'The write() Callable': the data is transmitted before write() returns,
        # as Gunicorn does (gunicorn/http/wsgi.py Response.write: sendall).
        for event in self.send(data):
            self.sink(to_js(event))

    def _head(self):
        self.headers_sent = True
        flat = [part for header in self.headers for part in header]
        return ("head", self.status[0], self.status[1], flat)

    def send(self, data):
        if type(data) is not bytes:
            raise TypeError("the application must produce bytes, got %s %r: encode text first, e.g. 'text'.encode('utf-8') (PEP 3333, 'Unicode Issues')" % (type(data).__name__, data))
        if self.status is None:
            raise AssertionError("the application produced body data before calling start_response() (%s)" % SECTION)
        # PEP 3333, 'Buffering and Streaming': headers wait for the first non-empty bytestring.
        if not data:
            return
        if not self.headers_sent:
            yield self._head()
        if self.length is not None:
            data = data[: max(self.length - self.sent, 0)]
            if not data:
                return
        self.sent += len(data)
        yield ("body", data)

    def finish(self):
        if self.status is None:
            raise AssertionError("the application returned without calling start_response() (%s)" % SECTION)
        if not self.headers_sent:
            yield self._head()
        yield ("end",)


def _events(app, request, sink):
    exchange = Exchange(make_environ(request), sink)
    result = None
    failure = None
    try:
        result = app(exchange.environ, exchange.start_response)
        for chunk in result:
            yield from exchange.send(chunk)
        yield from exchange.finish()
    except Exception:
        failure = traceback.format_exc()
    finally:
        # PEP 3333: the server calls close() whatever happened, even after an error.
        close = getattr(result, "close", None)
        if close is not None:
            try:
                close()
            except Exception:
                failure = failure or traceback.format_exc()
    if failure is not None:
        yield ("error", failure, exchange.headers_sent)


def start(app, request, sink):
    return _events(app, request, sink)


def stop(events):
    """The client went away: end the exchange early, which still calls the iterable's close()."""
    events.close()


def next_event(events):
    """The next event as a plain JavaScript array, or None once the exchange is over."""
    event = next(events, None)
    return None if event is None else to_js(event)
`;
