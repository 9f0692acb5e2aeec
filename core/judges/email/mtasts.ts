/** The MTA-STS judges (mtasts.*, RFC 8461) that read records and the policy text. mtasts.mx_tls is live only. */
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { isMtaStsRecord, mxCoverage, parseMtaStsPolicy, parseMtaStsRecord } from "../../email/mtasts";

export interface MtaStsRecordInput {
  readonly domain: string;
  readonly parked: boolean;
  /** Every TXT value at `_mta-sts.<domain>`. */
  readonly txt: readonly string[];
}

export function judgeMtaStsRecord(input: MtaStsRecordInput): Verdict {
  const records = input.txt.filter(isMtaStsRecord);
  const lookalike = input.txt.filter((r) => !isMtaStsRecord(r) && /v\s*=\s*stsv1/i.test(r));
  // A parked domain (RFC 7505 null MX) takes no mail: no delivery to protect, unless it publishes a record anyway.
  if (input.parked && records.length === 0 && lookalike.length === 0) return notApplicable(`${input.domain} is parked (null MX, takes no mail): MTA-STS does not apply`);
  if (records.length === 0 && lookalike.length > 0) return judged("mtasts.record", "invalid", [`the MTA-STS record at _mta-sts.${input.domain} is invalid: it must begin with "v=STSv1;"`]);
  if (records.length === 0) return judged("mtasts.record", "absent", [`no MTA-STS record at _mta-sts.${input.domain}: mail to ${input.domain} can be downgraded to plain text`]);
  if (records.length > 1) return judged("mtasts.record", "invalid", [`${records.length} MTA-STS records at _mta-sts.${input.domain}: senders ignore MTA-STS (RFC 8461 §3.1)`]);
  const p = parseMtaStsRecord(records[0] ?? "");
  if (p.errors.length > 0 || p.id === undefined) return judged("mtasts.record", "invalid", [`the MTA-STS record of ${input.domain} is invalid: ${p.errors[0] ?? "no id"}`]);
  return judged("mtasts.record", "valid", [`_mta-sts.${input.domain} announces policy id ${p.id}`]);
}

export interface MtaStsPolicyInput {
  readonly domain: string;
  /** The policy text served; undefined when none is served (no MTA-STS). */
  readonly policy: string | undefined;
}

/** RFC 8461 §3.2 syntax, mode enforce (testing only reports: a warning), and max_age of at least a week. */
export function judgeMtaStsPolicySyntax(input: MtaStsPolicyInput): Verdict {
  if (input.policy === undefined) return notApplicable(`${input.domain} serves no MTA-STS policy`);
  const p = parseMtaStsPolicy(input.policy);
  if (p.errors.length > 0) return judged("mtasts.policy_syntax", "invalid", [`the MTA-STS policy of ${input.domain} is invalid: ${p.errors[0] ?? ""}`]);
  if (p.policy.mode === "testing") return judged("mtasts.policy_syntax", "testing", [`the MTA-STS policy of ${input.domain} is in testing mode: senders report but still deliver without TLS`]);
  if (p.policy.mode === "none") return judged("mtasts.policy_syntax", "weak", [`the MTA-STS policy of ${input.domain} is mode none: it protects nothing`]);
  const maxAge = p.policy.maxAge ?? 0;
  if (maxAge < 86_400) return judged("mtasts.policy_syntax", "weak", [`the MTA-STS policy of ${input.domain} has max_age ${maxAge}, under a day: senders drop the policy almost at once`]);
  if (maxAge < 604_800) return judged("mtasts.policy_syntax", "weak", [`the MTA-STS policy of ${input.domain} has max_age ${maxAge}, under the recommended week (604800)`]);
  // A field written twice: only the first is read (RFC 8461 §3.2), so the policy may not say what its author meant.
  if (p.warnings.length > 0) return judged("mtasts.policy_syntax", "weak", [`the MTA-STS policy of ${input.domain} is valid but ${p.warnings[0] ?? ""}`]);
  return judged("mtasts.policy_syntax", "valid", [`the MTA-STS policy of ${input.domain} is valid: mode ${p.policy.mode ?? ""}, max_age ${p.policy.maxAge ?? 0}`]);
}

export interface MtaStsCoverageInput extends MtaStsPolicyInput {
  /** The domain's MX hosts. */
  readonly mx: readonly string[];
}

export function judgeMtaStsMxCoverage(input: MtaStsCoverageInput): Verdict {
  if (input.policy === undefined) return notApplicable(`${input.domain} serves no MTA-STS policy`);
  const p = parseMtaStsPolicy(input.policy);
  if (p.errors.length > 0 || p.policy.mode === undefined) return notApplicable("the policy is invalid (see mtasts.policy_syntax)");
  if (p.policy.mode === "none") return notApplicable("the policy mode is none: no MX is constrained");
  if (input.mx.length === 0) return notApplicable(`${input.domain} has no MX host to match`);
  const c = mxCoverage(input.mx, p.policy.mx);
  if (c.uncovered.length > 0 && p.policy.mode === "enforce") return judged("mtasts.mx_coverage", "uncovered-enforce", [`MX ${c.uncovered.join(", ")} is not matched by the enforcing policy: senders refuse to deliver to it`]);
  if (c.uncovered.length > 0) return judged("mtasts.mx_coverage", "uncovered-testing", [`MX ${c.uncovered.join(", ")} is not matched by the policy (testing now; mail would bounce under enforce)`]);
  return judged("mtasts.mx_coverage", "covered", [`every MX of ${input.domain} matches the policy (${c.covered.map((x) => x.host).join(", ")})`]);
}

export interface MtaStsFetchInput {
  readonly domain: string;
  /** What a sender's fetch of https://mta-sts.<domain>/.well-known/mta-sts.txt gets. */
  readonly fetch:
    | { readonly kind: "served"; readonly status: number; readonly contentType: string; readonly by: string }
    | { readonly kind: "redirected"; readonly to: string; readonly by: string }
    /** No HTTP answer a sender can use (after apply): the host does not resolve, its certificate is invalid, TLS is refused. */
    | { readonly kind: "unreachable"; readonly reason: string }
    | { readonly kind: "unknown"; readonly reason: string }
    | { readonly kind: "none" };
}

/** RFC 8461 §3.3: HTTPS, 200, `text/plain`, and no redirect followed. */
export function judgeMtaStsPolicyFetch(input: MtaStsFetchInput): Verdict {
  const f = input.fetch;
  const url = `https://mta-sts.${input.domain}/.well-known/mta-sts.txt`;
  switch (f.kind) {
    case "none":
      return notApplicable(`${input.domain} announces no MTA-STS policy`);
    case "unknown":
      return cannotTell(f.reason);
    case "unreachable":
      return judged("mtasts.policy_fetch", "unavailable", [`${url} cannot be fetched: ${f.reason}`]);
    case "redirected":
      return judged("mtasts.policy_fetch", "redirected", [`${url} redirects to ${f.to} (${f.by}): senders must not follow redirects (RFC 8461 §3.3)`]);
    case "served":
      if (f.status !== 200) return judged("mtasts.policy_fetch", "unavailable", [`${url} answers ${f.status} (${f.by})`]);
      if (!/^text\/plain(?:;|$)/i.test(f.contentType.trim())) return judged("mtasts.policy_fetch", "wrong-type", [`${url} is served as ${f.contentType}, not text/plain (${f.by})`]);
      return judged("mtasts.policy_fetch", "served", [`${url} is served directly as ${f.contentType} (${f.by})`]);
  }
}
