/**
 * The web checks through the real `launch-ready audit` binary: `--resolver` pointing at the Knot lab (which
 * publishes the lab names at 127.0.0.1), `--connect-to` pointing ports 443/80 at the web lab and `--ca` trusting
 * its root: the pre-production scan a user runs, proving SNI and Host survive the rewrite.
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { dnsLabAvailable, startDnsLab, type DnsLab } from "../../lab/dns";
import { labPkiAvailable } from "../../lab/pki";
import { startWebLab, type WebLab } from "../../lab/web/server";

const ROOT = path.resolve(__dirname, "../../../..");
const BIN = path.join(ROOT, "bin/launch-ready.js");

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, "audit", ...args], { cwd: ROOT, timeout: 90_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === "number" ? err.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

const REPORT = z.object({ domains: z.array(z.object({ domain: z.string(), checks: z.array(z.object({ id: z.string(), status: z.string() })) })) });

const DOMAINS = ["good.test", "mixed.test", "expired.test"];

describe.runIf(labPkiAvailable() && dnsLabAvailable())("launch-ready audit with --connect-to and --ca on the web lab", () => {
  let web: WebLab;
  let dns: DnsLab;
  let caFile: string;
  beforeAll(async () => {
    web = await startWebLab();
    dns = await startDnsLab(
      DOMAINS.map((d) => ({
        origin: d,
        dnssec: "unsigned" as const,
        records: [`${d}. 300 IN A 127.0.0.1`, `www.${d}. 300 IN A 127.0.0.1`, `app.${d}. 300 IN A 127.0.0.1`],
      })),
    );
    caFile = path.join(web.pki.dir, "lab-root.pem");
    await writeFile(caFile, web.rootPem);
  });
  afterAll(async () => {
    await dns?.stop();
    await web?.close();
  });

  it("reaches each verdict through the command line, in the JSON contract", async () => {
    const r = await cli([
      ...DOMAINS,
      "--json",
      "--resolver", dns.address,
      ...web.connectToArgs,
      "--ca", caFile,
      "--timeout", "4000",
    ]);
    const report = REPORT.parse(JSON.parse(r.stdout));
    const status = (domain: string, id: string) => report.domains.find((d) => d.domain === domain)?.checks.find((c) => c.id === id)?.status;
    expect({
      good: ["web.https", "web.redirect_hops", "hsts.present", "tls.cert_valid", "hdr.csp", "cookie.secure", "web.mixed_content"].map((id) => status("good.test", id)),
      mixed: status("mixed.test", "web.mixed_content"),
      expired: [status("expired.test", "tls.cert_valid"), status("expired.test", "tls.cert_expiry")],
      rate: status("good.test", "rate.login"),
    }, r.stderr).toEqual({
      good: ["pass", "pass", "pass", "pass", "pass", "pass", "pass"],
      mixed: "fail",
      expired: ["fail", "fail"],
      rate: "skip",
    });
    expect(r.code).toBe(1); // fails present → exit 1 (cli/exit-codes.ts)
  });
});
