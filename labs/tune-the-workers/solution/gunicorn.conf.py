# Gunicorn settings for the shop API (app.mjs) on the box described in machine.json.
# Settings: https://docs.gunicorn.org/en/stable/settings.html
import multiprocessing

# Sync workers serve one request each. /orders spends 500 ms waiting on the database, so
# 8 clients keep about 8 requests in flight (Little's law): 8 workers. Each costs 184 MiB
# plus 8 MiB for its thread, so 48 + 8 x 192 = 1584 MiB of the box's 2048 MiB, which leaves
# room for the leak below.
workers = 8

# threads > 1 would switch to the gthread worker, whose heartbeat comes from its main loop:
# timeout would then never cut off a hung request. Stay with sync workers.
threads = 1

# No legitimate request takes a second even under load; a hung one is killed after 5 s.
timeout = 5

# /export leaks 1 MiB per call: recycling a worker after 24 to 36 requests caps its leak at
# 36 MiB, so 8 workers stay below 1584 + 8 x 36 = 1872 MiB. The jitter spreads the restarts.
max_requests = 24
max_requests_jitter = 12
