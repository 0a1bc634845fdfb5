// A kiosk for proofing a session's photos, built only on the generated TypeScript SDK (@studioapi/client).
// The kiosk runs on its own origin; the API lets it call across origins because the deployment lists it in
// Cors:AllowedOrigins. Images are shown through signed links, so <img> needs no token.
import {
  AuthClient,
  ClientsClient,
  ImagesClient,
  SessionsClient,
  bearer,
  ifMatch,
  problemOf,
  readRateLimit,
  type ImageRendition,
  type SessionImageResponse,
  type SessionResponse,
  type SetImageProofingRequest,
} from "@studioapi/client";
import { centredCrop } from "./crop";
import "./style.css";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// The API address: ?api=… (handy next to a test API), else VITE_API_URL at build time, else the demo start's address.
const defaultApi = new URLSearchParams(location.search).get("api") ?? import.meta.env.VITE_API_URL ?? "http://localhost:5080";

let baseUrl = defaultApi;
let token: string | undefined;
let session: SessionResponse | undefined;
/** The session's photos as last read from the API, by id: each carries the version an edit must send in If-Match. */
const photos = new Map<number, SessionImageResponse>();
const links = new Map<string, { url: string; expiresAt: number }>();
let openPhotoId: number | undefined;
let pollTimer: number | undefined;

// Every call goes through here: it adds the token and shows the caller's request budget from each answer's RateLimit
// header (readable from this origin because the API exposes it).
const http = bearer(() => token, async (url, init) => {
  const response = await fetch(url, init);
  const caller = readRateLimit(response.headers).find((s) => s.policy === "caller");
  if (caller)
    $("budget").textContent = `${caller.remaining} requests left this minute`;
  return response;
});
const auth = () => new AuthClient(baseUrl, http);
const images = () => new ImagesClient(baseUrl, http);

function show(section: "sign-in" | "sessions" | "session") {
  for (const id of ["sign-in", "sessions", "session"])
    $(id).hidden = id !== section;
}

function notice(text: string, kind: "info" | "error" | "stale" = "info", action?: { label: string; run: () => void }) {
  const box = $("notice");
  box.replaceChildren();
  if (!text)
    return;
  const message = document.createElement("div");
  message.className = `notice ${kind}`;
  message.dataset.kind = kind;
  message.append(text);
  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = action.label;
    button.addEventListener("click", action.run);
    message.append(" ", button);
  }
  box.append(message);
}

/** Words for a person about a failed call: the API's problem when there is one. */
function describe(error: unknown): string {
  const problem = problemOf(error);
  if (problem)
    return `${problem.title}${problem.detail ? `: ${problem.detail}` : ""}`;
  return error instanceof TypeError ? "The API cannot be reached (is it running, and does it allow this page's origin?)." : String(error);
}

// ---- sign in -------------------------------------------------------------------------------------------------

$<HTMLInputElement>("api").value = defaultApi;
$<HTMLFormElement>("sign-in-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  baseUrl = $<HTMLInputElement>("api").value.replace(/\/+$/, "");
  const username = $<HTMLInputElement>("username").value;
  $("sign-in-error").textContent = "";
  try {
    token = (await auth().createToken({ username, password: $<HTMLInputElement>("password").value })).accessToken;
    $("who").textContent = `Signed in as ${username}`;
    await showSessions();
  } catch (error) {
    $("sign-in-error").textContent = describe(error);
  }
});

// ---- sessions ------------------------------------------------------------------------------------------------

async function showSessions() {
  stopPolling();
  const page = await new SessionsClient(baseUrl, http).list(
    undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, false,
    undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 50, undefined, "date");
  const clients = new ClientsClient(baseUrl, http);
  const names = new Map<number, string>();
  await Promise.all([...new Set(page.items.map((s) => s.clientId))].map(async (id) => {
    const client = await clients.get(id);
    names.set(id, [client.firstName, client.lastName].filter(Boolean).join(" ") || client.company || `Client ${id}`);
  }));

  const list = $("session-list");
  list.replaceChildren(...page.items.map((s) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "session";
    button.dataset.sessionId = String(s.id);
    const when = document.createElement("span");
    when.className = "when";
    when.textContent = `${s.date} ${s.startTime}`;
    const who = document.createElement("strong");
    who.textContent = names.get(s.clientId) ?? "";
    const what = document.createElement("span");
    what.textContent = `Session ${s.number}${s.description ? ` · ${s.description}` : ""}`;
    button.append(when, who, what);
    button.addEventListener("click", () => void openSession(s));
    item.append(button);
    return item;
  }));
  if (page.items.length === 0)
    list.textContent = "No sessions yet.";
  show("sessions");
}

