/**
 * Sends the planned attempts, at most `concurrency` at a time, until the deadline; an attempt the deadline cut off
 * is an observation that decides nothing. The credential is put on the request here and nowhere else.
 */
import { isStateChanging } from "../../../core/routes";
import type { Credential } from "./credentials";
import type { ProbeHttp, ProbeResponse } from "./http";
import type { Attempt, Presented } from "./plan";

export interface Observation {
  readonly attempt: Attempt;
  readonly url: string;
  readonly response: ProbeResponse;
}

/** A token no server issued: the right shape for the scheme, the wrong content. */
export const MALFORMED_TOKEN = "launch-ready.malformed.token";

/**
 * The account's own token with one character of its last dot-separated part changed: for a JWT that is the
 * signature (RFC 7515 §7.1), for an opaque session ID a different ID. The first character of that part is changed,
 * not the last: the last base64url character can carry only padding bits, which some decoders ignore.
 */
export function alteredSecret(secret: string): string {
  const at = secret.lastIndexOf(".") + 1;
  const c = secret[at] ?? "";
  const swapped = c === "A" ? "B" : "A";
  return `${secret.slice(0, at)}${swapped}${secret.slice(at + 1)}`;
}

function authHeaders(c: Credential, secret: string): Record<string, string> {
  return c.scheme.kind === "bearer" ? { authorization: `Bearer ${secret}` } : { cookie: `${c.scheme.name}=${secret}` };
}

export function headersFor(p: Presented): Record<string, string> {
  switch (p.kind) {
    case "none":
      return {};
    case "account":
      return authHeaders(p.account.credential, p.account.credential.secret);
    case "expired":
      return authHeaders(p.credential, p.credential.secret);
    case "malformed":
      return authHeaders(p.like.credential, MALFORMED_TOKEN);
    case "altered":
      return authHeaders(p.account.credential, alteredSecret(p.account.credential.secret));
  }
}

export async function sendAttempts(
  attempts: readonly Attempt[],
  opts: { readonly baseUrl: URL; readonly http: ProbeHttp; readonly concurrency: number; readonly signal: AbortSignal },
): Promise<Observation[]> {
  const out: Observation[] = new Array<Observation>(attempts.length);
  let next = 0;
  const prefix = opts.baseUrl.pathname.replace(/\/$/, "");
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      const attempt = attempts[i];
      if (attempt === undefined) return;
      const url = `${opts.baseUrl.origin}${prefix}${attempt.path}`;
      if (opts.signal.aborted) {
        out[i] = { attempt, url, response: { kind: "error", reason: "not sent: the probe's deadline passed" } };
        continue;
      }
      const write = isStateChanging(attempt.route.method) && attempt.route.method !== "DELETE";
      const response = await opts.http.send(
        {
          method: attempt.route.method,
          url,
          headers: { accept: "application/json", ...(write ? { "content-type": "application/json" } : {}), ...headersFor(attempt.presented) },
          ...(write ? { body: "{}" } : {}),
        },
        opts.signal,
      );
      out[i] = { attempt, url, response };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, attempts.length)) }, worker));
  return out;
}
