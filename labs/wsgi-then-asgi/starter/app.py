"""Part 1: the greeting service as a plain WSGI application (PEP 3333), no framework.

`node launch.mjs` serves this file with `course-wsgi app:application` on PORT (8000); under
Gunicorn it would be `gunicorn app:application`. The lab's instructions list what it must do:

    GET  /hello?name=Ada   200 OK      {"greeting": "Hello, Ada!"}  (no name: "world")
    POST /greetings        201 Created {"greeting": "Hello, Ada!"} for the body {"name": "Ada"},
                           400 Bad Request when the body is not such JSON
    any other path         404 Not Found
    a path's other methods 405 Method Not Allowed, with an Allow header
"""


def application(environ, start_response):
    # Every request gets the same plain-text answer for now. Route on environ["PATH_INFO"]
    # and environ["REQUEST_METHOD"] instead, and answer JSON.
    body = f"Hello! You asked for {environ['REQUEST_METHOD']} {environ.get('PATH_INFO', '/')}\n".encode("utf-8")
    start_response("200 OK", [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ])
    return [body]