$("back").addEventListener("click", () => void showSessions());

// ---- a session's photos --------------------------------------------------------------------------------------

async function openSession(s: SessionResponse) {
  session = s;
  photos.clear();
  openPhotoId = undefined;
  $("viewer").hidden = true;
  $("session-title").textContent = `Session ${s.number}${s.description ? ` · ${s.description}` : ""}`;
  notice("");
  show("session");
  await loadPhotos();
}

async function loadPhotos() {
  if (!session)
    return;
  const page = await images().list(session.id, undefined, undefined, undefined, undefined, false, 200, undefined, "number");
  for (const photo of page.items)
    photos.set(photo.id, photo);
  await renderGrid();
  // Previews and thumbnails are made in the background after an upload: look again until they are ready.
  stopPolling();
  if (page.items.some((p) => p.renditionState === "pending"))
    pollTimer = window.setTimeout(() => void loadPhotos(), 1000);
}

function stopPolling() {
  if (pollTimer !== undefined)
    window.clearTimeout(pollTimer);
  pollTimer = undefined;
}

/** A signed URL to one of a photo's files, reused until shortly before it expires. */
async function link(photo: SessionImageResponse, rendition: ImageRendition): Promise<string> {
  const key = `${photo.id}/${rendition}`;
  const known = links.get(key);
  if (known && known.expiresAt - Date.now() > 60_000)
    return known.url;
  const created = await images().createLink(photo.id, { rendition });
  const url = new URL(created.url, `${baseUrl}/`).href;
  links.set(key, { url, expiresAt: Date.parse(created.expiresAt) });
  return url;
}

async function renderGrid() {
  const ordered = [...photos.values()].sort((a, b) => a.number - b.number);
  const tiles = await Promise.all(ordered.map(tile));
  $("grid").replaceChildren(...tiles);
  if (ordered.length === 0)
    $("grid").textContent = "No photos in this session yet: add some.";
}

async function tile(photo: SessionImageResponse): Promise<HTMLLIElement> {
  const item = document.createElement("li");
  item.className = "tile";
  item.dataset.number = String(photo.number);
  item.dataset.id = String(photo.id);
  item.classList.toggle("selected", photo.proofState === "selected");
  item.classList.toggle("open", photo.id === openPhotoId);

  const open = document.createElement("button");
  open.type = "button";
  open.className = "open-photo";
  open.title = `Show photo ${photo.number}`;
  if (photo.renditionState === "ready") {
    const img = document.createElement("img");
    img.className = "thumb";
    img.alt = `Photo ${photo.number}`;
    img.src = await link(photo, "thumbnail");
    open.append(img);
    open.addEventListener("click", () => void openPhoto(photo.id));
  } else {
    open.disabled = true;
    open.textContent = photo.renditionState === "pending" ? "Processing…" : "Could not be shown";
  }

  const caption = document.createElement("div");
  caption.className = "caption";
  caption.textContent = `${photo.number}`;
  if (photo.crop?.aspectRatio) {
    const badge = document.createElement("span");
    badge.className = "crop-badge";
    badge.textContent = `crop ${photo.crop.aspectRatio}`;
    caption.append(" ", badge);
  }

  const select = toggle("select", "✓ Select", photo.proofState === "selected", () =>
    save(photo.id, (p) => ({ proofState: p.proofState === "selected" ? "unmarked" : "selected" }),
      (p) => `Photo ${p.number} ${p.proofState === "selected" ? "selected" : "unselected"}.`));
  const favorite = toggle("favorite", "★ Favourite", photo.favorite, () =>
    save(photo.id, (p) => ({ favorite: !p.favorite }),
      (p) => `Photo ${p.number} ${p.favorite ? "marked as a favourite" : "no longer a favourite"}.`));
  const actions = document.createElement("div");
  actions.className = "actions";
  actions.append(select, favorite);

  item.append(open, caption, actions);
  return item;
}

function toggle(name: string, label: string, pressed: boolean, run: () => Promise<void>): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = name;
  button.textContent = label;
  button.setAttribute("aria-pressed", String(pressed));
  button.addEventListener("click", () => void run());
  return button;
}

