// The generated TypeScript client against the real API (started by ./api.ts), used as a caller would.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { AuthClient, ClientsClient, OrganizationsClient, bearer, type CreateClientRequest, type CreateOrganizationRequest } from "../dist/index.js";
import { adminPassword, startApi, type RunningApi } from "./api.js";

let api: RunningApi;
let baseUrl = "";

before(async () => {
  api = await startApi();
  baseUrl = api.baseUrl;
});

after(async () => await api?.stop());

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
