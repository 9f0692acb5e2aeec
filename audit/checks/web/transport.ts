/**
 * web.https, web.redirect_first_hop, web.redirect_hops, web.redirect_downgrade: the observed chains, judged by the
 * same judges as the chains the plan rules predict (`core/judges/web`).
 */
import { judgeRedirectDowngrade, judgeRedirectFirstHop, judgeRedirectHops, judgeWebHttps } from "../../../core/judges/web";
import { describeChain } from "../../../core/http/redirect-chain";
import type { AuditCheckModule, CheckResult } from "../../types";
import { fromVerdict } from "../verdict";
import type { Followed } from "./follow";
import { apexHttps, observedChain, wwwHttps } from "./observed";
import { webSnapshot, type WebSnapshot } from "./snapshot";

function webHttps(s: WebSnapshot): CheckResult {
  const evidence = { apex: describeChain(s.httpsApex.chain), www: s.httpsWww ? describeChain(s.httpsWww.chain) : `www: ${s.wwwDns.kind}` };
  return fromVerdict("web.https", judgeWebHttps({ apex: apexHttps(s), www: wwwHttps(s) }), evidence);
}

/** The http:// starting points that exist: the apex always, www when it has an address. */
function httpStarts(s: WebSnapshot): Followed[] {
  return s.httpWww ? [s.httpApex, s.httpWww] : [s.httpApex];
}

/** The https:// starts: the apex, and www when it has an address. */
function httpsStarts(s: WebSnapshot): Followed[] {
  return s.httpsWww ? [s.httpsApex, s.httpsWww] : [s.httpsApex];
}

function evidenceOf(chains: readonly Followed[]) {
  return Object.fromEntries(chains.map((f) => [f.chain.start, describeChain(f.chain)]));
}

function firstHopCheck(s: WebSnapshot): CheckResult {
  const starts = httpStarts(s);
  return fromVerdict("web.redirect_first_hop", judgeRedirectFirstHop({ chains: starts.map(observedChain), canonicalHosts: [s.canonical] }), evidenceOf(starts));
}

function hopsCheck(s: WebSnapshot): CheckResult {
  const starts = [...httpStarts(s), ...httpsStarts(s)];
  return fromVerdict("web.redirect_hops", judgeRedirectHops({ chains: starts.map(observedChain) }), evidenceOf(starts));
}

function downgradeCheck(s: WebSnapshot): CheckResult {
  const chains = [s.httpApex, s.httpWww, s.httpsApex, s.httpsWww, s.pageChain].filter((f): f is Followed => f !== undefined);
  return fromVerdict("web.redirect_downgrade", judgeRedirectDowngrade(chains.map(observedChain)), evidenceOf(chains));
}

export const transportModule: AuditCheckModule = {
  ids: ["web.https", "web.redirect_first_hop", "web.redirect_hops", "web.redirect_downgrade"],
  async run(target, ctx) {
    const s = await webSnapshot(target, ctx);
    return [webHttps(s), firstHopCheck(s), hopsCheck(s), downgradeCheck(s)];
  },
};
