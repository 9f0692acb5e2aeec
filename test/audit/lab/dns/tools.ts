/** Finds the lab's Debian tools; says what is missing and how to install it. */
import { accessSync, constants } from "node:fs";
import path from "node:path";

const SEARCH = [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

export function findTool(name: string): string | undefined {
  for (const dir of SEARCH) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

export const DNS_LAB_APT = "apt-get install -y --no-install-recommends knot knot-dnsutils knot-dnssecutils unbound";

/** The tools the DNS lab needs that are not installed. */
export function missingDnsLabTools(opts: { validatingResolver?: boolean } = {}): string[] {
  const needed = ["knotd", "keymgr", ...(opts.validatingResolver ? ["unbound"] : [])];
  return needed.filter((t) => findTool(t) === undefined);
}

let warned = false;

/**
 * Whether lab suites can run. Missing tools skip the suites on a developer's machine with one clear message, and
 * fail loudly in CI (`CI` set), where a skipped lab would be a silent pass.
 */
export function dnsLabAvailable(opts: { validatingResolver?: boolean } = {}): boolean {
  const missing = missingDnsLabTools(opts);
  if (missing.length === 0) return true;
  const message = `DNS lab: ${missing.join(", ")} not installed, so the Knot/unbound lab suites are skipped. Install with: ${DNS_LAB_APT}`;
  if (process.env.CI) throw new Error(`${message} (CI is set: the lab must run in CI)`);
  if (!warned) {
    warned = true;
    process.stderr.write(`${message}\n`);
  }
  return false;
}
