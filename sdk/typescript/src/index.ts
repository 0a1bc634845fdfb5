// @studioapi/client: the generated clients (one per tag, see client.ts) and what a caller needs to use them.
export * from "./client.js";

/** What the generated clients call to send a request: `fetch`, or anything with its shape. */
export interface Http {
  fetch(url: RequestInfo, init?: RequestInit): Promise<Response>;
}

/**
 * An `Http` for the generated clients that sends the current access token (when there is one) as a bearer token.
 * Pass it to every client: `new OrganizationsClient(baseUrl, bearer(() => token))`. Works in browsers and in Node 18+.
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
