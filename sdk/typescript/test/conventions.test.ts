// The API's conventions as a caller of the package meets them: refusals as ApiException with the problem body,
// If-Match round trips, retries made safe by Idempotency-Key, multipart uploads from a File, the rate-limit headers,
// and the package's version being the contract's.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  ApiException,
  AuthClient,
  ClientsClient,
  ImagesClient,
  OrganizationsClient,
  SessionsClient,
  bearer,
  ifMatch,
  problemOf,
  readRateLimit,
  type Http,
} from "../dist/index.js";
import { adminPassword, repositoryRoot, startApi, type RunningApi } from "./api.js";

let api: RunningApi;
let token = "";

before(async () => {
  api = await startApi();
  token = (await new AuthClient(api.baseUrl, bearer(() => undefined)).createToken({ username: "admin", password: adminPassword })).accessToken;
});

after(async () => await api?.stop());

const signedIn = (send?: typeof fetch): Http => bearer(() => token, send);

/** Asserts the promise is refused with an ApiException of that status; returns it. */
async function refused(call: Promise<unknown>, status: number): Promise<ApiException> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof ApiException, `expected an ApiException, got ${String(error)}`);
    assert.equal(error.status, status, error.response);
    return error;
  }
  assert.fail(`expected a ${status}, but the call succeeded`);
}

test("a refused request is an ApiException carrying the status and the problem with its field errors", async () => {
  const organizations = new OrganizationsClient(api.baseUrl, signedIn());

  const error = await refused(organizations.create(undefined, { name: "", code: "no spaces allowed" }), 400);

  const problem = problemOf(error);
  assert.equal(problem?.status, 400);
  assert.match(error.headers["content-type"], /^application\/problem\+json/);
  assert.deepEqual(problem?.errors?.map((e) => e.name).sort(), ["code", "name"]);
  assert.ok(problem?.errors?.every((e) => e.reason.length > 0));
  assert.equal(problemOf(new TypeError("Failed to fetch")), undefined, "a network failure is not a problem of the API");
});

test("an update round-trips If-Match: the version read is accepted once, then refused as stale with the current version", async () => {
  const organizations = new OrganizationsClient(api.baseUrl, signedIn());
  const created = await organizations.create(undefined, { name: "Aspen Academy", code: "ASPEN" });
  const read = await organizations.get(created.id);

  const renamed = await organizations.update(read.id, ifMatch(read.version), { name: "Aspen Academy North", code: "ASPEN" });
  const stale = await refused(organizations.update(read.id, ifMatch(read.version), { name: "Lost update", code: "ASPEN" }), 412);
  const missing = await refused(organizations.update(read.id, "", { name: "No version", code: "ASPEN" }), 428);

  assert.equal(renamed.version, read.version + 1);
  assert.equal(problemOf(stale)?.currentVersion, renamed.version);
  assert.equal(problemOf(missing)?.status, 428);
  assert.equal((await organizations.get(read.id)).name, "Aspen Academy North");
});

test("a create retried with its Idempotency-Key after the answer was lost makes one record, and says it replayed", async () => {
  const seen: Response[] = [];
  let dropNext = true;
  // The first answer is lost on the way back (the request did reach the API): the caller only sees a network error.
  const flaky: typeof fetch = async (url, init) => {
    const response = await fetch(url, init);
    seen.push(response);
    if (dropNext) {
      dropNext = false;
      throw new TypeError("network connection lost");
    }
    return response;
  };
  const clients = new ClientsClient(api.baseUrl, signedIn(flaky));
  const key = `ts-retry-${Date.now()}`;
  const body = { kind: "consumer" as const, firstName: "Noor", lastName: `Haddad-${key}` };

  await assert.rejects(clients.create(key, body), TypeError);
  const retried = await clients.create(key, body);
  const reused = await refused(clients.create(key, { ...body, firstName: "Someone else" }), 422);

  assert.equal(seen[0]!.status, 201);
  assert.equal(seen[1]!.headers.get("Idempotent-Replayed"), "true");
  assert.equal(seen[1]!.headers.get("Location"), seen[0]!.headers.get("Location"));
  const found = await new ClientsClient(api.baseUrl, signedIn())
    .list(body.lastName, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined);
  assert.deepEqual(found.items.map((c) => c.id), [retried.id]);
  assert.match(problemOf(reused)?.detail ?? "", /Idempotency-Key/);
});

test("images upload as multipart/form-data from File objects, and a file that is not an image is refused with 415", async () => {
  const http = signedIn();
  const client = await new ClientsClient(api.baseUrl, http).create(undefined, { kind: "consumer", firstName: "Ada", lastName: "Okafor" });
  const session = await new SessionsClient(api.baseUrl, http)
    .create(undefined, { clientId: client.id, date: "2030-06-01", startTime: "10:00", endTime: "11:00" });
  const images = new ImagesClient(api.baseUrl, http);
  const photo = async (name: string) =>
    new File([await readFile(join(repositoryRoot, "tests", "StudioApi.Tests", "TestData", "exif-orientation", name))], name, { type: "image/jpeg" });

  const upload = await images.import(session.id, `ts-upload-${session.id}`, [
    { data: await photo("Portrait_1.jpg"), fileName: "Portrait_1.jpg" },
    { data: await photo("Landscape_1.jpg"), fileName: "Landscape_1.jpg" },
  ]);
  const notAnImage = await refused(images.import(session.id, undefined, [
    { data: new File(["just some text"], "notes.jpg", { type: "image/jpeg" }), fileName: "notes.jpg" },
  ]), 415);

  assert.deepEqual(upload.files.map((f) => [f.fileName, f.outcome]), [["Portrait_1.jpg", "imported"], ["Landscape_1.jpg", "imported"]]);
  assert.deepEqual(upload.files.map((f) => f.image?.number), [1, 2]);
  assert.equal(upload.files[0]!.image?.byteSize, (await photo("Portrait_1.jpg")).size);
  assert.equal(problemOf(notAnImage)?.status, 415);
  const listed = await images.list(session.id, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined);
  assert.deepEqual(listed.items.map((i) => i.originalFileName), ["Portrait_1.jpg", "Landscape_1.jpg"]);
});

test("every answer reports the caller's rate-limit budget, counting down", async () => {
  const budgets: number[] = [];
  const watching: typeof fetch = async (url, init) => {
    const response = await fetch(url, init);
    budgets.push(readRateLimit(response.headers).find((s) => s.policy === "caller")!.remaining);
    return response;
  };
  const organizations = new OrganizationsClient(api.baseUrl, signedIn(watching));

  await organizations.list(undefined, undefined, undefined, undefined, undefined);
  await organizations.list(undefined, undefined, undefined, undefined, undefined);

  assert.equal(budgets.length, 2);
  assert.equal(budgets[1], budgets[0]! - 1);
});

test("the package's version is the contract's, in the committed document and in the one the API serves", async () => {
  const manifest = JSON.parse(await readFile(join(repositoryRoot, "sdk", "typescript", "package.json"), "utf8")) as { version: string };
  const committed = JSON.parse(await readFile(join(repositoryRoot, "openapi", "v1.json"), "utf8")) as { info: { version: string } };
  const served = (await (await fetch(`${api.baseUrl}/openapi/v1.json`)).json()) as { info: { version: string } };

  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  assert.equal(manifest.version, committed.info.version, "run openapi/regenerate.sh: it versions the package as the contract");
  assert.equal(served.info.version, committed.info.version);
});
