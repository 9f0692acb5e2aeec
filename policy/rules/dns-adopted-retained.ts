import { failWith, notApplicable, pass, type PlanRule } from "../rule";

/**
 * Resources adopted by import (existing records, an existing redirect entrypoint) are kept on delete. CrossGuard
 * does not show `import` or `retainOnDelete` to policies: there this rule cannot decide and says so, never a pass.
 */
export const dnsAdoptedRetained: PlanRule = {
  id: "dns.adopted_retained",
  evaluate(resources) {
    const cloudflare = resources.filter((r) => r.type.startsWith("cloudflare:"));
    if (cloudflare.length === 0) return notApplicable("The stack manages no Cloudflare resources.");
    if (cloudflare.some((r) => r.options.retainOnDelete === undefined)) {
      return notApplicable("This runner does not show `import`/`retainOnDelete` to policies (CrossGuard); the offline preview (`launch-ready preview`) checks it.");
    }
    const adopted = cloudflare.filter((r) => r.options.importId !== undefined);
    if (adopted.length === 0) return notApplicable("Nothing is adopted: every Cloudflare resource is created by the stack.");
    const loose = adopted.filter((r) => r.options.retainOnDelete !== true);
    if (loose.length > 0) {
      return failWith(
        loose.map((r) => ({
          urn: r.urn,
          message: `${r.name} is adopted (import ${String(r.options.importId)}) but not kept on delete: \`pulumi destroy\` or removing it from config would delete a record the toolkit did not create. Give it \`retainOnDelete: true\`.`,
        })),
      );
    }
    return pass(`${adopted.length} adopted resource(s) are kept on delete.`, adopted.map((r) => r.urn));
  },
};
