/**
 * The probe's HTTP client: one request each, any method, never a redirect followed (a redirect is judged, not
 * chased), a per-request timeout and a bounded body. Undici directly: the auditor's client only speaks the methods
 * its checks need, and the probe targets one base URL, so no `--connect-to` dialling.
 */
import { Agent, errors } from "undici";
import type { RouteMethod } from "../../../core/routes";
import { secureContextFor } from "../../http/trust";

export interface ProbeRequest {
  readonly method: RouteMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export type ProbeResponse =
  | { readonly kind: "response"; readonly status: number; readonly location?: string; readonly body: string }
  | { readonly kind: "error"; readonly reason: string };

export interface ProbeHttp {
  send(req: ProbeRequest, signal: AbortSignal): Promise<ProbeResponse>;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 512 * 1024;

export function createProbeHttp(opts: { readonly timeoutMs: number; readonly caPem?: string; readonly connections: number }): ProbeHttp {
  const secureContext = opts.caPem === undefined ? undefined : secureContextFor({ caPem: opts.caPem });
  const agent = new Agent({ headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs, connections: opts.connections, connect: { timeout: opts.timeoutMs, ...(secureContext ? { secureContext } : {}) } });
  async function send(req: ProbeRequest, outer: AbortSignal): Promise<ProbeResponse> {
    const url = new URL(req.url);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, opts.timeoutMs);
    const onAbort = (): void => controller.abort();
    outer.addEventListener("abort", onAbort, { once: true });
    try {
      const res = await agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: req.method,
        headers: { "user-agent": "launch-ready-probe-authz", ...req.headers },
        ...(req.body !== undefined ? { body: req.body } : {}),
        signal: controller.signal,
      });
      const chunks: Buffer[] = [];
      let kept = 0;
      for await (const chunk of res.body) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        chunks.push(buf.subarray(0, Math.max(0, MAX_BODY_BYTES - kept)));
        kept += buf.length;
        if (kept >= MAX_BODY_BYTES) {
          res.body.destroy();
          break;
        }
      }
      const location = res.headers["location"];
      return { kind: "response", status: res.statusCode, ...(typeof location === "string" ? { location } : {}), body: Buffer.concat(chunks).toString("utf8") };
    } catch (err) {
      if (outer.aborted) return { kind: "error", reason: "the probe's deadline passed before the answer" };
      if (timedOut) return { kind: "error", reason: `no complete answer within ${opts.timeoutMs} ms` };
      if (err instanceof errors.UndiciError || err instanceof Error) return { kind: "error", reason: err.message };
      return { kind: "error", reason: String(err) };
    } finally {
      clearTimeout(timer);
      outer.removeEventListener("abort", onAbort);
    }
  }
  return { send, close: () => agent.destroy() };
}
