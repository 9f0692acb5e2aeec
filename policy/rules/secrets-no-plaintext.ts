import { failWith, notApplicable, pass, type PlanRule, type Violation } from "../rule";
import type { PlannedResource } from "../resource";

/** Input names that carry credentials in the Cloudflare, AWS and random providers. */
const SECRET_NAME = /(password|passphrase|secret(string|value|binary)?$|token$|api_?key|private_?key|credential)/i;

/**
 * Secret-looking inputs must be secret: in the offline preview we see which inputs are secret; under CrossGuard
 * secrets are unwrapped before policies run, so there the input must at least be computed from another resource
 * (a generated secret) rather than be a literal in the program.
 */
export const secretsNoPlaintext: PlanRule = {
  id: "secrets.no_plaintext",
  evaluate(resources) {
    const violations: Violation[] = [];
    let checked = 0;
    for (const r of resources) {
      for (const [key, value] of Object.entries(r.inputs)) {
        if (!SECRET_NAME.test(key) || typeof value !== "string" || value === "") continue;
        checked++;
        if (!isProtected(r, key)) {
          violations.push({
            urn: r.urn,
            message: `${r.name}.${key} is planned as plaintext: it would be stored readable in the Pulumi state and shown in previews. Generate it (\`launch-ready:secrets\`) or set it with \`pulumi config set --secret\` and pass it as a secret.`,
          });
        }
      }
    }
    if (violations.length > 0) return failWith(violations);
    return checked === 0 ? notApplicable("No resource takes a secret-looking input.") : pass(`${checked} secret-looking input(s) are secret.`);
  },
};

function isProtected(r: PlannedResource, key: string): boolean {
  if (r.secretInputs !== undefined) return r.secretInputs.includes(key);
  return (r.propertyDependencies[key] ?? []).length > 0;
}
