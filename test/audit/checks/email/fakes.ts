/**
 * In-memory stand-ins for the auditor's injected clients, built per test: a DNS zone whose names answer records,
 * NXDOMAIN (name missing), NODATA (type missing), SERVFAIL ("error") or a slow timeout ("slow"); an HTTP client
 * answering from a table; a TLS probe answering from a table.
 */
import type {
  AuditCheckModule,
  AuditContext,
  AuditTarget,
  CheckResult,
  DnsClient,
  DnsLookup,
  DnsRecordData,
  DnsRecordType,
  ExpectedDomainState,
  HttpClient,
  HttpResult,
  TlsHandshakeResult,
  TlsProbe,
} from "../../../../audit/types";
import type { CheckId } from "../../../../checklist";

export type Fault = "error" | "slow";
export type ZoneEntry = { readonly [K in DnsRecordType]?: readonly DnsRecordData[K][] | Fault };
export type Zone = Readonly<Record<string, ZoneEntry | Fault>>;

export interface FakeDns extends DnsClient {
  readonly queries: string[];
}

export function fakeDns(zone: Zone): FakeDns {
  const queries: string[] = [];
  return {
    queries,
    async query<T extends DnsRecordType>(name: string, type: T): Promise<DnsLookup<DnsRecordData[T]>> {
      queries.push(`${type} ${name}`);
      const entry = zone[name];
      if (entry === "error") return { kind: "error", reason: "SERVFAIL", elapsedMs: 1 };
      if (entry === "slow") {
        await new Promise((r) => setTimeout(r, 20));
        return { kind: "error", reason: "timed out after 20 ms", elapsedMs: 20 };
      }
      if (entry === undefined) {
        // A name that exists only as a parent of others answers NODATA, as in real DNS (RFC 8020).
        const isParent = Object.keys(zone).some((n) => n.endsWith(`.${name}`));
        return { kind: "absent", reason: isParent ? "NODATA" : "NXDOMAIN", elapsedMs: 0 };
      }
      const records = entry[type];
      if (records === "error") return { kind: "error", reason: "SERVFAIL", elapsedMs: 1 };
      if (records === "slow") {
        await new Promise((r) => setTimeout(r, 20));
        return { kind: "error", reason: "timed out after 20 ms", elapsedMs: 20 };
      }
      if (records === undefined || records.length === 0) return { kind: "absent", reason: "NODATA", elapsedMs: 0 };
      return { kind: "answer", records, authenticated: false, elapsedMs: 0 };
    },
  };
}

export function fakeHttp(answers: Readonly<Record<string, HttpResult>>): HttpClient & { readonly urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    request(req) {
      urls.push(req.url);
      return Promise.resolve(answers[req.url] ?? { kind: "error", url: req.url, reason: "connect ECONNREFUSED", elapsedMs: 0 });
    },
  };
}

export function fakeTls(answers: Readonly<Record<string, TlsHandshakeResult>> = {}): TlsProbe {
  return { handshake: (host) => Promise.resolve(answers[host] ?? { kind: "error", reason: `no TLS answer for ${host}` }) };
}

export function okText(url: string, body: string, contentType = "text/plain; charset=utf-8", status = 200, extra: Record<string, readonly string[]> = {}): HttpResult {
  return { kind: "response", url, status, headers: { "content-type": [contentType], ...extra }, body, truncated: false, elapsedMs: 1 };
}

export function expectedState(over: Partial<ExpectedDomainState>): ExpectedDomainState {
  return { sending: true, dkimSelectors: [], mxHosts: [], caaIssuers: [], aliases: [], endpoints: {}, ...over };
}

export function target(name: string, orgDomain = name): AuditTarget {
  return { name, display: name, orgDomain };
}

export interface CtxParts {
  readonly dns: DnsClient;
  readonly http?: HttpClient;
  readonly tls?: TlsProbe;
  readonly expected?: ExpectedDomainState;
  readonly probes?: readonly ("rate" | "smtp")[];
}

export function context(parts: CtxParts): AuditContext {
  return {
    dns: parts.dns,
    http: parts.http ?? fakeHttp({}),
    tls: parts.tls ?? fakeTls(),
    ...(parts.expected ? { expected: parts.expected } : {}),
    probes: new Set(parts.probes ?? []),
    now: () => new Date("2026-11-29T12:00:00Z"),
    signal: new AbortController().signal,
  };
}

/** Runs a module and indexes its results by ID, checking the contract (each declared ID exactly once). */
export async function runModule(module: AuditCheckModule, t: AuditTarget, ctx: AuditContext): Promise<Map<CheckId, CheckResult>> {
  const results = await module.run(t, ctx);
  const ids = results.map((r) => r.id);
  if (ids.length !== module.ids.length || !module.ids.every((id) => ids.includes(id))) {
    throw new Error(`module reported ${ids.join(",")} instead of ${module.ids.join(",")}`);
  }
  for (const r of results) {
    if (r.status !== "pass" && r.status !== "skip" && r.status !== "info" && r.remediation === "") throw new Error(`${r.id} ${r.status} without remediation`);
    if (r.status === "skip" && r.summary === "") throw new Error(`${r.id} skipped without a reason`);
    // Evidence must survive the JSON output unchanged.
    if (JSON.stringify(JSON.parse(JSON.stringify(r.evidence))) !== JSON.stringify(r.evidence)) throw new Error(`${r.id} evidence is not JSON`);
  }
  return new Map(results.map((r) => [r.id, r]));
}

export function statusOf(results: Map<CheckId, CheckResult>, id: CheckId): string {
  const r = results.get(id);
  if (!r) throw new Error(`no result for ${id}`);
  return r.status;
}

export function get(results: Map<CheckId, CheckResult>, id: CheckId): CheckResult {
  const r = results.get(id);
  if (!r) throw new Error(`no result for ${id}`);
  return r;
}
