"""Part 1: the greeting service as a plain WSGI application (PEP 3333), no framework.

The lab serves it with `course-wsgi app:application`; Gunicorn serves the same file with
`gunicorn app:application`.
"""
import json
from urllib.parse import parse_qs

# The methods each path supports; anything else on these paths is a 405.
ROUTES = {
    "/hello": "GET",
    "/greetings": "POST",
}


def respond(start_response, status, payload, extra_headers=()):
    """Sends a JSON answer: status line, headers, then the body as one byte string."""
    body = json.dumps(payload).encode("utf-8")
    headers = [
        ("Content-Type", "application/json"),
        ("Content-Length", str(len(body))),
        *extra_headers,
    ]
    start_response(status, headers)
    return [body]


def read_body(environ):
    """Reads exactly CONTENT_LENGTH bytes; an empty or absent CONTENT_LENGTH means no body."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    return environ["wsgi.input"].read(length) if length > 0 else b""


def greeting(name):
    return {"greeting": f"Hello, {name}!"}


def hello(environ, start_response):
    query = parse_qs(environ.get("QUERY_STRING", ""))
    name = query.get("name", [""])[0] or "world"
    return respond(start_response, "200 OK", greeting(name))


def create_greeting(environ, start_response):
    try:
        data = json.loads(read_body(environ))
    except ValueError:
        return respond(start_response, "400 Bad Request", {"error": "the body must be JSON such as {\"name\": \"Ada\"}"})
    name = data.get("name") if isinstance(data, dict) else None
    if not isinstance(name, str) or not name:
        return respond(start_response, "400 Bad Request", {"error": "the JSON body needs a non-empty string \"name\""})
    return respond(start_response, "201 Created", greeting(name))


HANDLERS = {
    "/hello": hello,
    "/greetings": create_greeting,
}


def application(environ, start_response):
    path = environ.get("PATH_INFO", "") or "/"
    method = environ["REQUEST_METHOD"]
    if path not in ROUTES:
        return respond(start_response, "404 Not Found", {"error": f"no such path: {path}"})
    if method != ROUTES[path]:
        return respond(
            start_response,
            "405 Method Not Allowed",
            {"error": f"{path} supports {ROUTES[path]} only"},
            [("Allow", ROUTES[path])],
        )
    return HANDLERS[path](environ, start_response)
