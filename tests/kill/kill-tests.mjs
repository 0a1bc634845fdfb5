#!/usr/bin/env node
// Kill tests: the real API (the built dll) is killed with SIGKILL at a random moment during each long operation,
// started again on the same data folder, left to finish its background work, and then checked: the storage reconciler
// finds no record without its file and nothing but the spare files of the write that was cut off, no bulk change is
// half done (all or nothing), numbers are unique, and the interrupted work is taken up again (a retried upload runs at
// once under its Idempotency-Key, a render run and a render job's dispatch finish, each session rendered once).
//
//   node tests/kill/kill-tests.mjs [path/to/StudioApi.dll]
//
// KILL_ROUNDS (default 3) kills per operation; KILL_SEED makes the kill moments repeatable. No packages: Node 20's
// fetch, FormData and child_process. The data folder is removed unless a check fails (its path is printed then).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const dll = resolve(process.argv[2] ?? join(root, 'src/StudioApi/bin/Debug/net10.0/StudioApi.dll'));
const rounds = Number(process.env.KILL_ROUNDS ?? 3);
const password = 'kill-test-password';
const data = mkdtempSync(join(tmpdir(), 'studioapi-kill-'));
const photos = readdirSync(join(root, 'tests/StudioApi.Tests/TestData/exif-orientation'))
  .filter((f) => f.endsWith('.jpg')).sort()
  .map((f) => readFileSync(join(root, 'tests/StudioApi.Tests/TestData/exif-orientation', f)));

