/**
 * The Cloudflare API client `launch-ready adopt` reads through: Cloudflare's official TypeScript SDK (`cloudflare`,
 * Node 20+), given the token explicitly so no other credential in the environment (API key, e-mail, service key)
 * is picked up, with the SDK's own logging off so no request detail reaches the terminal.
 *
 * Retries (the SDK's `maxRetries`): on 408, 409, 429, 5xx and connection errors, waiting what the API's
 * `Retry-After` says (seconds or an HTTP date), else an exponential back-off. A `Retry-After` beyond
 * `maxRetryAfterSeconds` is not waited for: the response is marked `x-should-retry: false`, which the SDK obeys,
 * so the command fails at once with the wait in its message instead of hanging.
 */
import Cloudflare from "cloudflare";

/** The API the SDK talks to unless the environment says otherwise. */
export const CLOUDFLARE_API = "https://api.cloudflare.com/client/v4";

/** Environment variable that points the client at another API base URL (a test server, a proxy). */
export const BASE_URL_ENV = "CLOUDFLARE_API_BASE_URL";

export interface ClientSettings {
  readonly token: string;
  readonly baseURL?: string;
  /** Retries after the first attempt (default 3). */
  readonly maxRetries?: number;
  /** Per request, in ms (default 30 s). */
  readonly timeoutMs?: number;
  /** The longest `Retry-After` waited for (default 60 s). */
  readonly maxRetryAfterSeconds?: number;
}

/** Why a base URL cannot be used, or undefined: https anywhere, plain http only to this machine (the token travels). */
export function baseUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `is not a URL: give the API's base URL, e.g. ${CLOUDFLARE_API}`;
  }
  if (url.protocol === "https:") return undefined;
  const loopback = url.hostname === "localhost" || url.hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  if (url.protocol === "http:" && loopback) return undefined;
  return "must be an https:// URL (plain http only to 127.0.0.1, ::1 or localhost): the API token is sent with every request";
}

/** Seconds a `Retry-After` value asks for (RFC 9110 §10.2.3: seconds or an HTTP date), undefined if unreadable. */
export function retryAfterSeconds(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now) / 1000);
}

export function cloudflareClient(settings: ClientSettings): Cloudflare {
  const maxWait = settings.maxRetryAfterSeconds ?? 60;
  const capped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const wait = response.status === 429 ? retryAfterSeconds(response.headers.get("retry-after")) : undefined;
    if (wait === undefined || wait <= maxWait) return response;
    const headers = new Headers(response.headers);
    headers.set("x-should-retry", "false");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
  return new Cloudflare({
    apiToken: settings.token,
    apiKey: null,
    apiEmail: null,
    userServiceKey: null,
    baseURL: settings.baseURL ?? CLOUDFLARE_API,
    maxRetries: settings.maxRetries ?? 3,
    timeout: settings.timeoutMs ?? 30_000,
    logLevel: "off",
    fetch: capped,
  });
}
