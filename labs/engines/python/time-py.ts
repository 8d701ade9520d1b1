// Python module `course_time`: time.sleep() as in CPython, blocking the thread (see
// python-clock.ts), and the worker abort Gunicorn's arbiter causes with SIGABRT when a request
// outlives --timeout (gunicorn/workers/base.py handle_abort: the worker exits at once).
// `course_clock` is the engine's PythonClock, registered as a JavaScript module.
export const timeModule = String.raw`
import functools, math, signal, time
import course_clock

try:
    from pyodide.webloop import _orig_sleep as _builtin_sleep
except ImportError:
    _builtin_sleep = time.sleep


class WorkerAbort(BaseException):
    """Raised wherever Python stands when the worker's deadline passes; apps must not catch it."""


@functools.wraps(_builtin_sleep)
def sleep(secs):
    if type(secs) in (int, float) and 0 <= secs < 1e9 and math.isfinite(secs):
        course_clock.sleep(secs * 1000)
    else:
        # CPython's own argument errors: negative, NaN, too large, not a number.
        _builtin_sleep(secs)


def _abort(signum, frame):
    raise WorkerAbort("WORKER TIMEOUT")


def install():
    time.sleep = sleep


def handle_abort():
    signal.signal(signal.SIGABRT, _abort)
`;
