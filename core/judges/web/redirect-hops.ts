/**
 * web.redirect_hops: every start reaches its final page in one redirect at most, with no loop (each extra hop is a
 * round trip on every first visit): 2–3 hops warn, more (or no end) and loops fail. A start on plain http must
 * redirect; a chain that redirects to a host that does not answer is broken; a redirect keeps the query, and the
 * path where no rule moves it on purpose.
 */
import { judged, notApplicable, type Verdict } from "../../judge";
import { type Chain, describeChain, scheme } from "./chain";
import { type Finding, worstOf } from "./findings";

export const MAX_GOOD_HOPS = 1;
export const MAX_TOLERATED_HOPS = 3;

/** A planned redirect rule that names hosts the edge never routes to it (not proxied): it can never run. */
export interface IdleRule {
  readonly ref: string;
  readonly zone: string;
  readonly hosts: readonly string[];
}

export interface HopsInput {
  readonly chains: readonly Chain[];
  readonly idleRules?: readonly IdleRule[];
}

const ORDER = ["loop", "too-many", "no-redirect", "broken", "query-lost", "path-lost", "rule-never-runs", "extra-hops"];

export function judgeRedirectHops({ chains, idleRules = [] }: HopsInput): Verdict {
  if (chains.length === 0 && idleRules.length === 0) return notApplicable("No start URL to follow.");
  const problems: Finding[] = [];
  const unknowns: string[] = [];
  let judgedChains = 0;
  for (const c of chains) {
    const n = c.hops.length;
    const e = c.end;
    const told = describeChain(c);
    if (e.kind === "loop") problems.push({ outcome: "loop", fact: `${told}: loops back to ${e.url}` });
    else if (e.kind === "too-many" || n > MAX_TOLERATED_HOPS) problems.push({ outcome: "too-many", fact: `${told}: ${n} hops` });
    else if (e.kind === "unknown") unknowns.push(`${c.start}: ${e.reason}`);
    else if (e.kind === "failed") {
      // An https start that fails before any redirect is web.https's finding, not a redirect's.
      if (n === 0 && scheme(c.start) === "https") continue;
      problems.push({ outcome: "broken", fact: n === 0 ? `${c.start} does not answer: ${e.reason}` : `${told}: ${e.url} does not answer` });
    } else if (n === 0 && scheme(c.start) === "http" && scheme(e.url) === "http") {
      problems.push({ outcome: "no-redirect", fact: `${c.start} is answered over plain http${e.status !== undefined ? ` (status ${e.status})` : ""} without a redirect` });
    } else {
      if (n > MAX_GOOD_HOPS) problems.push({ outcome: "extra-hops", fact: `${told}: ${n} hops` });
      if (n > 0) pathAndQuery(c, e.url, told, problems);
    }
    judgedChains++;
  }
  for (const r of idleRules) {
    problems.push({ outcome: "rule-never-runs", fact: `redirect rule \`${r.ref}\` matches ${r.hosts.join(", ")}, which ${r.hosts.length === 1 ? "is" : "are"} not a proxied host of ${r.zone}, so it never runs there` });
  }
  problems.sort((a, b) => ORDER.indexOf(a.outcome) - ORDER.indexOf(b.outcome));
  const starts = new Set(chains.map((c) => c.start));
  return worstOf("web.redirect_hops", problems, unknowns, () =>
    judgedChains === 0 ? notApplicable("No chain got past its first request (see web.https).") : judged("web.redirect_hops", "one-hop", [`${starts.size} start URL(s) reach their page in at most one redirect`]),
  );
}

function pathAndQuery(c: Chain, final: string, told: string, problems: Finding[]): void {
  let start: URL;
  let end: URL;
  try {
    start = new URL(c.start);
    end = new URL(final);
  } catch {
    return;
  }
  if (start.search !== end.search) problems.push({ outcome: "query-lost", fact: `${told}: the query string ${start.search || "(none)"} becomes ${end.search || "(none)"}` });
  else if (c.pathShouldStay === true && start.pathname !== end.pathname) problems.push({ outcome: "path-lost", fact: `${told}: the path ${start.pathname} becomes ${end.pathname}` });
}
