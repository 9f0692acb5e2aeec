/** web.redirect_downgrade: no redirect goes from https:// to http:// (it exposes cookies and defeats HSTS). */
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { type Chain, downgradeHops } from "./chain";

export function judgeRedirectDowngrade(chains: readonly Chain[]): Verdict {
  if (chains.length === 0) return notApplicable("No start URL to follow.");
  const bad = chains.flatMap((c) => downgradeHops(c).map((h) => `${h.from} → ${h.to} (${h.status}${h.by !== undefined ? `, ${h.by}` : ""})${c.note !== undefined ? ` [${c.note}]` : ""}`));
  if (bad.length > 0) return judged("web.redirect_downgrade", "downgrade", [...new Set(bad)].map((b) => `https redirects to plain http: ${b}`));
  const answered = chains.filter((c) => c.hops.length > 0 || c.end.kind === "final");
  if (answered.length === 0) return cannotTell(`No redirect chain could be followed: ${chains.map((c) => `${c.start}: ${"reason" in c.end ? c.end.reason : c.end.kind}`).join("; ")}`);
  // A chain cut short may have gone on to a downgrade: no pass while one is unfinished.
  const cut = chains.flatMap((c) => (c.end.kind === "unknown" ? [`${c.start}: ${c.end.reason}`] : []));
  if (cut.length > 0) return cannotTell(`No downgrade seen, but these chains could not be followed to the end: ${[...new Set(cut)].join("; ")}`);
  return judged("web.redirect_downgrade", "none", [`No redirect among ${new Set(chains.map((c) => c.start)).size} start URL(s) goes from https:// to http://`]);
}
