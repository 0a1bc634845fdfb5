// @studioapi/client: the generated clients (one per tag, see client.ts) and what a caller needs to use them.
import { ApiException, type ProblemDetails } from "./client.js";

export * from "./client.js";

/** What the generated clients call to send a request: `fetch`, or anything with its shape. */
export interface Http {
  fetch(url: RequestInfo, init?: RequestInit): Promise<Response>;
}

/**
 * An `Http` for the generated clients that sends the current access token (when there is one) as a bearer token.
 * Pass it to every client: `new OrganizationsClient(baseUrl, bearer(() => token))`. Works in browsers and in Node 18+.
 * `send` is the fetch to use: wrap it to watch every answer (its rate-limit headers, say).
 */
export function bearer(accessToken: () => string | undefined, send: typeof fetch = globalThis.fetch.bind(globalThis)): Http {
  return {
    fetch(url: RequestInfo, init?: RequestInit): Promise<Response> {
      const token = accessToken();
      const headers = new Headers(init?.headers);
      if (token !== undefined && !headers.has("Authorization"))
        headers.set("Authorization", `Bearer ${token}`);
      return send(url, { ...init, headers });
    },
  };
}

/** The If-Match value for a record as you read it: `ifMatch(client.version)` is `"3"` (quotes included). */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

/**
 * The RFC 9457 problem a call was refused with: `status`, `title`, `detail`, the broken rules in `errors` (400), the
 * record's `currentVersion` (412). Undefined when `error` is not an answer of the API (a network failure, an abort).
 * Every refusal reaches the caller as an `ApiException`, whose `status` and `headers` (e.g. `retry-after`) are there too.
 */
export function problemOf(error: unknown): ProblemDetails | undefined {
  if (!(error instanceof ApiException))
    return undefined;
  if (error.result !== null && typeof error.result === "object")
    return error.result as ProblemDetails;
  // A status the operation does not declare is not parsed by the generated code: the body is still a problem.
  try {
    const parsed: unknown = JSON.parse(error.response);
    return parsed !== null && typeof parsed === "object" && "status" in parsed ? (parsed as ProblemDetails) : undefined;
  } catch {
    return undefined;
  }
}

/** One request budget an answer reports (the RateLimit header, IETF draft-ietf-httpapi-ratelimit-headers). */
export interface RateLimitState {
  /** `caller` (every caller's overall budget), `sign-in` or `online-booking`. */
  policy: string;
  /** Requests left in the current window. */
  remaining: number;
  /** Seconds until the window starts over. */
  resetSeconds: number | undefined;
}

/**
 * Reads the RateLimit header of an answer, e.g. `"caller";r=598;t=42`, so a kiosk can slow down before it is refused.
 * In a browser the header is readable from another origin because the API exposes it (CORS).
 */
export function readRateLimit(headers: Headers): RateLimitState[] {
  const value = headers.get("RateLimit");
  if (!value)
    return [];
  return value.split(",").flatMap((item) => {
    const [name, ...parameters] = item.trim().split(";");
    const values = new Map(parameters.map((p) => p.split("=") as [string, string]));
    const remaining = Number(values.get("r"));
    if (!name || !Number.isInteger(remaining))
      return [];
    const reset = values.has("t") ? Number(values.get("t")) : undefined;
    return [{ policy: name.replace(/^"|"$/g, ""), remaining, resetSeconds: reset }];
  });
}
