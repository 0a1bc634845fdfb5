// The kiosk in a real browser: Debian's Chromium, driven by playwright-core, against a freshly started API with the
// demo data. The built app (dist/) is served from its own origin, which the API is told to allow; a hand-written page
// on a third origin, not allowed, must be refused by the browser. Walks the flow a kiosk operator would and checks what
// the page shows and what the API stored. Screenshots go to ci-artifacts/kiosk-web/ (KIOSK_ARTIFACTS to change it).
//   dotnet build src/StudioApi && (cd samples/kiosk-web && npm ci && npm run build && npm run test:browser)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const app = resolve(here, "..");
const root = resolve(app, "..", "..");
const apiDll = join(root, "src", "StudioApi", "bin", process.env.STUDIOAPI_CONFIGURATION ?? "Debug", "net10.0", "StudioApi.dll");
const artifacts = resolve(root, process.env.KIOSK_ARTIFACTS ?? join("ci-artifacts", "kiosk-web"));
const photosDir = join(root, "tests", "StudioApi.Tests", "TestData", "exif-orientation");
// Orientation 1 and 6 (stored turned, tagged to be shown upright), portrait and landscape.
const uploads = ["Portrait_1.jpg", "Landscape_1.jpg", "Portrait_6.jpg", "Landscape_6.jpg"];
const password = "kiosk-browser-test-password";
// The flags Chromium needs here: as root without a sandbox, and no background connections (the network is closed).
const chromiumFlags = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

let api, apiBase, appOrigin, foreignOrigin, browser, dataDirectory, adminToken, familySessionId;
let apiOutput = "";
const servers = [];

