// Python module `course_asgi_lifespan`: the ASGI lifespan protocol
// (https://asgi.readthedocs.io/en/latest/specs/lifespan.html) as Uvicorn 0.17.6 runs it
// (uvicorn/lifespan/on.py): startup before listening, shutdown after the last request, and
// in --lifespan auto an application that raises instead of answering is served anyway.
export const asgiLifespanModule = String.raw`
import asyncio, traceback
from pyodide.ffi import to_js

TRANSITION = "Got invalid state transition on lifespan protocol."


class Lifespan:
    def __init__(self, app, mode):
        self.app = app
        self.mode = mode
        self.messages = asyncio.Queue()
        self.started = asyncio.Event()
        self.stopped = asyncio.Event()
        self.error_occurred = False
        self.startup_failed = False
        self.shutdown_failed = False
        self.logs = []
        self.task = None

    async def main(self):
        try:
            scope = {"type": "lifespan", "asgi": {"version": "3.0", "spec_version": "2.0"}}
            await self.app(scope, self.receive, self.send)
        except BaseException:
            self.error_occurred = True
            if self.startup_failed or self.shutdown_failed:
                return
            if self.mode == "auto":
                self.logs.append(["info", "ASGI 'lifespan' protocol appears unsupported."])
            else:
                self.logs.append(["error", "Exception in 'lifespan' protocol\n" + traceback.format_exc()])
        finally:
            self.started.set()
            self.stopped.set()

    async def receive(self):
        return await self.messages.get()

    async def send(self, message):
        kind = message["type"]
        assert kind in ("lifespan.startup.complete", "lifespan.startup.failed", "lifespan.shutdown.complete", "lifespan.shutdown.failed"), "unknown lifespan message type %r" % kind
        if kind.startswith("lifespan.startup"):
            assert not self.started.is_set(), TRANSITION
            assert not self.stopped.is_set(), TRANSITION
            self.started.set()
            self.startup_failed = kind.endswith("failed")
        else:
            assert self.started.is_set(), TRANSITION
            assert not self.stopped.is_set(), TRANSITION
            self.stopped.set()
            self.shutdown_failed = kind.endswith("failed")
        if kind.endswith("failed") and message.get("message"):
            self.logs.append(["error", message["message"]])

    def _report(self, failed):
        logs, self.logs = self.logs, []
        return to_js([failed, logs])

    async def startup(self):
        """[failed, [[level, text], ...]]"""
        self.task = asyncio.ensure_future(self.main())
        await self.messages.put({"type": "lifespan.startup"})
        await self.started.wait()
        return self._report(self.startup_failed or (self.error_occurred and self.mode == "on"))

    async def shutdown(self):
        """[failed, logs], or None when the application does not speak lifespan."""
        if self.error_occurred:
            return None
        await self.messages.put({"type": "lifespan.shutdown"})
        await self.stopped.wait()
        return self._report(self.shutdown_failed or (self.error_occurred and self.mode == "on"))
`;
