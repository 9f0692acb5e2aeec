import { isMtaStsRecord, mxCoverage, parseMtaStsPolicy, type MtaStsPolicyParse } from "../../../core/email/mtasts";
import type { CheckId } from "../../../checklist";
import { createStartTlsProbe, type StartTlsProbe, type StartTlsResult } from "../../smtp";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult, DnsLookup, Evidence, EvidenceValue, HttpResult, MxRecord } from "../../types";
import { fromVerdict } from "../verdict";
import { judgeMtaStsMxCoverage, judgeMtaStsPolicyFetch, judgeMtaStsPolicySyntax, judgeMtaStsRecord, type MtaStsFetchInput } from "../../../core/judges/email";
import { describeLookup, isNullMx, showMx } from "./dns";
import { fromJudge, result, undecided } from "./result";

const IDS = ["mtasts.record", "mtasts.policy_fetch", "mtasts.policy_syntax", "mtasts.mx_coverage", "mtasts.mx_tls"] as const satisfies readonly CheckId[];

/** RFC 8461 §3.2 recommends weeks; below a day the policy barely outlives a cache. */
const ONE_WEEK = 604_800;
const ONE_DAY = 86_400;
/** At most this many MX hosts are probed: the probe is opt-in and bounded. */
export const MAX_PROBED_MX = 10;

export function policyUrl(domain: string): string {
  return `https://mta-sts.${domain}/.well-known/mta-sts.txt`;
}

type Fetched = { readonly result: CheckResult; readonly body?: string };

