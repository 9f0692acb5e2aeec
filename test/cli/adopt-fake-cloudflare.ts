/**
 * A loopback fake of the Cloudflare API endpoints `launch-ready adopt` reads, on 127.0.0.1, started and stopped by
 * the tests: zones (by id, by name), DNS records (paginated, at most `maxPerPage` a page whatever `per_page` asks,
 * past the last page an empty one, as the API does), phase entrypoints (404 with the error envelope when there is
 * none), zone settings, a bearer-token check, 429s with Retry-After, and a log of every request's method and path.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { LiveRecord } from "../../core/adopt/live";

/** A record as the fake serves it: the shape adopt reads (`core/adopt/live.ts`). */
export type FakeRecord = LiveRecord;

export interface FakeZone {
  readonly id: string;
  readonly name: string;
  readonly records: readonly FakeRecord[];
  readonly entrypoints?: Readonly<Record<string, string>>;
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface FakeOptions {
  readonly token: string;
  readonly zones: readonly FakeZone[];
  readonly maxPerPage?: number;
  /** Answer the first N requests with 429 and this Retry-After. */
  readonly rateLimit?: { readonly first: number; readonly retryAfter: string };
  /** 403 with this envelope on every request (a token without the permission). */
  readonly forbidden?: boolean;
  /** Never answer requests whose path contains this (a timeout). */
  readonly hangOn?: string;
}

export interface FakeCloudflare {
  readonly baseURL: string;
  readonly requests: { method: string; path: string }[];
  close(): Promise<void>;
}

const envelope = (res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};
const failure = (res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}) =>
  envelope(res, status, { success: false, errors: [{ code, message }], messages: [], result: null }, headers);
const ok = (res: ServerResponse, result: unknown, extra: object = {}) => envelope(res, 200, { success: true, errors: [], messages: [], result, ...extra });

export async function startFakeCloudflare(opts: FakeOptions): Promise<FakeCloudflare> {
  const requests: { method: string; path: string }[] = [];
  let served = 0;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({ method: req.method ?? "?", path: `${url.pathname}${url.search}` });
    served++;
    if (opts.hangOn !== undefined && url.pathname.includes(opts.hangOn)) return;
    if (opts.rateLimit !== undefined && served <= opts.rateLimit.first) return failure(res, 429, 971, "Please wait and consider throttling your request speed", { "retry-after": opts.rateLimit.retryAfter });
    if (req.headers.authorization !== `Bearer ${opts.token}`) return failure(res, 401, 10000, "Authentication error");
    // Echoes the credential back, as a careless proxy might: the command must still never print it.
    if (opts.forbidden === true) return failure(res, 403, 10000, `Authentication error for ${req.headers.authorization ?? ""}`);
    if (req.method !== "GET") return failure(res, 405, 10405, "Method not allowed");
    const path = url.pathname.replace(/^\/client\/v4/, "");
    if (path === "/zones") {
      const name = url.searchParams.get("name");
      const page = Number(url.searchParams.get("page") ?? "1");
      const zones = page === 1 ? opts.zones.filter((z) => name === null || z.name === name) : [];
      return ok(res, zones.map((z) => ({ id: z.id, name: z.name, status: "active" })), { result_info: { page, per_page: 20, count: zones.length, total_count: zones.length } });
    }
    const m = /^\/zones\/([^/]+)(\/.*)?$/.exec(path);
    const zone = opts.zones.find((z) => z.id === m?.[1]);
    if (m === null || zone === undefined) return failure(res, 404, 1001, "Invalid zone identifier");
    const rest = m[2] ?? "";
    if (rest === "") return ok(res, { id: zone.id, name: zone.name, status: "active" });
    if (rest === "/dns_records") {
      const page = Number(url.searchParams.get("page") ?? "1");
      const perPage = Math.min(Number(url.searchParams.get("per_page") ?? "100"), opts.maxPerPage ?? 100);
      const slice = zone.records.slice((page - 1) * perPage, page * perPage);
      return ok(res, slice, { result_info: { page, per_page: perPage, count: slice.length, total_count: zone.records.length, total_pages: Math.ceil(zone.records.length / perPage) } });
    }
    const phase = /^\/rulesets\/phases\/([a-z_]+)\/entrypoint$/.exec(rest)?.[1];
    if (phase !== undefined) {
      const id = zone.entrypoints?.[phase];
      if (id === undefined) return failure(res, 404, 10003, "could not find entrypoint ruleset in the zone");
      return ok(res, { id, name: "default", kind: "zone", phase, rules: [], version: "1", last_updated: "2026-01-01T00:00:00Z" });
    }
    const setting = /^\/settings\/([a-z0-9_]+)$/.exec(rest)?.[1];
    if (setting !== undefined && zone.settings !== undefined && setting in zone.settings) {
      return ok(res, { id: setting, value: zone.settings[setting], editable: true, modified_on: null });
    }
    return failure(res, 404, 7003, "Could not route to the requested path");
  };
  const server: Server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === "string") throw new Error("the fake Cloudflare API did not bind a TCP port");
  const port = address.port;
  return {
    baseURL: `http://127.0.0.1:${port}/client/v4`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
