// The shop API the workers run. Read-only: you tune gunicorn.conf.py, not the app.
// What each endpoint costs (CPU time, waiting time, leaked memory) is declared in machine.json;
// the arbiter spends those costs around each handler, so these handlers only shape the answers.
// Every answer names the worker that served it in X-Worker-Pid, as in the arbiter's log.

const json = (value) => ({
  status: 200,
  headers: { 'content-type': 'application/json', 'x-worker-pid': String(process.pid) },
  body: `${JSON.stringify(value)}\n`,
});

const text = (body) => ({ status: 200, headers: { 'content-type': 'text/plain', 'x-worker-pid': String(process.pid) }, body });

export const app = {
  // What there is to ask for.
  'GET /': () => text('GET /orders, GET /report, GET /export, GET /health, GET /hang\n'),
  // A health check for load balancers: costs next to nothing.
  'GET /health': () => text('ok\n'),
  // The busy endpoint: a short bit of Python, then a 500 ms database query (waiting, not computing).
  'GET /orders': () => json([{ id: 1041, status: 'shipped' }, { id: 1042, status: 'packed' }]),
  // Sales totals computed in Python: 150 ms of CPU, no waiting.
  'GET /report': () => json({ orders: 1042, revenue: 48210.5 }),
  // A CSV export whose library keeps each file's buffer in a module-level cache: every call
  // leaks half a megabyte in the worker that served it, until that worker exits.
  'GET /export': () => text('id,status\n1041,shipped\n1042,packed\n'),
  // Waits on a third-party API that never answers and has no client timeout.
  'GET /hang': () => text('this answer never comes\n'),
};