function mediaType(values: readonly string[] | undefined): string {
  return (values?.[0] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

type FetchFacts = { readonly fetch: MtaStsFetchInput["fetch"]; readonly evidence: Evidence; readonly body?: string; readonly fix?: string; readonly undecided?: string };

/** Tells a certificate or connection failure (unreachable) from a timeout (cannot tell) when the fetch itself failed. */
async function classifyFetchError(res: Extract<HttpResult, { kind: "error" }>, host: string, ctx: AuditContext, evidence: Evidence): Promise<FetchFacts> {
  const [a, aaaa] = await Promise.all([ctx.dns.query(host, "A"), ctx.dns.query(host, "AAAA")]);
  const ev = { ...evidence, error: res.reason, addresses: [describeLookup("A", host, a), describeLookup("AAAA", host, aaaa)] };
  if (a.kind === "absent" && aaaa.kind === "absent") {
    return { fetch: { kind: "unreachable", reason: `the policy host ${host} does not resolve (${a.reason}), so senders find no policy` }, evidence: ev, fix: "Publish the `mta-sts` host (A/AAAA or CNAME) serving the policy over HTTPS." };
  }
  const tls = await ctx.tls.handshake(host, 443);
  if (tls.kind === "connected" && !tls.authorized) {
    return { fetch: { kind: "unreachable", reason: `the certificate of ${host} is not valid (${tls.authorizationError ?? "untrusted"}): senders refuse the policy` }, evidence: { ...ev, tls: tls.authorizationError ?? "untrusted" }, fix: "Serve mta-sts.<domain> with a publicly trusted certificate valid for that name." };
  }
  if (tls.kind === "refused") return { fetch: { kind: "unreachable", reason: `${host} refuses TLS on 443 (${tls.reason})` }, evidence: { ...ev, tls: tls.reason } };
  return { fetch: { kind: "unknown", reason: `fetching ${policyUrl(host.slice("mta-sts.".length))} failed (${res.reason})` }, evidence: ev, undecided: `fetching ${policyUrl(host.slice("mta-sts.".length))} failed (${res.reason})` };
}

/** The live fetch, as the facts the judge reads (core/judges/email/mtasts.ts, the preview's judge too). */
async function fetchFacts(target: AuditTarget, ctx: AuditContext): Promise<FetchFacts> {
  const url = policyUrl(target.name);
  const host = `mta-sts.${target.name}`;
  const res = await ctx.http.request({ url, method: "GET" });
  const evidence: Evidence = { url };
  if (res.kind === "error") return classifyFetchError(res, host, ctx, evidence);
  const ev = { ...evidence, status: res.status, contentType: res.headers["content-type"]?.[0] ?? null };
  // RFC 8461 §3.3: senders MUST NOT follow redirects.
  if (res.status >= 300 && res.status < 400) return { fetch: { kind: "redirected", to: res.headers["location"]?.[0] ?? "(no Location)", by: `answers ${res.status} redirect` }, evidence: { ...ev, location: res.headers["location"]?.[0] ?? null } };
  if (res.status === 200 && res.truncated) return { fetch: { kind: "unreachable", reason: `${url} is larger than the client's limit: not a policy file` }, evidence: ev };
  const contentType = mediaType(res.headers["content-type"]);
  const fetch: MtaStsFetchInput["fetch"] = { kind: "served", status: res.status, contentType: contentType === "" ? "no content type" : contentType, by: "live HTTPS, certificate valid" };
  return { fetch, evidence: ev, ...(res.status === 200 ? { body: res.body } : {}), ...(res.status === 200 && contentType !== "text/plain" ? { fix: "Serve the policy with `Content-Type: text/plain`." } : {}) };
}

async function fetchPolicy(target: AuditTarget, ctx: AuditContext): Promise<Fetched> {
  const f = await fetchFacts(target, ctx);
  if (f.undecided !== undefined) return { result: undecided("mtasts.policy_fetch", f.undecided, f.evidence) };
  const verdict = judgeMtaStsPolicyFetch({ domain: target.name, fetch: f.fetch });
  const r = fromJudge("mtasts.policy_fetch", verdict, f.evidence, f.fix !== undefined ? { unavailable: f.fix, "wrong-type": f.fix } : {});
  // The policy is read when served 200 (a wrong media type warns, but its text is still judged).
  return verdict.status === "pass" || ("outcome" in verdict && verdict.outcome === "wrong-type") ? { result: r, ...(f.body !== undefined ? { body: f.body } : {}) } : { result: r };
}

/** mtasts.policy_syntax: the fetched text, judged by the judge the preview uses on the planned Worker's policy. */
function judgeSyntax(target: AuditTarget, body: string, parse: MtaStsPolicyParse, evidence: Evidence): CheckResult {
  const { policy, errors, warnings } = parse;
  const ev = { ...evidence, mode: policy.mode ?? null, maxAge: policy.maxAge ?? null, mx: [...policy.mx], ...(warnings.length > 0 ? { warnings: [...warnings] } : {}), ...(errors.length > 0 ? { errors: [...errors] } : {}) };
  const verdict = judgeMtaStsPolicySyntax({ domain: target.display, policy: body });
  const fix = policy.mode === "testing" ? "Switch to `email.mtaSts.mode: enforce` once TLS reports are clean." : policy.mode === "none" ? "Set `mode: enforce` (or remove MTA-STS deliberately)." : (policy.maxAge ?? 0) < ONE_WEEK ? "Serve `max_age: 604800` or more." : "Write each field once.";
  return fromJudge("mtasts.policy_syntax", verdict, ev, { testing: fix, weak: fix });
}

function realMx(mx: DnsLookup<MxRecord>): string[] {
  return mx.kind === "answer" ? [...new Set(mx.records.filter((r) => !isNullMx(r.exchange)).map((r) => r.exchange))] : [];
}

function probeEvidence(r: StartTlsResult): EvidenceValue {
  const cert = "certificate" in r && r.certificate ? { subject: r.certificate.subject, issuer: r.certificate.issuer, subjectAltNames: [...r.certificate.subjectAltNames], validTo: r.certificate.validTo } : null;
  switch (r.kind) {
    case "secure":
      return { host: r.host, result: "STARTTLS ok, certificate valid", connectedTo: r.connectedTo, protocol: r.protocol, certificate: cert };
    case "no-starttls":
      return { host: r.host, result: "STARTTLS not offered", connectedTo: r.connectedTo, extensions: [...r.extensions] };
    case "bad-certificate":
      return { host: r.host, result: `certificate invalid: ${r.reason}`, connectedTo: r.connectedTo, certificate: cert };
    case "error":
      return { host: r.host, result: `error: ${r.reason}` };
  }
}

async function judgeMxTls(target: AuditTarget, ctx: AuditContext, mx: DnsLookup<MxRecord>, probe: StartTlsProbe): Promise<CheckResult> {
  if (!ctx.probes.has("smtp")) return result("mtasts.mx_tls", "skip", "the SMTP STARTTLS probe is opt-in: add --probe smtp to connect to each MX");
  const mxEvidence = describeLookup("MX", target.name, mx, showMx);
  if (mx.kind === "error") return undecided("mtasts.mx_tls", `the MX lookup for ${target.display} failed (${mx.reason})`, { mx: mxEvidence });
  const hosts = realMx(mx).slice(0, MAX_PROBED_MX);
  if (hosts.length === 0) return result("mtasts.mx_tls", "skip", `${target.display} has no MX host to probe`, { mx: mxEvidence });
  const results = await Promise.all(hosts.map((h) => probe.probe(h, ctx.dns, ctx.signal)));
  const evidence: Evidence = { mx: mxEvidence, probes: results.map(probeEvidence) };
  const bad = results.filter((r) => r.kind === "no-starttls" || r.kind === "bad-certificate");
  const first = bad[0];
  if (first) {
    const why = first.kind === "no-starttls" ? "does not offer STARTTLS" : `presents an invalid certificate (${first.reason})`;
    return result("mtasts.mx_tls", "fail", `MX ${first.host} ${why}`, evidence);
  }
  const failed = results.find((r) => r.kind === "error");
  if (failed && failed.kind === "error") return undecided("mtasts.mx_tls", `the STARTTLS probe of ${failed.host} failed: ${failed.reason}`, evidence);
  return result("mtasts.mx_tls", "pass", `every MX (${hosts.join(", ")}) offers STARTTLS with a valid certificate for its name`, evidence);
}

export interface MtaStsChecksOptions {
  /** The STARTTLS probe used when `--probe smtp` is given. */
  readonly smtpProbe?: StartTlsProbe;
}

export function createMtaStsChecks(options: MtaStsChecksOptions = {}): AuditCheckModule {
  const probe = options.smtpProbe ?? createStartTlsProbe({ connectTo: [], timeoutMs: 10_000 });

  async function run(target: AuditTarget, ctx: AuditContext): Promise<CheckResult[]> {
    const name = `_mta-sts.${target.name}`;
    const [txt, mx] = await Promise.all([ctx.dns.query(name, "TXT"), ctx.dns.query(target.name, "MX")]);
    const base: Evidence = { lookup: describeLookup("TXT", name, txt) };
    const out: CheckResult[] = [await judgeMxTls(target, ctx, mx, probe)];
    const skipRest = (why: string): CheckResult[] => [
      ...out,
      ...(["mtasts.policy_fetch", "mtasts.policy_syntax", "mtasts.mx_coverage"] as const).map((id) => result(id, "skip", why, base)),
    ];
    if (txt.kind === "error") return [...out, ...(["mtasts.record", "mtasts.policy_fetch", "mtasts.policy_syntax", "mtasts.mx_coverage"] as const).map((id) => undecided(id, `the TXT lookup for ${name} failed (${txt.reason})`, base))];

    const all = txt.kind === "answer" ? txt.records : [];
    // RFC 7505: a domain with only a null MX takes no mail; the judge treats it as parked.
    const onlyNullMx = mx.kind === "answer" && mx.records.length > 0 && mx.records.every((r) => isNullMx(r.exchange));
    const recordVerdict = judgeMtaStsRecord({ domain: target.display, parked: onlyNullMx, txt: all });
    const sts = all.filter(isMtaStsRecord);
    out.push(fromJudge("mtasts.record", recordVerdict, { ...base, ...(sts.length === 1 ? { record: sts[0] ?? "" } : all.length > 0 ? { records: [...all] } : {}), ...(onlyNullMx ? { mx: describeLookup("MX", target.name, mx, showMx) } : {}) }, { invalid: sts.length > 1 ? "Keep exactly one `v=STSv1; id=…` record." : "Publish `v=STSv1; id=<1-32 letters or digits>`." }));
    if (recordVerdict.status === "not-applicable") return skipRest(`${target.display} takes no mail (null MX)`);
    if (recordVerdict.status === "warn") return skipRest(`MTA-STS is not enabled for ${target.display}`);
    if (recordVerdict.status !== "pass") return skipRest(`no single valid MTA-STS record at ${name}`);

    const fetched = await fetchPolicy(target, ctx);
    out.push(fetched.result);
    if (fetched.body === undefined) {
      out.push(result("mtasts.policy_syntax", "skip", "no policy could be fetched (see mtasts.policy_fetch)", fetched.result.evidence));
      out.push(result("mtasts.mx_coverage", "skip", "no policy could be fetched (see mtasts.policy_fetch)", fetched.result.evidence));
      return out;
    }
    const policyParse = parseMtaStsPolicy(fetched.body);
    const policyEvidence: Evidence = { url: policyUrl(target.name), policy: fetched.body.slice(0, 2000) };
    out.push(judgeSyntax(target, fetched.body, policyParse, policyEvidence));

    // mtasts.mx_coverage (RFC 8461 §4.1)
    const policy = policyParse.policy;
    const mxEvidence = describeLookup("MX", target.name, mx, showMx);
    // The same judge as the preview's (core/judges/email/mtasts.ts), on the fetched policy and the MX answer.
    if (mx.kind === "error" && policyParse.errors.length === 0 && policy.mode !== undefined && policy.mode !== "none") out.push(undecided("mtasts.mx_coverage", `the MX lookup for ${target.display} failed (${mx.reason})`, { ...policyEvidence, mx: mxEvidence }));
    else {
      const hosts = mx.kind === "error" ? [] : realMx(mx);
      const cov = mxCoverage(hosts, policy.mx);
      const ev = { ...policyEvidence, mx: mxEvidence, patterns: [...policy.mx], covered: cov.covered.map((c) => `${c.host} ← ${c.pattern}`), uncovered: [...cov.uncovered] };
      out.push(fromVerdict("mtasts.mx_coverage", judgeMtaStsMxCoverage({ domain: target.display, policy: fetched.body, mx: hosts }), ev));
    }
    return out;
  }
  return { ids: IDS, run };
}
