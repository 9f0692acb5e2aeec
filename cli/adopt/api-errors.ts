/**
 * The SDK's errors as the failures a user can act on: a refused token, a missing zone, rate limiting, an
 * unreachable API, or another answer from Cloudflare, each with what was being read. Cloudflare's error envelope
 * (`{ success: false, errors: [{ code, message }] }`) supplies the codes. The token never appears: every message
 * is scrubbed of it, whatever the server echoed.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, AuthenticationError, NotFoundError, PermissionDeniedError, RateLimitError } from "cloudflare";
import { retryAfterSeconds } from "./client";

export type ReadFailureKind = "token" | "zone" | "rate-limited" | "network" | "api";

export class CloudflareReadError extends Error {
  constructor(
    readonly kind: ReadFailureKind,
    message: string,
  ) {
    super(message);
  }
}

/** `code 10000: Authentication error; …` from the envelope, or the status alone. */
function envelope(e: APIError): string {
  const parts = e.errors.flatMap((x: unknown) => {
    if (typeof x !== "object" || x === null) return [];
    const code: unknown = Reflect.get(x, "code");
    const message: unknown = Reflect.get(x, "message");
    return [`${typeof code === "number" || typeof code === "string" ? `code ${code}: ` : ""}${typeof message === "string" ? message : "(no message)"}`];
  });
  return parts.length > 0 ? parts.join("; ") : "no error details";
}

export function scrub(text: string, token: string): string {
  return token.length > 0 ? text.split(token).join("[token]") : text;
}

/** What went wrong reading `what` (e.g. "the DNS records of acme.example"), as a CloudflareReadError. */
export function readFailure(e: unknown, what: string, ctx: { readonly token: string; readonly baseURL: string; readonly retries: number }): CloudflareReadError {
  const fail = (kind: ReadFailureKind, message: string) => new CloudflareReadError(kind, scrub(message, ctx.token));
  if (e instanceof AuthenticationError || e instanceof PermissionDeniedError) {
    return fail(
      "token",
      `Cloudflare refused the API token (HTTP ${e.status}, ${envelope(e)}) while reading ${what}: set CLOUDFLARE_API_TOKEN to a token for this zone with Zone Read, DNS Read, Zone Settings Read and the rulesets' read permissions (read-only is enough)`,
    );
  }
  if (e instanceof RateLimitError) {
    const wait = retryAfterSeconds(e.headers.get("retry-after"));
    return fail("rate-limited", `Cloudflare rate-limited the requests (HTTP 429, ${envelope(e)}) while reading ${what}${wait !== undefined ? `, asking to wait ${Math.ceil(wait)} s` : ""}; gave up after ${ctx.retries} retries: try again later`);
  }
  if (e instanceof APIConnectionTimeoutError) return fail("network", `the Cloudflare API at ${ctx.baseURL} did not answer in time while reading ${what} (after ${ctx.retries} retries): check the network and try again`);
  if (e instanceof APIConnectionError) {
    const cause = e.cause instanceof Error ? (e.cause.cause instanceof Error ? e.cause.cause.message : e.cause.message) : e.message;
    return fail("network", `cannot reach the Cloudflare API at ${ctx.baseURL} while reading ${what} (${cause}; after ${ctx.retries} retries): check the network and try again`);
  }
  if (e instanceof APIError) {
    return fail(e instanceof NotFoundError ? "zone" : "api", `Cloudflare answered HTTP ${e.status ?? "?"} (${envelope(e)}) while reading ${what}`);
  }
  const message = e instanceof Error ? e.message : String(e);
  return fail("network", `reading ${what} from the Cloudflare API failed: ${message}`);
}
