"""Part 2: the same greeting service as an ASGI application (ASGI 3.0), no framework.

The lab serves it with `course-asgi asgi_app:app`; Uvicorn serves the same file with
`uvicorn asgi_app:app`. It adds a streamed countdown and a readiness check that turns
ready once the lifespan startup hook has run.
"""
import asyncio
import json
import time
from urllib.parse import parse_qs

ROUTES = {
    "/hello": "GET",
    "/greetings": "POST",
    "/health": "GET",
    "/countdown": "GET",
}

# Filled by the lifespan startup hook; a real service would open its database pool here.
state = {"ready": False, "started_at": None}

COUNTDOWN_PAUSE_SECONDS = 0.2


async def respond(send, status, payload, extra_headers=()):
    body = json.dumps(payload).encode("utf-8")
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode("latin-1")),
        *extra_headers,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def read_body(receive):
    """Collects every http.request event until more_body is false."""
    chunks = []
    while True:
        event = await receive()
        if event["type"] == "http.disconnect":
            raise ConnectionError("the client left before sending its whole body")
        chunks.append(event.get("body", b""))
        if not event.get("more_body", False):
            return b"".join(chunks)


def greeting(name):
    return {"greeting": f"Hello, {name}!"}


def query_value(scope, name, default):
    values = parse_qs(scope["query_string"].decode("latin-1")).get(name, [""])
    return values[0] or default


async def hello(scope, receive, send):
    await respond(send, 200, greeting(query_value(scope, "name", "world")))


async def create_greeting(scope, receive, send):
    try:
        data = json.loads(await read_body(receive))
    except ValueError:
        return await respond(send, 400, {"error": "the body must be JSON such as {\"name\": \"Ada\"}"})
    name = data.get("name") if isinstance(data, dict) else None
    if not isinstance(name, str) or not name:
        return await respond(send, 400, {"error": "the JSON body needs a non-empty string \"name\""})
    await respond(send, 201, greeting(name))


async def health(scope, receive, send):
    if state["ready"]:
        await respond(send, 200, {"status": "ready", "started_at": state["started_at"]})
    else:
        await respond(send, 503, {"status": "starting"})


async def countdown(scope, receive, send):
    try:
        start = max(1, min(20, int(query_value(scope, "from", "5"))))
    except ValueError:
        return await respond(send, 400, {"error": "from must be a whole number"})
    await send({
        "type": "http.response.start",
        "status": 200,
        "headers": [(b"content-type", b"text/plain; charset=utf-8")],
    })
    for number in range(start, 0, -1):
        await send({"type": "http.response.body", "body": f"{number}\n".encode(), "more_body": True})
        # await, never time.sleep(): the event loop serves other requests meanwhile.
        await asyncio.sleep(COUNTDOWN_PAUSE_SECONDS)
    await send({"type": "http.response.body", "body": b"liftoff\n", "more_body": False})


HANDLERS = {
    "/hello": hello,
    "/greetings": create_greeting,
    "/health": health,
    "/countdown": countdown,
}


async def lifespan(receive, send):
    while True:
        event = await receive()
        if event["type"] == "lifespan.startup":
            state["ready"] = True
            state["started_at"] = time.time()
            await send({"type": "lifespan.startup.complete"})
        elif event["type"] == "lifespan.shutdown":
            state["ready"] = False
            await send({"type": "lifespan.shutdown.complete"})
            return


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        return await lifespan(receive, send)
    if scope["type"] != "http":
        raise RuntimeError(f"this app serves HTTP only, not {scope['type']!r}")
    path, method = scope["path"], scope["method"]
    if path not in ROUTES:
        return await respond(send, 404, {"error": f"no such path: {path}"})
    if method != ROUTES[path]:
        allow = ROUTES[path].encode("latin-1")
        return await respond(send, 405, {"error": f"{path} supports {ROUTES[path]} only"}, [(b"allow", allow)])
    await HANDLERS[path](scope, receive, send)