/**
 * Saves a change to one photo's proofing. The API replaces the whole proofing state, and only if the photo is still
 * at the version this kiosk read (If-Match): when another kiosk changed it meanwhile the API refuses with 412 and
 * nothing is written, so this kiosk offers to reload the photo instead of overwriting the other change.
 */
async function save(id: number, change: (p: SessionImageResponse) => SetImageProofingRequest, done: (p: SessionImageResponse) => string) {
  const photo = photos.get(id);
  if (!photo)
    return;
  const proofing: SetImageProofingRequest = {
    proofState: photo.proofState,
    favorite: photo.favorite,
    hiddenOnline: photo.hiddenOnline,
    rotation: photo.rotation,
    crop: photo.crop,
    yearbookRole: photo.yearbookRole,
    ...change(photo),
  };
  try {
    const saved = await images().setProofing(id, ifMatch(photo.version), proofing);
    photos.set(id, saved);
    await renderGrid();
    if (openPhotoId === id)
      await openPhoto(id);
    notice(done(saved));
  } catch (error) {
    if (problemOf(error)?.status === 412)
      notice(`Photo ${photo.number} was changed at another station since you loaded it, so your change was not saved.`, "stale",
        { label: `Reload photo ${photo.number}`, run: () => void reload(id) });
    else
      notice(describe(error), "error");
  }
}

async function reload(id: number) {
  const fresh = await images().get(id);
  photos.set(id, fresh);
  await renderGrid();
  if (openPhotoId === id)
    await openPhoto(id);
  notice(`Photo ${fresh.number} reloaded: you see it as it is now. Make your change again.`);
}

// ---- the viewer: a large preview and the crop ----------------------------------------------------------------

async function openPhoto(id: number) {
  const photo = photos.get(id);
  if (!photo)
    return;
  openPhotoId = id;
  for (const other of document.querySelectorAll<HTMLLIElement>(".tile"))
    other.classList.toggle("open", other.dataset.id === String(id));
  const preview = $<HTMLImageElement>("preview");
  preview.alt = `Photo ${photo.number}, preview`;
  preview.src = await link(photo, "preview");
  $("viewer").hidden = false;
  $("viewer-caption").textContent = `Photo ${photo.number} · ${photo.originalFileName}` +
    (photo.crop ? ` · cropped${photo.crop.aspectRatio ? ` ${photo.crop.aspectRatio}` : ""}` : " · full frame");
  const box = $("crop-box");
  box.hidden = !photo.crop;
  if (photo.crop) {
    // The preview is upright and turned by the rotation, like the crop's frame, so fractions map straight onto it.
    Object.assign(box.style, {
      left: `${(photo.crop.x ?? 0) * 100}%`, top: `${(photo.crop.y ?? 0) * 100}%`,
      width: `${(photo.crop.width ?? 1) * 100}%`, height: `${(photo.crop.height ?? 1) * 100}%`,
    });
  }
}

$("crop-45").addEventListener("click", () => {
  if (openPhotoId !== undefined)
    void save(openPhotoId, (p) => ({ crop: centredCrop(p, "4:5") }), (p) => `Photo ${p.number} cropped to 4:5.`);
});
$("crop-clear").addEventListener("click", () => {
  if (openPhotoId !== undefined)
    void save(openPhotoId, () => ({ crop: null }), (p) => `Photo ${p.number} shows the full frame again.`);
});

// ---- adding photos -------------------------------------------------------------------------------------------

$<HTMLInputElement>("upload").addEventListener("change", async (event) => {
  const input = event.target as HTMLInputElement;
  if (!session || !input.files?.length)
    return;
  const files = [...input.files].map((file) => ({ data: file, fileName: file.name }));
  notice(`Uploading ${files.length} photo${files.length === 1 ? "" : "s"}…`);
  try {
    // One key per upload: if the answer is lost and the kiosk retries, the API does not import twice.
    const result = await images().import(session.id, crypto.randomUUID(), files);
    const count = (outcome: string) => result.files.filter((f) => f.outcome === outcome).length;
    notice(`${count("imported")} imported, ${count("duplicate")} already here, ${count("rejected")} refused.`);
    await loadPhotos();
  } catch (error) {
    notice(describe(error), "error");
  } finally {
    input.value = "";
  }
});

show("sign-in");
