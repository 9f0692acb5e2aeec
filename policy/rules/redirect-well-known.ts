import { parseRule, type ParsedRule } from "../../core/edge/redirect-sim";
import { WELL_KNOWN_PREFIX } from "../../core/edge/redirects";
import { cannotTell, failWith, notApplicable, pass, type PlanRule, type Violation } from "../rule";
import { EDGE_TYPES, REDIRECT_PHASE, simRulesOf } from "./support/edge";

type Atom = Extract<ParsedRule, { ok: true }>["atoms"][number];

/**
 * No redirect rule can match a `/.well-known/` path: certificate validation (ACME HTTP-01, Cloudflare's HTTP DCV,
 * whose troubleshooting page says redirect rules must exclude `/.well-known/*`) fetches it over plain http on the
 * host itself, so a redirect there (to https, or to another host) can stop certificates from renewing. A rule is
 * exempt when one of its conditions rules the prefix out: `not starts_with(http.request.uri.path, "/.well-known/")`,
 * or an exact path or a prefix elsewhere. A rule the simulator cannot read is "cannot tell", never a pass.
 */
export const redirectWellKnown: PlanRule = {
  id: "redirect.well_known_exempt",
  evaluate(resources) {
    const rulesets = resources.filter((r) => r.type === EDGE_TYPES.ruleset && r.inputs["phase"] === REDIRECT_PHASE);
    if (rulesets.length === 0) return notApplicable("The stack plans no redirect ruleset.");
    const violations: Violation[] = [];
    const unreadable: string[] = [];
    let count = 0;
    for (const r of rulesets) {
      for (const rule of simRulesOf(r)) {
        count++;
        const parsed = parseRule(rule);
        if (!parsed.ok) unreadable.push(`${r.name} rule \`${rule.ref}\`: ${parsed.reason}`);
        else if (!parsed.atoms.some(excludesWellKnown)) {
          violations.push({ urn: r.urn, message: `${r.name}: rule \`${rule.ref}\` (\`${rule.expression}\`) also redirects ${WELL_KNOWN_PREFIX} paths, where certificate validation must reach the host over plain http` });
        }
      }
    }
    if (violations.length > 0) return failWith(violations);
    if (unreadable.length > 0) return cannotTell(`Cannot tell whether these rules leave ${WELL_KNOWN_PREFIX} alone: ${unreadable.join("; ")}`);
    return pass(`All ${count} redirect rule(s) leave ${WELL_KNOWN_PREFIX} alone (certificate validation reaches the host over plain http).`, rulesets.map((r) => r.urn));
  },
};

function excludesWellKnown(a: Atom): boolean {
  switch (a.kind) {
    case "path-prefix":
      // `not starts_with(path, p)` with p a prefix of /.well-known/, or `starts_with(path, p)` elsewhere.
      return a.negate ? WELL_KNOWN_PREFIX.startsWith(a.prefix) : !a.prefix.startsWith(WELL_KNOWN_PREFIX) && !WELL_KNOWN_PREFIX.startsWith(a.prefix);
    case "path-eq":
      return !a.path.startsWith(WELL_KNOWN_PREFIX);
    default:
      return false;
  }
}
