/** web.https, web.redirect_first_hop, web.redirect_hops, web.redirect_downgrade: HTTPS reachability and redirects. */
import { describeChain, downgrades, firstHop } from "../../../core/http/redirect-chain";
import type { AuditCheckModule, CheckResult } from "../../types";
import type { Followed } from "./follow";
import { failureStatus, result } from "./result";
import { webSnapshot, type WebSnapshot } from "./snapshot";

function webHttps(s: WebSnapshot): CheckResult {
  const apexFirst = s.httpsApex.responses[0];
  const evidence = { apex: describeChain(s.httpsApex.chain), www: s.httpsWww ? describeChain(s.httpsWww.chain) : `www: ${s.wwwDns.kind}` };
  if (!apexFirst) {
    const reason = s.httpsApex.error ?? "no response";
    const status = failureStatus(reason);
    return result("web.https", status, status === "fail" ? `${s.apex} does not answer over HTTPS: ${reason}` : `Could not tell whether ${s.apex} answers over HTTPS: ${reason}`, evidence);
  }
  if (s.wwwDns.kind === "error") return result("web.https", "error", `${s.apex} answers over HTTPS; could not look up ${s.www}: ${s.wwwDns.reason}`, evidence);
  if (s.wwwDns.kind === "absent") return result("web.https", "warn", `${s.apex} answers over HTTPS; ${s.www} has no address, so links to it fail`, evidence);
  if (s.httpsWww && s.httpsWww.responses.length === 0) {
    const reason = s.httpsWww.error ?? "no response";
    const status = failureStatus(reason) === "fail" ? "warn" : "error";
    return result("web.https", status, `${s.apex} answers over HTTPS; ${s.www} does not: ${reason}`, evidence);
  }
  return result("web.https", "pass", `${s.apex} and ${s.www} answer over HTTPS`, evidence);
}

/** The http:// starting points that exist: the apex always, www when it has an address. */
function httpStarts(s: WebSnapshot): Followed[] {
  return s.httpWww ? [s.httpApex, s.httpWww] : [s.httpApex];
}

function firstHopCheck(s: WebSnapshot): CheckResult {
  const evidence = Object.fromEntries(httpStarts(s).map((f) => [f.chain.start, describeChain(f.chain)]));
  const problems: string[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  for (const f of httpStarts(s)) {
    const v = firstHop(f.chain, s.canonical);
    if (v === undefined) {
      const reason = f.error ?? "no answer";
      if (failureStatus(reason) === "error") errors.push(`${f.chain.start}: ${reason}`);
      else warnings.push(`${f.chain.start} does not answer (${reason}): visitors typing the bare name get an error`);
    } else if (v.kind === "http") problems.push(`${f.chain.start} redirects to plain ${v.location}`);
    else if (v.kind === "no-redirect") problems.push(`${f.chain.start} serves content over plain HTTP (status ${v.status}) instead of redirecting`);
    else if (v.kind === "https-elsewhere") warnings.push(`${f.chain.start} redirects to ${v.location}, neither the same host nor ${s.canonical}`);
  }
  if (problems.length > 0) return result("web.redirect_first_hop", "fail", problems.join("; "), evidence);
  if (errors.length > 0) return result("web.redirect_first_hop", "error", `Could not follow: ${errors.join("; ")}`, evidence);
  if (warnings.length > 0) return result("web.redirect_first_hop", "warn", warnings.join("; "), evidence);
  return result("web.redirect_first_hop", "pass", `The first redirect from http:// goes to https:// on the same host or ${s.canonical}`, evidence);
}

function hopsCheck(s: WebSnapshot): CheckResult {
  const evidence = Object.fromEntries(httpStarts(s).map((f) => [f.chain.start, describeChain(f.chain)]));
  let worst: "pass" | "warn" | "fail" | "error" = "pass";
  const notes: string[] = [];
  const rank = { pass: 0, warn: 1, error: 2, fail: 3 } as const;
  const note = (st: "pass" | "warn" | "fail" | "error", text: string) => {
    if (rank[st] > rank[worst]) worst = st;
    notes.push(text);
  };
  for (const f of httpStarts(s)) {
    const n = f.chain.hops.length;
    const end = f.chain.end;
    if (end.kind === "loop") note("fail", `${f.chain.start} loops back to ${end.url}`);
    else if (end.kind === "too-many") note("fail", `${f.chain.start} still redirects after ${end.limit} hops`);
    else if (end.kind === "error") note(n > 3 ? "fail" : failureStatus(end.reason) === "error" ? "error" : "fail", `${f.chain.start}: ${n} hop(s), then ${end.reason}`);
    else if (n === 0) note("fail", `${f.chain.start} does not redirect (status ${end.status})`);
    else if (n > 3) note("fail", `${f.chain.start} takes ${n} hops to reach ${end.url}`);
    else if (n > 1) note("warn", `${f.chain.start} takes ${n} hops to reach ${end.url}`);
    else note("pass", `${f.chain.start} reaches ${end.url} in one hop`);
  }
  return result("web.redirect_hops", worst, notes.join("; "), evidence);
}

function downgradeCheck(s: WebSnapshot): CheckResult {
  const chains = [s.httpApex, s.httpWww, s.httpsApex, s.httpsWww, s.pageChain].filter((f): f is Followed => f !== undefined);
  const evidence = Object.fromEntries(chains.map((f) => [f.chain.start, describeChain(f.chain)]));
  const bad = chains.flatMap((f) => downgrades(f.chain)).map((h) => `${h.status} ${h.url} → ${h.location ?? ""}`);
  if (bad.length > 0) return result("web.redirect_downgrade", "fail", `HTTPS redirects back to plain HTTP: ${[...new Set(bad)].join("; ")}`, evidence);
  if (chains.every((f) => f.responses.length === 0)) {
    return result("web.redirect_downgrade", "error", `No redirect chain could be fetched: ${chains.map((f) => f.error ?? "").join("; ")}`, evidence);
  }
  // A chain cut by a timeout or reset may have gone on to a downgrade: no pass while one is unfinished.
  const cut = chains.flatMap((f) => (f.error !== undefined && failureStatus(f.error) === "error" ? [`${f.chain.start}: ${f.error}`] : []));
  if (cut.length > 0) return result("web.redirect_downgrade", "error", `No downgrade seen, but these chains could not be followed to the end: ${[...new Set(cut)].join("; ")}`, evidence);
  return result("web.redirect_downgrade", "pass", "No redirect goes from https:// to http://", evidence);
}

export const transportModule: AuditCheckModule = {
  ids: ["web.https", "web.redirect_first_hop", "web.redirect_hops", "web.redirect_downgrade"],
  async run(target, ctx) {
    const s = await webSnapshot(target, ctx);
    return [webHttps(s), firstHopCheck(s), hopsCheck(s), downgradeCheck(s)];
  },
};