before(async () => {
  assert.ok(existsSync(apiDll), `${apiDll} is missing: run \`dotnet build src/StudioApi\` first.`);
  assert.ok(existsSync(join(app, "dist", "index.html")), "dist/ is missing: run `npm run build` first.");
  const [apiPort, appPort, foreignPort] = [await freePort(), await freePort(), await freePort()];
  apiBase = `http://127.0.0.1:${apiPort}`;
  appOrigin = `http://127.0.0.1:${appPort}`;
  foreignOrigin = `http://127.0.0.1:${foreignPort}`;

  dataDirectory = await mkdtemp(join(tmpdir(), "studioapi-kiosk-"));
  api = spawn("dotnet", [apiDll], {
    cwd: dataDirectory,
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: "Production",
      ASPNETCORE_URLS: apiBase,
      Storage__DataDirectory: dataDirectory,
      Admin__Password: password,
      Cors__AllowedOrigins__0: appOrigin,
      Logging__LogLevel__Default: "Warning",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  api.stdout.on("data", (chunk) => (apiOutput += chunk));
  api.stderr.on("data", (chunk) => (apiOutput += chunk));

  servers.push(await serve(appPort, join(app, "dist"), "index.html"));
  servers.push(await serve(foreignPort, here, "foreign-page.html"));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumFlags });
  await waitForApi();

  adminToken = (await apiCall("POST", "/api/v1/auth/token", { username: "admin", password }, false)).accessToken;
  const sessions = await apiCall("GET", "/api/v1/sessions?limit=50");
  familySessionId = sessions.items.find((s) => /family/i.test(s.description ?? "")).id;
  await mkdir(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  for (const server of servers)
    await new Promise((done) => server.close(done));
  if (api && api.exitCode === null) {
    const exited = new Promise((done) => api.once("exit", done));
    api.kill("SIGTERM");
    await exited;
  }
  if (dataDirectory)
    await rm(dataDirectory, { recursive: true, force: true });
});

/** A kiosk page, signed in and showing the family session of the demo data. */
async function kioskOnFamilySession() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(30_000);
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${appOrigin}/?api=${encodeURIComponent(apiBase)}`);
  await page.fill("#username", "admin");
  await page.fill("#password", password);
  await page.click("button[type=submit]");
  await page.click(`button.session[data-session-id="${familySessionId}"]`);
  await page.waitForSelector("#session:not([hidden])");
  return page;
}

const tile = (page, number) => page.locator(`.tile[data-number="${number}"]`);

async function photoOnApi(number) {
  const list = await apiCall("GET", `/api/v1/sessions/${familySessionId}/images?limit=200`);
  return list.items.find((i) => i.number === number);
}

let kiosk, secondKiosk;

test("a kiosk signs in on its own origin and lists the sessions, the family session among them", async () => {
  kiosk = await kioskOnFamilySession();

  assert.match(await kiosk.textContent("#who"), /Signed in as admin/);
  assert.match(await kiosk.textContent("#session-title"), /Family portraits/);
  // The RateLimit header is readable across origins: the kiosk shows what is left of its budget.
  assert.match(await kiosk.textContent("#budget"), /^\d+ requests left this minute$/);
});

test("photos uploaded from the browser through the SDK appear as thumbnails through signed links, without a token", async () => {
  await kiosk.setInputFiles("#upload", uploads.map((name) => join(photosDir, name)));

  await kiosk.waitForFunction((count) => {
    const images = [...document.querySelectorAll("#grid img.thumb")];
    return images.length === count && images.every((img) => img.complete && img.naturalWidth > 0);
  }, uploads.length, { timeout: 90_000 });
  const thumbs = await kiosk.$$eval("#grid img.thumb", (images) =>
    images.map((img) => ({ src: img.src, width: img.naturalWidth, height: img.naturalHeight })));

  assert.equal(thumbs.length, 4);
  for (const thumb of thumbs) {
    const url = new URL(thumb.src);
    assert.equal(url.origin, apiBase);
    assert.match(url.pathname, /^\/api\/v1\/image-files\/\d+\/thumbnail$/);
    assert.ok(url.searchParams.get("sig") && url.searchParams.get("expires"), thumb.src);
  }
  // Portraits (photos 1 and 3, one stored turned) come out taller than wide, landscapes wider than tall.
  assert.deepEqual(thumbs.map((t) => t.height > t.width), [true, false, true, false]);
  assert.match(await kiosk.textContent("#notice"), /4 imported/);
});

test("selecting and favouriting photos shows on the page and is stored", async () => {
  await tile(kiosk, 1).locator("button.select").click();
  await kiosk.waitForSelector('.tile[data-number="1"] button.select[aria-pressed="true"]');
  await tile(kiosk, 2).locator("button.favorite").click();
  await kiosk.waitForSelector('.tile[data-number="2"] button.favorite[aria-pressed="true"]');

  assert.match(await kiosk.textContent("#notice"), /Photo 2 marked as a favourite/);
  assert.equal((await photoOnApi(1)).proofState, "selected");
  assert.equal((await photoOnApi(2)).favorite, true);
  assert.equal((await photoOnApi(2)).proofState, "unmarked");
});

test("a photo opens as a preview and takes a 4:5 crop, drawn over the preview", async () => {
  await tile(kiosk, 1).locator("button.open-photo").click();
  await kiosk.waitForFunction(() => {
    const preview = document.getElementById("preview");
    return preview.complete && preview.naturalWidth > 320;
  });
  await kiosk.click("#crop-45");
  await kiosk.waitForSelector("#crop-box:not([hidden])");

  assert.match(await kiosk.textContent("#viewer-caption"), /cropped 4:5/);
  assert.match(await tile(kiosk, 1).textContent(), /crop 4:5/);
  const stored = await photoOnApi(1);
  assert.equal(stored.crop.aspectRatio, "4:5");
  // Photo 1 is a portrait: the crop's pixel shape is 4:5 within the API's 1%.
  const shape = (stored.crop.width * stored.width) / (stored.crop.height * stored.height);
  assert.ok(Math.abs(shape - 0.8) < 0.008, `crop shape ${shape}`);
  const box = await kiosk.locator("#crop-box").boundingBox();
  assert.ok(Math.abs(box.width / box.height - 0.8) < 0.02, `drawn crop ${box.width}x${box.height}`);
  await kiosk.screenshot({ path: join(artifacts, "preview-with-crop.png") });
});

test("an edit from a second kiosk that read the photo before it changed is refused (412) and resolved by reloading", async () => {
  secondKiosk = await kioskOnFamilySession();
  await secondKiosk.waitForSelector('.tile[data-number="3"] img.thumb');
  // The first kiosk favourites photo 3: the second one now holds an old version of it.
  await tile(kiosk, 3).locator("button.favorite").click();
  await kiosk.waitForSelector('.tile[data-number="3"] button.favorite[aria-pressed="true"]');

  await tile(secondKiosk, 3).locator("button.select").click();
  await secondKiosk.waitForSelector('#notice [data-kind="stale"]');
  assert.match(await secondKiosk.textContent("#notice"), /Photo 3 was changed at another station .* not saved/);
  assert.equal(await tile(secondKiosk, 3).locator("button.select").getAttribute("aria-pressed"), "false");
  assert.equal((await photoOnApi(3)).proofState, "unmarked", "the stale edit wrote nothing");
  await secondKiosk.screenshot({ path: join(artifacts, "stale-edit-refused.png") });

  await secondKiosk.click('#notice button:has-text("Reload photo 3")');
  await secondKiosk.waitForSelector('.tile[data-number="3"] button.favorite[aria-pressed="true"]');
  assert.match(await secondKiosk.textContent("#notice"), /Photo 3 reloaded/);
  await tile(secondKiosk, 3).locator("button.select").click();
  await secondKiosk.waitForSelector('.tile[data-number="3"] button.select[aria-pressed="true"]');

  const stored = await photoOnApi(3);
  assert.equal(stored.proofState, "selected");
  assert.equal(stored.favorite, true, "the other kiosk's favourite was kept");
  await secondKiosk.locator("#grid").screenshot({ path: join(artifacts, "image-grid.png") });
});

test("script on the allowed origin reads ETag, Location, Idempotent-Replayed and the rate-limit headers", async () => {
  const seen = await kiosk.evaluate(async ({ api, password }) => {
    const pick = (response, names) => Object.fromEntries([["status", response.status], ...names.map((n) => [n, response.headers.get(n)])]);
    const signIn = await fetch(`${api}/api/v1/auth/token`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username: "admin", password }),
    });
    const { accessToken } = await signIn.json();
    const create = () => fetch(`${api}/api/v1/organizations`, {
      method: "POST",
      headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json", "Idempotency-Key": "browser-header-check" },
      body: JSON.stringify({ name: "Browser Check Academy", code: "BROWSER" }),
    });
    const first = await create();
    const replay = await create();
    const read = await fetch(new URL(first.headers.get("Location"), api), { headers: { Authorization: `Bearer ${accessToken}` } });
    const names = ["ETag", "Location", "Idempotent-Replayed", "RateLimit", "RateLimit-Policy"];
    return { signIn: pick(signIn, names), first: pick(first, names), replay: pick(replay, names), read: pick(read, names) };
  }, { api: apiBase, password });

  assert.equal(seen.first.status, 201);
  assert.match(seen.first.ETag, /^"1"$/);
  assert.match(seen.first.Location, /\/api\/v1\/organizations\/\d+$/);
  assert.equal(seen.first["Idempotent-Replayed"], null);
  assert.equal(seen.replay.status, 201);
  assert.equal(seen.replay["Idempotent-Replayed"], "true");
  assert.equal(seen.replay.Location, seen.first.Location);
  assert.equal(seen.read.status, 200);
  assert.equal(seen.read.ETag, seen.first.ETag);
  assert.match(seen.read.RateLimit, /^"caller";r=\d+;t=\d+$/);
  assert.match(seen.signIn["RateLimit-Policy"], /"sign-in";q=\d+;w=60/);
});

test("a page on an origin the API does not allow is refused by the browser, except for the public signed links", async () => {
  const page = await browser.newPage();
  const console = [];
  page.on("console", (message) => console.push(message.text()));
  await page.goto(`${foreignOrigin}/`);
  const image = (await apiCall("GET", `/api/v1/sessions/${familySessionId}/images?limit=1`)).items[0];
  const link = new URL((await apiCall("POST", `/api/v1/images/${image.id}/links`, { rendition: "thumbnail" })).url, apiBase).href;

  const [withToken, simple, signed] = await page.evaluate((args) => window.probe(args), { api: apiBase, token: adminToken, link });

  assert.equal(withToken.readable, false, JSON.stringify(withToken));
  assert.match(withToken.error, /TypeError: Failed to fetch/);
  assert.equal(simple.readable, false, JSON.stringify(simple));
  assert.ok(console.some((line) => /blocked by CORS policy/.test(line)), console.join("\n"));
  assert.deepEqual({ readable: signed.readable, status: signed.status, type: signed.type }, { readable: true, status: 200, type: "image/jpeg" });
  assert.ok(signed.bytes > 1000);
  assert.match(await page.textContent("#results"), /Failed to fetch/);
});

/** Calls the API from node as the admin (to arrange and to check what was stored, independently of the page). */
async function apiCall(method, path, body, signedIn = true) {
  const response = await fetch(`${apiBase}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(signedIn ? { Authorization: `Bearer ${adminToken}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
  return response.json();
}

async function waitForApi() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null)
      throw new Error(`The API exited with code ${api.exitCode}:\n${apiOutput}`);
    try {
      if ((await fetch(`${apiBase}/health/ready`)).ok)
        return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The API was not ready within 60 s:\n${apiOutput}`);
}

const contentTypes = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };

/** A static file server for one folder on 127.0.0.1 (unknown paths get the fallback page, as a single-page app wants). */
function serve(port, folder, fallback) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(folder, path === "/" ? fallback : path);
    const found = file.startsWith(folder) && existsSync(file) ? file : join(folder, fallback);
    try {
      const body = await readFile(found);
      response.writeHead(200, { "Content-Type": contentTypes[extname(found)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createNetServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}
