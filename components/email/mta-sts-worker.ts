/**
 * The Worker that serves a domain's MTA-STS policy at `https://mta-sts.<domain>/.well-known/mta-sts.txt`
 * (RFC 8461 §3.3): the policy text as `text/plain`, status 200, no redirect; any other path is a plain 404. The
 * policy is embedded in the script, so a policy change is a new script and, with it, a new `id` in `_mta-sts`.
 */

/** RFC 8461 §3.3: the policy's path on the `mta-sts` host. */
export const MTA_STS_PATH = "/.well-known/mta-sts.txt";

/** The ES module the Worker runs (module syntax: `mainModule` names it). */
export function mtaStsWorkerScript(policy: string): string {
  return [
    `const POLICY = ${JSON.stringify(policy)};`,
    `const PATH = ${JSON.stringify(MTA_STS_PATH)};`,
    "export default {",
    "  async fetch(request) {",
    "    const url = new URL(request.url);",
    "    if (url.pathname === PATH && (request.method === \"GET\" || request.method === \"HEAD\")) {",
    "      return new Response(request.method === \"HEAD\" ? null : POLICY, { status: 200, headers: { \"content-type\": \"text/plain; charset=utf-8\", \"cache-control\": \"max-age=300\" } });",
    "    }",
    "    return new Response(\"not found\\n\", { status: 404, headers: { \"content-type\": \"text/plain; charset=utf-8\" } });",
    "  },",
    "};",
    "",
  ].join("\n");
}

/** The Worker's name: one per domain in the account. */
export function mtaStsWorkerName(domain: string): string {
  return `launch-ready-mta-sts-${domain.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`.slice(0, 63);
}
