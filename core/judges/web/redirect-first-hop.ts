/**
 * web.redirect_first_hop: every plain-http start's first redirect goes to https://, on the same host or the host the
 * site lands on (the canonical host). hstspreload.org asks the same host first for the apex; that is
 * hsts.preload_ready's business.
 */
import { judged, notApplicable, type Verdict } from "../../judge";
import { type Chain, describeChain, hostOf, scheme } from "./chain";
import { type Finding, worstOf } from "./findings";

export interface FirstHopInput {
  /** Chains from the http:// starts (others are ignored). */
  readonly chains: readonly Chain[];
  /** Where the site lands: the canonical host(s). */
  readonly canonicalHosts: readonly string[];
}

export function judgeRedirectFirstHop({ chains, canonicalHosts }: FirstHopInput): Verdict {
  const http = chains.filter((c) => scheme(c.start) === "http");
  if (http.length === 0) return notApplicable("No http:// start to follow.");
  const problems: Finding[] = [];
  const unknowns: string[] = [];
  for (const c of http) {
    const first = c.hops[0];
    if (first === undefined) {
      if (c.end.kind === "final") problems.push({ outcome: "no-redirect", fact: `${c.start} is answered over plain http${c.end.status !== undefined ? ` (status ${c.end.status})` : ""} with no redirect` });
      else if (c.end.kind === "failed") problems.push({ outcome: "no-answer", fact: `${c.start} does not answer (${c.end.reason}): visitors typing the bare name get an error` });
      else if (c.end.kind === "unknown") unknowns.push(`${c.start}: ${c.end.reason}`);
      continue;
    }
    const to = hostOf(first.to);
    if (scheme(first.to) !== "https") problems.push({ outcome: "plain-http", fact: `${describeChain(c)}: the first hop goes to plain ${first.to}` });
    else if (to !== hostOf(c.start) && !canonicalHosts.includes(to)) {
      problems.push({ outcome: "https-elsewhere", fact: `${describeChain(c)}: the first hop goes to ${first.to}, neither the same host nor ${canonicalHosts.join(" or ") || "the canonical host"}` });
    }
  }
  const order = ["plain-http", "no-redirect", "https-elsewhere", "no-answer"];
  problems.sort((a, b) => order.indexOf(a.outcome) - order.indexOf(b.outcome));
  const starts = [...new Set(http.map((c) => c.start))];
  return worstOf("web.redirect_first_hop", problems, unknowns, () =>
    judged("web.redirect_first_hop", "https", [`${starts.length} http:// start(s) (${starts.join(", ")}) redirect first to https:// on the same host or ${canonicalHosts.join(" or ")}`]),
  );
}
