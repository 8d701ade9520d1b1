"""Part 2: the same greeting service as an ASGI application (ASGI 3.0), no framework.

`node launch.mjs` serves this file with `course-asgi asgi_app:app` on PORT + 1 (8001); under
Uvicorn it would be `uvicorn asgi_app:app`. On top of part 1's routes it needs:

    GET /health            200 {"status": "ready"} once the lifespan startup hook has run,
                           503 {"status": "starting"} before
    GET /countdown?from=5  200 text/plain, streamed: "5\n" ... "1\n" "liftoff\n",
                           one line every 0.2 s, without blocking other requests
"""


async def app(scope, receive, send):
    if scope["type"] != "http":
        # Lifespan events arrive here too (scope["type"] == "lifespan"); this starter ignores them.
        return
    body = f"Hello! You asked for {scope['method']} {scope['path']}\n".encode("utf-8")
    await send({
        "type": "http.response.start",
        "status": 200,
        "headers": [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode("latin-1")),
        ],
    })
    await send({"type": "http.response.body", "body": body})
