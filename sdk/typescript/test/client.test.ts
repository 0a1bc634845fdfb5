// The generated TypeScript client against the real API: this test starts the API (the built StudioApi.dll) on a
// free loopback port with an empty data folder, uses the package as a caller would, and stops the API again.
// Build the API first: `dotnet build src/StudioApi` (STUDIOAPI_CONFIGURATION=Release to test that build).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AuthClient, ClientsClient, OrganizationsClient, bearer, type CreateClientRequest, type CreateOrganizationRequest } from "../dist/index.js";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const configuration = process.env.STUDIOAPI_CONFIGURATION ?? "Debug";
const apiDll = join(repositoryRoot, "src", "StudioApi", "bin", configuration, "net10.0", "StudioApi.dll");
const adminPassword = "typescript-sdk-test-password";

let api: ChildProcess | undefined;
let apiOutput = "";
let dataDirectory = "";
let baseUrl = "";

before(async () => {
  assert.ok(existsSync(apiDll), `${apiDll} is missing: run \`dotnet build src/StudioApi\` first.`);
  dataDirectory = await mkdtemp(join(tmpdir(), "studioapi-ts-"));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  api = spawn("dotnet", [apiDll], {
    cwd: dataDirectory,
    env: {
      ...process.env,
      ASPNETCORE_URLS: baseUrl,
      ASPNETCORE_ENVIRONMENT: "Development",
      Storage__DataDirectory: dataDirectory,
      Admin__Username: "admin",
      Admin__Password: adminPassword,
      Seed__DemoData: "false",
      Logging__LogLevel__Default: "Warning",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  api.stdout?.on("data", (chunk: Buffer) => (apiOutput += chunk.toString()));
  api.stderr?.on("data", (chunk: Buffer) => (apiOutput += chunk.toString()));
  await waitUntilReady(60_000);
});

after(async () => {
  if (api && api.exitCode === null) {
    const exited = new Promise((done) => api!.once("exit", done));
    api.kill("SIGTERM");
    await exited;
  }
  if (dataDirectory)
    await rm(dataDirectory, { recursive: true, force: true });
});

test("the client signs in, creates an organization and reads it back", async () => {
  let accessToken: string | undefined;
  const http = bearer(() => accessToken);

  const token = await new AuthClient(baseUrl, http).createToken({ username: "admin", password: adminPassword });
  assert.equal(token.tokenType, "Bearer");
  accessToken = token.accessToken;

  const organizations = new OrganizationsClient(baseUrl, http);
  const request: CreateOrganizationRequest = {
    name: "Willow High",
    code: "WILLOW",
    address: { line1: "1 Main St", city: "Springfield", region: "IL", postalCode: "62704", country: "US" },
    contacts: [{ name: "Dana Whitfield", role: "Yearbook adviser", email: "dana@school.example" }],
    yearbookImageSpec: { widthPx: 640, heightPx: 800, dpi: 300, fileNamePattern: "{studentId}" },
  };
  const created = await organizations.create(undefined, request);
  const read = await organizations.get(created.id);

  assert.equal(read.id, created.id);
  assert.equal(read.name, "Willow High");
  assert.equal(read.code, "WILLOW");
  assert.equal(read.version, 1);
  assert.equal(read.address.city, "Springfield");
  assert.deepEqual(read.contacts.map((c) => c.name), ["Dana Whitfield"]);
  assert.equal(read.createdBy, "admin");
  assert.equal(read.deletedAt, null);

  // The record as read goes back with a change: its id, version and audit fields are accepted and ignored.
  const renamed = await organizations.update(read.id, `"${read.version}"`, { ...read, name: "Willow Academy" });
  assert.equal(renamed.name, "Willow Academy");
  assert.equal(renamed.version, read.version + 1);
});

test("the client creates a student client, finds it by phone and reads it back; a stale version is refused", async () => {
  const http = bearer(() => accessToken);
  const token = await new AuthClient(baseUrl, bearer(() => undefined)).createToken({ username: "admin", password: adminPassword });
  const accessToken: string = token.accessToken;
  const school = await new OrganizationsClient(baseUrl, http).create(undefined, { name: "Cedar Middle", code: "CEDAR" });
  const clients = new ClientsClient(baseUrl, http);

  const request: CreateClientRequest = {
    kind: "consumer",
    firstName: "Riley",
    lastName: "Nguyen",
    phones: [{ label: "mobile", number: "(217) 555-0177", smsCapable: true, isPrimary: true }],
    emails: [{ label: "home", address: "riley@example.com", isPrimary: true }],
    student: { organizationId: school.id, studentId: "C-1001", grade: "7", graduationYear: 2031 },
  };
  const created = await clients.create("ts-sdk-create-riley", request);
  const replayed = await clients.create("ts-sdk-create-riley", request);
  const found = await clients.list("2175550177", undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined);
  const read = await clients.get(created.id);

  assert.equal(replayed.id, created.id, "the same Idempotency-Key and body replays the first answer");
  assert.ok(created.number > 0);
  assert.deepEqual(found.items.map((c) => c.id), [created.id]);
  assert.equal(read.firstName, "Riley");
  assert.equal(read.phones[0]!.smsCapable, true);
  assert.equal(read.student?.organizationId, school.id);
  assert.equal(read.student?.studentId, "C-1001");

  const renamed = await clients.update(created.id, `"${read.version}"`, { ...request, lastName: "Nguyen-Park" });
  assert.equal(renamed.version, read.version + 1);
  await assert.rejects(clients.update(created.id, `"${read.version}"`, { ...request, lastName: "Lost Update" }), (error: unknown) => {
    assert.equal((error as { status?: number }).status, 412);
    return true;
  });
  assert.equal((await clients.get(created.id)).lastName, "Nguyen-Park");
});

test("a call without a token is refused with a 401 problem", async () => {
  const anonymous = new OrganizationsClient(baseUrl, bearer(() => undefined));

  await assert.rejects(anonymous.get(1), (error: unknown) => {
    assert.equal((error as { status?: number }).status, 401);
    return true;
  });
});

/** A port nothing listens on right now: the OS picks one, we release it for the API. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitUntilReady(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api?.exitCode !== null)
      throw new Error(`The API exited with code ${api?.exitCode}:\n${apiOutput}`);
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      if (response.ok)
        return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The API was not ready within ${timeoutMs} ms:\n${apiOutput}`);
}
