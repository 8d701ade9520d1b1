// Python module `course_app_loader`: finds the learner's application object from an app
// string, with the rules and messages of the real servers, so a typo reads here as it would
// under Gunicorn or Uvicorn.
//   Gunicorn 20.1: gunicorn/util.py import_app() ("module", "module:name", "module:factory(args)").
//   Uvicorn 0.17.6: uvicorn/importer.py import_from_string() and config.py load() (--factory).
export const appLoaderModule = String.raw`
import ast, importlib, inspect, os, sys, traceback


class AppLoadError(Exception):
    """The app string names nothing usable; the message is the one the real server prints."""


def _import(module_name):
    try:
        return importlib.import_module(module_name)
    except ImportError:
        if module_name.endswith(".py") and os.path.exists(module_name):
            raise ImportError("Failed to find application, did you mean '%s:...'?" % module_name[:-3])
        raise


def load_wsgi(spec):
    """('ok', app) | ('boot', traceback text): exit 3 | ('load', message): exit 4, as Gunicorn."""
    module_name, sep, obj = spec.partition(":")
    if not sep:
        obj = "application"
    try:
        module = _import(module_name)
    except BaseException:
        return ("boot", traceback.format_exc())
    try:
        return ("ok", _wsgi_object(module, module_name, obj))
    except AppLoadError as error:
        return ("load", str(error))
    except BaseException:
        return ("boot", traceback.format_exc())


def reload_wsgi(spec, folder):
    """load_wsgi() for a restarted worker: like Gunicorn's new process, it imports the app's
    modules afresh, so their globals start over; the standard library stays loaded."""
    prefix = os.path.join(folder, "")
    for name, module in list(sys.modules.items()):
        if (getattr(module, "__file__", None) or "").startswith(prefix):
            del sys.modules[name]
    importlib.invalidate_caches()
    return load_wsgi(spec)


def _wsgi_object(module, module_name, obj):
    try:
        expression = ast.parse(obj, mode="eval").body
    except SyntaxError:
        raise AppLoadError("Failed to parse %r as an attribute name or function call." % obj)
    args = kwargs = None
    if isinstance(expression, ast.Name):
        name = expression.id
    elif isinstance(expression, ast.Call):
        if not isinstance(expression.func, ast.Name):
            raise AppLoadError("Function reference must be a simple name: %r" % obj)
        name = expression.func.id
        try:
            args = [ast.literal_eval(arg) for arg in expression.args]
            kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in expression.keywords}
        except ValueError:
            raise AppLoadError("Failed to parse arguments as literal values: %r" % obj)
    else:
        raise AppLoadError("Failed to parse %r as an attribute name or function call." % obj)
    try:
        app = getattr(module, name)
    except AttributeError:
        raise AppLoadError("Failed to find attribute %r in %r." % (name, module_name))
    if args is not None:
        try:
            inspect.signature(app).bind(*args, **kwargs)
        except TypeError as error:
            raise AppLoadError("TypeError: %s" % error)
        app = app(*args, **kwargs)
    if app is None:
        raise AppLoadError("Failed to find application object: %r" % obj)
    if not callable(app):
        raise AppLoadError("Application object must be callable.")
    return app


def load_asgi(spec, factory):
    """('ok', app) | ('error', message) | ('crash', traceback text); both failures exit 1."""
    module_name, _, attrs = spec.partition(":")
    if not module_name or not attrs:
        return ("error", 'Error loading ASGI app. Import string "%s" must be in format "<module>:<attribute>".' % spec)
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        if error.name != module_name:
            return ("crash", traceback.format_exc())
        return ("error", 'Error loading ASGI app. Could not import module "%s".' % module_name)
    except BaseException:
        return ("crash", traceback.format_exc())
    app = module
    try:
        for attr in attrs.split("."):
            app = getattr(app, attr)
    except AttributeError:
        return ("error", 'Error loading ASGI app. Attribute "%s" not found in module "%s".' % (attrs, module_name))
    if factory:
        try:
            app = app()
        except TypeError as error:
            return ("error", "Error loading ASGI app factory: %s" % error)
        except BaseException:
            return ("crash", traceback.format_exc())
    if not callable(app):
        return ("error", "Error loading ASGI app. %r is not callable: an ASGI application is an async callable taking (scope, receive, send)." % attrs)
    return ("ok", app)
`;
