/** Whether the `openssl` CLI the lab PKI needs is installed; skip with one clear message locally, fail in CI. */
import { spawnSync } from "node:child_process";

export const PKI_APT = "apt-get install -y --no-install-recommends openssl";

let answer: boolean | undefined;

export function labPkiAvailable(): boolean {
  if (answer !== undefined) return answer;
  const found = spawnSync("openssl", ["version"], { encoding: "utf8" }).status === 0;
  if (!found) {
    const message = `Web/TLS lab: the openssl CLI is not installed, so the HTTPS lab suites are skipped. Install with: ${PKI_APT}`;
    if (process.env.CI) throw new Error(`${message} (CI is set: the lab must run in CI)`);
    process.stderr.write(`${message}\n`);
  }
  answer = found;
  return found;
}
