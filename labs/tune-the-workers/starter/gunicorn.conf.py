# Gunicorn settings for the shop API (app.mjs) on the box described in machine.json.
# Every value below is Gunicorn's default. Tune them so the checks pass; the lab's
# instructions give the load, the latency objective and the memory budget.
# Settings: https://docs.gunicorn.org/en/stable/settings.html
import multiprocessing

workers = 1
threads = 1
timeout = 30
max_requests = 0
max_requests_jitter = 0