// A small seeded generator, so a failing run can be repeated with its seed.
let seed = Number(process.env.KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const initialSeed = seed;
function random() {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}

const results = [];
let failures = 0;
const started = Date.now();
const log = (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);

// ---------------------------------------------------------------------------------------------------------------
// The server: started on a free port with its own data folder, killed with SIGKILL, started again.

let server;
let base;
let token;
let starts = 0;

async function freePort() {
  return new Promise((ok, fail) => {
    const probe = net.createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

async function startServer() {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  starts++;
  const output = createWriteStream(join(data, `api-${starts}.log`));
  server = spawn('dotnet', [dll], {
    env: {
      ...process.env,
      ASPNETCORE_URLS: base,
      Storage__DataDirectory: data,
      Admin__Password: password,
      Seed__DemoData: 'false',
      // Judge orphans and abandoned temporary files at once: the checks run after the work has settled.
      Storage__Reconciliation__GraceSeconds: '1',
      Storage__Reconciliation__TemporaryGraceSeconds: '1',
      Storage__Reconciliation__IntervalHours: '0',
      Background__Renditions__PollSeconds: '0.5',
      Background__RenderRuns__PollSeconds: '0.5',
      Background__RenderJobs__PollSeconds: '0.5',
      Background__StorageReconciliations__PollSeconds: '0.5',
      RateLimits__RequestsPerMinute: '1000000',
      RateLimits__SignInPerMinute: '100000',
      Logging__LogLevel__Default: 'Warning',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(output);
  server.stderr.pipe(output);
  const exited = new Promise((ok) => server.once('exit', ok));
  server.exited = exited;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) break;
    } catch { /* not listening yet */ }
    if (server.exitCode !== null) throw new Error(`the API exited at start (see ${join(data, `api-${starts}.log`)})`);
    await sleep(250);
  }
  const signIn = await call('POST', '/api/v1/auth/token', { username: 'admin', password }, { anonymous: true });
  token = signIn.json.accessToken;
}

async function killServer() {
  server.kill('SIGKILL');
  await server.exited;
}

async function stopServer() {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await Promise.race([server.exited, sleep(15000)]);
    if (server.exitCode === null) await killServer();
  }
}

process.on('exit', () => server?.exitCode === null && server.kill('SIGKILL'));

// ---------------------------------------------------------------------------------------------------------------
// Calls.

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function call(method, path, body, { anonymous = false, headers = {}, raw = false, expect } = {}) {
  const init = { method, headers: { ...headers } };
  if (!anonymous) init.headers.Authorization = `Bearer ${token}`;
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${base}${path}`, init);
  const buffer = Buffer.from(await response.arrayBuffer());
  const text = raw ? '' : buffer.toString('utf8');
  const result = { status: response.status, headers: response.headers, buffer, json: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined };
  const wanted = expect ?? [200, 201, 202, 204];
  if (!wanted.includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 400)}`);
  return result;
}

/** Every item of a paged list. */
async function all(path) {
  const items = [];
  let cursor;
  do {
    const page = await call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.json.items);
    cursor = page.json.nextCursor;
  } while (cursor);
  return items;
}

/** Runs a request and kills the server after `delay` ms, whatever the request has got to; answers the response if it came first. */
async function killDuring(request, delay) {
  const pending = request().then((r) => ({ answered: r }), (e) => ({ failed: e }));
  const outcome = await Promise.race([pending, sleep(delay).then(() => null)]);
  await killServer();
  await pending;
  return outcome?.answered ? 'answered before the kill' : outcome?.failed ? `failed before the kill: ${outcome.failed.message}` : 'cut off';
}

/** Waits until no background work is queued, running or waiting to retry. */
async function settle(what) {
  const deadline = Date.now() + 120000;
  for (;;) {
    const kinds = (await call('GET', '/api/v1/background-work')).json.items;
    const busy = kinds.filter((k) => k.queued + k.running + k.retrying > 0);
    if (busy.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${what}: background work did not settle: ${busy.map((k) => `${k.kind} ${k.queued}/${k.running}/${k.retrying}`).join(', ')}`);
    await sleep(200);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Photos: the test photos made unique (and large) by comment segments of random bytes after the JPEG's start.

function largeUniqueJpeg(index, megabytes) {
  const photo = photos[index % photos.length];
  const segments = [];
  let left = megabytes * 1024 * 1024;
  while (left > 0) {
    const size = Math.min(65533, left);
    const segment = Buffer.alloc(size + 4);
    segment[0] = 0xff;
    segment[1] = 0xfe; // COM
    segment.writeUInt16BE(size + 2, 2);
    for (let i = 4; i < segment.length; i += 4) segment.writeUInt32LE(Math.floor(random() * 2 ** 32), Math.min(i, segment.length - 4));
    segments.push(segment);
    left -= size;
  }
  return Buffer.concat([photo.subarray(0, 2), ...segments, photo.subarray(2)]);
}

function form(files) {
  const body = new FormData();
  files.forEach((bytes, i) => body.append('files', new Blob([bytes], { type: 'image/jpeg' }), `photo-${i}.jpg`));
  return body;
}

// ---------------------------------------------------------------------------------------------------------------
// Invariants after every restart.

let sessionType;
let dayIndex = 0;
const nextDay = () => {
  const day = new Date(Date.UTC(2031, 5, 2 + dayIndex++));
  return day.toISOString().slice(0, 10);
};

async function newSession(label) {
  const client = (await call('POST', '/api/v1/clients', { firstName: 'Kill', lastName: label })).json.id;
  return (await call('POST', '/api/v1/sessions', { clientId: client, date: nextDay(), startTime: '09:00', endTime: '10:00', description: label })).json.id;
}

/**
 * The reconciler's report once the work has settled: no record may be without its file; files without a record may
 * only be the spares of the write that was cut off (their keys must match `spares`), moved to quarantine.
 */
async function reconcile(what, spares) {
  const asked = await call('POST', '/api/v1/storage/reconciliations');
  let report = asked.json;
  while (report.state === 'queued' || report.state === 'running') {
    await sleep(100);
    report = (await call('GET', `/api/v1/storage/reconciliations/${report.id}`)).json;
  }
  if (report.state !== 'completed') throw new Error(`${what}: the reconciliation ${report.state}: ${report.error}`);
  if (report.missingFiles > 0)
    throw new Error(`${what}: ${report.missingFiles} record(s) without their file: ${report.findings.filter((f) => f.kind === 'missingFile').map((f) => `${f.recordKind} ${f.recordId} ${f.key}`).join(', ')}`);
  const stray = report.findings.filter((f) => f.kind === 'orphanFile' && !spares.test(f.key));
  if (stray.length > 0) throw new Error(`${what}: files without a record that no cut-off write explains: ${stray.map((f) => f.key).join(', ')}`);
  return `reconciler: ${report.filesChecked} files, ${report.orphanFiles} spare(s) and ${report.abandonedTemporaryFiles} abandoned temporary file(s) quarantined, none missing`;
}

async function numbersUnique(what) {
  for (const [name, path] of [['client', '/api/v1/clients'], ['session', '/api/v1/sessions']]) {
    const numbers = (await all(`${path}?deleted=false`)).map((r) => r.number);
    if (new Set(numbers).size !== numbers.length) throw new Error(`${what}: a ${name} number is given twice`);
  }
}

async function imageNumbersUnique(what, sessionId) {
  const numbers = (await all(`/api/v1/sessions/${sessionId}/images`)).map((i) => i.number);
  if (new Set(numbers).size !== numbers.length) throw new Error(`${what}: an image number is given twice in session ${sessionId}`);
}

// ---------------------------------------------------------------------------------------------------------------
// The long operations. Each is run once without a kill to measure it, then `rounds` times killed at a random moment.

async function scenario(name, measure, round) {
  // Twice: the first run warms the server up (JIT, caches), the second is what a kill has to meet.
  await measure();
  const took = await measure();
  log(`${name}: takes ${took} ms uninterrupted`);
  for (let r = 1; r <= rounds; r++) {
    const label = `${name}, kill ${r}`;
    try {
      const delay = Math.max(5, Math.floor(random() * took));
      const detail = await round(label, delay);
      results.push({ name: label, ok: true, detail: `killed at ${delay} ms: ${detail}` });
      log(`ok   ${label}: killed at ${delay} ms: ${detail}`);
    } catch (e) {
      failures++;
      results.push({ name: label, ok: false, detail: e.message });
      log(`FAIL ${label}: ${e.message}`);
      if (server.exitCode !== null) await startServer();
    }
  }
  // Numbers are checked over every client and session once the operation's kills are done (each check lists them all).
  try {
    await numbersUnique(name);
  } catch (e) {
    failures++;
    results.push({ name: `${name}: numbers`, ok: false, detail: e.message });
    log(`FAIL ${name}: ${e.message}`);
  }
}

async function timed(work) {
  const t = Date.now();
  await work();
  return Date.now() - t;
}

const upload = {
  files: 4,
  megabytes: 2,
  async measure() {
    const session = await newSession('upload');
    const files = Array.from({ length: this.files }, (_, i) => largeUniqueJpeg(i, this.megabytes));
    return timed(() => call('POST', `/api/v1/sessions/${session}/images`, form(files)));
  },
  async round(what, delay) {
    const session = await newSession('upload');
    const files = Array.from({ length: this.files }, (_, i) => largeUniqueJpeg(i, this.megabytes));
    const key = `kill-upload-${session}`;
    const cut = await killDuring(() => call('POST', `/api/v1/sessions/${session}/images`, form(files), { headers: { 'Idempotency-Key': key } }), delay);
    await startServer();
    // The same upload again, as a client would after losing its answer: the restarted server let go of the key at once.
    const retry = await call('POST', `/api/v1/sessions/${session}/images`, form(files), { headers: { 'Idempotency-Key': key }, expect: [200, 409] });
    if (retry.status === 409) throw new Error(`the retry under the same Idempotency-Key was told to wait (Retry-After ${retry.headers.get('retry-after')}) after a restart`);
    const outcomes = retry.json.files.map((f) => f.outcome);
    if (outcomes.some((o) => o === 'rejected')) throw new Error(`the retry refused a file: ${JSON.stringify(retry.json.files.find((f) => f.outcome === 'rejected'))}`);
    await settle(what);
    const images = await all(`/api/v1/sessions/${session}/images`);
    if (images.length !== this.files) throw new Error(`the session has ${images.length} images, not ${this.files}`);
    if (images.some((i) => i.renditionState !== 'ready')) throw new Error('an image has no renditions after the restart');
    await imageNumbersUnique(what, session);
    const report = await reconcile(what, new RegExp(`^sessions/${session}/`));
    return `${cut}; retry: ${outcomes.filter((o) => o === 'imported').length} imported, ${outcomes.filter((o) => o === 'duplicate').length} already there; ${report}`;
  },
};

const render = {
  session: 0,
  profile: 0,
  async setUp() {
    this.session = await newSession('render');
    await call('POST', `/api/v1/sessions/${this.session}/images`, form(photos.slice(0, 10)));
    this.profile = (await call('POST', '/api/v1/render-profiles', {
      name: 'Kill test prints', size: { mode: 'longEdge', longEdgePx: 1600 }, format: 'jpeg', quality: 92,
      fileNamePattern: '{sessionNumber}-{imageNumber}', images: 'all',
    })).json.id;
    await settle('render set-up');
  },
  async measure() {
    if (!this.profile) await this.setUp();
    return timed(async () => {
      const run = (await call('POST', '/api/v1/render-runs', { profileId: this.profile, sessionIds: [this.session] })).json;
      await this.finished(run.id);
    });
  },
  async finished(id) {
    for (;;) {
      const run = (await call('GET', `/api/v1/render-runs/${id}`)).json;
      if (!['queued', 'running'].includes(run.state)) return run;
      await sleep(50);
    }
  },
  async round(what, delay) {
    let id;
    const before = (await all('/api/v1/render-runs')).map((r) => r.id);
    const cut = await killDuring(async () => {
      id = (await call('POST', '/api/v1/render-runs', { profileId: this.profile, sessionIds: [this.session] })).json.id;
      await this.finished(id);
    }, delay);
    await startServer();
    // Killed before the run was answered: it was created (and must end well) or not at all.
    id ??= (await all('/api/v1/render-runs')).map((r) => r.id).find((r) => !before.includes(r));
    await settle(what);
    if (id === undefined) return `${cut}; the run was never created; ${await reconcile(what, /^render-runs\//)}`;
    const run = await this.finished(id);
    if (run.state !== 'completed' || run.done !== run.total) throw new Error(`run ${id} ended ${run.state} with ${run.done} of ${run.total} rendered: ${run.error}`);
    const zip = await call('GET', `/api/v1/render-runs/${id}/zip`, undefined, { raw: true });
    if (zip.buffer.length !== run.output.zipBytes) throw new Error(`run ${id}'s zip is ${zip.buffer.length} bytes, its record says ${run.output.zipBytes}`);
    const manifest = (await call('GET', `/api/v1/render-runs/${id}/manifest`)).json;
    if (manifest.files.length !== run.total) throw new Error(`run ${id}'s manifest lists ${manifest.files.length} of ${run.total} files`);
    const report = await reconcile(what, /^render-runs\//);
    return `${cut}; run ${id} completed after the restart (${run.total} images, zip ${run.output.zipBytes} bytes); ${report}`;
  },
};

const picture = {
  clients: [],
  days: [],
  size: 1000,
  async setUp() {
    // The school's students, one after another (numbering makes parallel creation slower, not faster).
    for (let i = 0; i < this.size; i++)
      this.clients.push((await call('POST', '/api/v1/clients', { firstName: 'Student', lastName: `Picture ${i}` })).json.id);
  },
  schedule(day) {
    return call('POST', '/api/v1/sessions/bulk', { date: day, startTime: '01:00', slotMinutes: 1, gapMinutes: 0, sessionTypeId: sessionType, clientIds: this.clients });
  },
  async measure() {
    if (this.clients.length === 0) await this.setUp();
    const day = nextDay();
    const took = await timed(() => this.schedule(day));
    this.days.push(day);
    return took;
  },
  async round(what, delay) {
    const day = nextDay();
    const cut = await killDuring(() => this.schedule(day), delay);
    await startServer();
    await settle(what);
    const booked = (await all(`/api/v1/sessions?dateFrom=${day}&dateTo=${day}`)).length;
    if (booked !== 0 && booked !== this.size) throw new Error(`the picture day has ${booked} of ${this.size} sessions: a half-done bulk booking`);
    const report = await reconcile(what, /^$/);
    return `${cut}; the day has ${booked === 0 ? 'none' : 'all'} of its ${this.size} sessions; ${report}`;
  },
};

const statuses = {
  ids: [],
  targets: [],
  async measure() {
    if (this.ids.length === 0) {
      // The sessions of the picture days booked uninterrupted (well over a thousand), moved between two statuses.
      for (const day of picture.days) this.ids.push(...(await all(`/api/v1/sessions?dateFrom=${day}&dateTo=${day}`)).map((s) => s.id));
      const list = (await call('GET', '/api/v1/workflow/statuses?kind=session')).json.items.filter((s) => !s.isInactive && !s.isFinal);
      this.targets = [list[1].id, list[2].id];
    }
    const took = await timed(() => call('POST', '/api/v1/sessions/status-changes', { ids: this.ids, statusId: this.targets[1] }));
    this.targets.reverse(); // they are at targets[0] now
    return took;
  },
  async count(statusId) {
    let n = 0;
    for (const day of picture.days) n += (await all(`/api/v1/sessions?statusId=${statusId}&dateFrom=${day}&dateTo=${day}`)).length;
    return n;
  },
  async round(what, delay) {
    const from = this.targets[0];
    const to = this.targets[1];
    const cut = await killDuring(() => call('POST', '/api/v1/sessions/status-changes', { ids: this.ids, statusId: to, note: what }), delay);
    await startServer();
    await settle(what);
    const moved = await this.count(to);
    const stayed = await this.count(from);
    if (!((moved === this.ids.length && stayed === 0) || (moved === 0 && stayed === this.ids.length)))
      throw new Error(`${moved} sessions moved and ${stayed} stayed of ${this.ids.length}: a half-done bulk change`);
    if (moved > 0) this.targets.reverse(); // the next round moves them back
    const report = await reconcile(what, /^$/);
    return `${cut}; ${moved > 0 ? 'all' : 'none'} of ${this.ids.length} sessions moved; ${report}`;
  },
};

const dispatch = {
  size: 80,
  async setUp() {
    const status = async (name) => (await call('POST', '/api/v1/workflow/statuses', { kind: 'session', description: name, durationBusinessDays: 1 })).json.id;
    this.trigger = await status('Kill: render proofs');
    this.success = await status('Kill: proofs ready');
    this.failure = await status('Kill: render failed');
    const profile = (await call('POST', '/api/v1/render-profiles', {
      name: 'Kill test proofs', size: { mode: 'longEdge', longEdgePx: 300 }, format: 'jpeg', quality: 80, fileNamePattern: '{sessionNumber}-{imageNumber}', images: 'all',
    })).json.id;
    this.job = (await call('POST', '/api/v1/render-jobs', {
      name: 'Kill test proofs', profileId: profile, triggerStatusId: this.trigger, successStatusId: this.success, failureStatusId: this.failure, active: true,
    })).json.id;
    this.clients = picture.clients.slice(0, this.size);
  },
  /** A picture day of sessions without images (their runs fail at once, moving them to the failure status), moved to the trigger. */
  async moveToTrigger(day) {
    const sessions = (await call('POST', '/api/v1/sessions/bulk', { date: day, startTime: '08:00', slotMinutes: 5, gapMinutes: 0, sessionTypeId: sessionType, clientIds: this.clients })).json.sessions.map((s) => s.id);
    await call('POST', '/api/v1/sessions/status-changes', { ids: sessions, statusId: this.trigger });
    return sessions;
  },
  async done(sessions) {
    for (;;) {
      const runs = await all(`/api/v1/render-runs?renderJobId=${this.job}`);
      const ours = runs.filter((r) => sessions.includes(r.sessions[0].id));
      if (ours.length >= sessions.length && ours.every((r) => !['queued', 'running'].includes(r.state))) return ours;
      await sleep(100);
    }
  },
  async measure() {
    if (!this.job) await this.setUp();
    const day = nextDay();
    return timed(async () => this.done(await this.moveToTrigger(day)));
  },
  async round(what, delay) {
    const day = nextDay();
    let sessions;
    const cut = await killDuring(async () => {
      sessions = await this.moveToTrigger(day);
      await this.done(sessions);
    }, delay);
    await startServer();
    await settle(what);
    if (sessions === undefined) sessions = (await all(`/api/v1/sessions?dateFrom=${day}&dateTo=${day}`)).map((s) => s.id);
    const atTrigger = sessions.length > 0 ? (await all(`/api/v1/sessions?dateFrom=${day}&dateTo=${day}&statusId=${this.trigger}`)).length : 0;
    const runs = (await all(`/api/v1/render-runs?renderJobId=${this.job}`)).filter((r) => sessions.includes(r.sessions[0].id));
    const perSession = new Map();
    for (const run of runs) perSession.set(run.sessions[0].id, (perSession.get(run.sessions[0].id) ?? 0) + 1);
    const twice = [...perSession].filter(([, n]) => n > 1);
    if (twice.length > 0) throw new Error(`sessions rendered twice by the job: ${twice.map(([id, n]) => `${id} (${n})`).join(', ')}`);
    const failed = (await all(`/api/v1/sessions?dateFrom=${day}&dateTo=${day}&statusId=${this.failure}`)).length;
    // Every session that reached the trigger got its one run and was moved on; none is left waiting at the trigger.
    if (atTrigger > 0 || perSession.size !== failed) throw new Error(`${atTrigger} session(s) still at the trigger, ${perSession.size} rendered, ${failed} moved on`);
    const report = await reconcile(what, /^render-runs\//);
    return `${cut}; ${perSession.size} of ${sessions.length} sessions reached the trigger, each rendered once and moved on; ${report}`;
  },
};

// ---------------------------------------------------------------------------------------------------------------

try {
  log(`API ${dll}, data ${data}, ${rounds} kill(s) per operation, seed ${initialSeed}`);
  await startServer();
  sessionType = (await call('GET', '/api/v1/session-types')).json.items[0].id;
  await scenario('upload of large images', () => upload.measure(), (what, delay) => upload.round(what, delay));
  await scenario('render run and its zip', () => render.measure(), (what, delay) => render.round(what, delay));
  await scenario('bulk scheduling of a picture day', () => picture.measure(), (what, delay) => picture.round(what, delay));
  await scenario('bulk status change', () => statuses.measure(), (what, delay) => statuses.round(what, delay));
  await scenario('render-job dispatch', () => dispatch.measure(), (what, delay) => dispatch.round(what, delay));
} catch (e) {
  failures++;
  results.push({ name: 'kill tests', ok: false, detail: e.stack ?? e.message });
  log(`FAIL ${e.stack ?? e.message}`);
} finally {
  await stopServer();
}

// A TAP-style tally, which CI's closing line counts with the other node tests.
const passed = results.filter((r) => r.ok).length;
console.log(`# kill tests: ${results.length} kill(s) in ${((Date.now() - started) / 1000).toFixed(0)} s, ${starts} start(s) of the API, seed ${initialSeed}`);
console.log(`# pass ${passed}`);
console.log(`# fail ${failures}`);
if (failures > 0) {
  console.log(`# the data folder and the API's logs are kept in ${data}`);
  process.exit(1);
}
rmSync(data, { recursive: true, force: true });
