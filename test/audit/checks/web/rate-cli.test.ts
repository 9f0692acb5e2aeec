/**
 * `launch-ready audit --probe rate --stack S` end to end: the stack file plans login at 5 per 10 s on a Business
 * zone; the lab's good.test enforces it (429 at request 6) and looserate.test only after 15 requests, so the
 * command confirms the first and fails the second, naming the planned limit.
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { tempDir } from "../../../helpers/temp-dir";
import { dnsLabAvailable, startDnsLab, type DnsLab } from "../../lab/dns";
import { labPkiAvailable } from "../../lab/pki";
import { startWebLab, type WebLab } from "../../lab/web/server";

const ROOT = path.resolve(__dirname, "../../../..");
const BIN = path.join(ROOT, "bin/launch-ready.js");
const DOMAINS = ["good.test", "looserate.test"];

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, "audit", ...args], { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === "number" ? err.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

const REPORT = z.object({
  domains: z.array(z.object({ domain: z.string(), checks: z.array(z.object({ id: z.string(), status: z.string(), summary: z.string() })) })),
});

const STACK = `config:
  launch-ready:domains:
${DOMAINS.map((d) => `    - name: ${d}
      cloudflare:
        plan: business
      rateLimits: [login]`).join("\n")}
`;

describe.runIf(labPkiAvailable() && dnsLabAvailable())("launch-ready audit --probe rate --stack", () => {
  let web: WebLab;
  let dns: DnsLab;
  const stacks = tempDir("rate-stack");
  let caFile: string;
  beforeAll(async () => {
    web = await startWebLab();
    dns = await startDnsLab(
      DOMAINS.map((d) => ({ origin: d, dnssec: "unsigned" as const, records: [`${d}. 300 IN A 127.0.0.1`, `www.${d}. 300 IN A 127.0.0.1`, `app.${d}. 300 IN A 127.0.0.1`] })),
    );
    caFile = path.join(web.pki.dir, "lab-root.pem");
    await writeFile(caFile, web.rootPem);
    stacks.write("Pulumi.lab.yaml", STACK);
  });
  afterAll(async () => {
    await dns?.stop();
    await web?.close();
    stacks.cleanup();
  });

  it("confirms the planned limit where it is enforced and fails where it is not", async () => {
    const r = await cli([...DOMAINS, "--json", "--probe", "rate", "--stack", "lab", "--stacks-dir", stacks.dir, "--resolver", dns.address, ...web.connectToArgs, "--ca", caFile, "--timeout", "4000"]);
    const report = REPORT.parse(JSON.parse(r.stdout));
    const login = (domain: string) => report.domains.find((d) => d.domain === domain)?.checks.find((c) => c.id === "rate.login");
    expect(login("good.test"), r.stderr).toMatchObject({ status: "pass", summary: expect.stringMatching(/429 at request 6 .*\(planned: 5 per 10 s\)/) });
    expect(login("looserate.test"), r.stderr).toMatchObject({ status: "fail", summary: expect.stringMatching(/more than the planned limit \(planned: 5 per 10 s\)/) });
    expect(r.code).toBe(1);
  });
});
