import { describe, expect, it } from "vitest";
import type { CheckId } from "../../checklist";
import { mapAt, runStack, stackVariant } from "./support/run-stack";

/** Runs a variant and returns the verdict of one check (or several), with the config warnings. */
async function checksOf(variant: string, ids: readonly CheckId[], edit: (domains: unknown[]) => void) {
  const { report, scorecard } = await runStack(stackVariant("example", variant, edit), true);
  const checks = Object.fromEntries(ids.map((id) => [id, scorecard.checks.find((c) => c.id === id)]));
  return { checks, warnings: report.warnings, blocked: scorecard.blocked };
}

async function checkOf(variant: string, id: CheckId, edit: (domains: unknown[]) => void) {
  const { checks, warnings, blocked } = await checksOf(variant, [id], edit);
  return { check: checks[id], warnings, blocked };
}

/** Config validation predicts no verdict: only the judges speak, once, in the scorecard. */
const predictions = (warnings: readonly { message: string }[]) => warnings.filter((w) => /check will fail|two hops|hsts\.|web\.redirect/.test(w.message));

describe("mutating the example stack makes the matching edge check speak, stating facts (the fix is the checklist's)", () => {
  it("HSTS max-age 300 → hsts.max_age fails, with no fix text in the message and no config prediction", async () => {
    const { check, warnings, blocked } = await checkOf("hsts-300", "hsts.max_age", (d) => {
      mapAt(d, 0, "web", "hsts")["maxAgeSeconds"] = 300;
    });
    expect(check).toMatchObject({ status: "fail", message: expect.stringMatching(/max-age=300/), remediation: expect.stringMatching(/31536000/) });
    expect(check?.message).not.toMatch(/Set `|maxAgeSeconds/);
    expect(predictions(warnings)).toEqual([]);
    expect(blocked).toBe(true);
  });

  it("HSTS max-age of half a year only warns, as it does live", async () => {
    const { check, blocked } = await checkOf("hsts-half", "hsts.max_age", (d) => {
      mapAt(d, 0, "web", "hsts")["maxAgeSeconds"] = 15552000;
    });
    expect(check).toMatchObject({ status: "warn", message: expect.stringMatching(/max-age=15552000/) });
    expect(blocked).toBe(false);
  });

  it("includeSubdomains off → hsts.include_subdomains warns (not blocks), as it does live", async () => {
    const { check, blocked } = await checkOf("no-isd", "hsts.include_subdomains", (d) => {
      mapAt(d, 0, "web", "hsts")["includeSubdomains"] = false;
    });
    expect(check).toMatchObject({ status: "warn", message: expect.stringMatching(/includeSubDomains is not set/) });
    expect(blocked).toBe(false);
  });

  it("ssl: flexible → tls.ssl_strict fails; config accepts it without predicting the verdict", async () => {
    const { check, warnings } = await checkOf("ssl-flexible", "tls.ssl_strict", (d) => {
      mapAt(d, 0, "web")["ssl"] = "flexible";
    });
    expect(check).toMatchObject({ status: "fail", message: expect.stringMatching(/SSL mode is `flexible`/) });
    expect(warnings.map((w) => w.path)).not.toContain("launch-ready:domains[0].web.ssl");
  });

  it("ssl: off → no HTTPS at all: web.https fails and no hsts check passes", async () => {
    const ids = ["web.https", "hsts.present", "hsts.max_age", "hsts.include_subdomains", "hsts.preload_ready", "web.redirect_downgrade"] as const;
    const { checks, blocked } = await checksOf("ssl-off", ids, (d) => {
      mapAt(d, 0, "web")["ssl"] = "off";
    });
    expect(checks["web.https"]).toMatchObject({ status: "fail", message: expect.stringMatching(/acme\.example answers HTTPS only with a redirect to plain http:\/\/acme\.example\//) });
    expect(checks["hsts.present"]).toMatchObject({ status: "fail", message: expect.stringMatching(/serves no HTTPS response/) });
    for (const id of ["hsts.max_age", "hsts.include_subdomains", "hsts.preload_ready"] as const) expect(checks[id]?.status).toBe("not-applicable");
    expect(checks["web.redirect_downgrade"]?.status).toBe("fail");
    expect(blocked).toBe(true);
  });

  it("www canonical with no alias → the apex answers nothing: web.https fails", async () => {
    const { check } = await checkOf("www-only", "web.https", (d) => {
      const w = mapAt(d, 0, "web");
      w["canonicalHost"] = "www.acme.example";
      w["aliases"] = [];
    });
    expect(check).toMatchObject({ status: "fail", message: expect.stringMatching(/acme\.example has no address/) });
  });

  it("a legacy path redirected to http:// → web.redirect_downgrade and web.redirect_first_hop fail", async () => {
    const { checks, warnings } = await checksOf("http-target", ["web.redirect_downgrade", "web.redirect_first_hop"], (d) => {
      mapAt(d, 0, "web")["legacyPaths"] = [{ from: "/pricing.html", to: "http://acme.example/pricing" }];
    });
    expect(checks["web.redirect_downgrade"]).toMatchObject({ status: "fail", message: expect.stringMatching(/https:\/\/acme\.example\/pricing\.html\S* → http:\/\/acme\.example\/pricing/) });
    expect(checks["web.redirect_first_hop"]).toMatchObject({ status: "fail", message: expect.stringMatching(/first hop goes to plain http:\/\/acme\.example\/pricing/) });
    expect(predictions(warnings)).toEqual([]);
  });

  it("a chain of two aliases (a legacy domain sent to an alias) → web.redirect_hops warns (2 hops), as it does live", async () => {
    const { check, warnings, blocked } = await checkOf("two-aliases", "web.redirect_hops", (d) => {
      d.push({ name: "acme-old.example", web: { redirectTo: "https://www.acme.example" } });
    });
    expect(check).toMatchObject({ status: "warn", message: expect.stringMatching(/acme-old\.example.* → https:\/\/www\.acme\.example\/.* → https:\/\/acme\.example\/.*: 2 hops/) });
    expect(predictions(warnings)).toEqual([]);
    expect(blocked).toBe(false);
  });

  it("preload with an unproxied web record → hsts.preload_ready names it (a warning, advisory)", async () => {
    const { check } = await checkOf("preload-plain", "hsts.preload_ready", (d) => {
      mapAt(d, 0, "web", "hsts")["maxAgeSeconds"] = 31536000;
      mapAt(d, 0, "web", "hsts")["preload"] = true;
      const dns = mapAt(d, 0, "dns");
      dns["records"] = [...(Array.isArray(dns["records"]) ? dns["records"] : []), { name: "legacy.acme.example", type: "A", content: "192.0.2.9" }];
    });
    expect(check).toMatchObject({ status: "warn", message: expect.stringMatching(/status\.acme\.example, legacy\.acme\.example are not known to serve HTTPS/) });
  });
});
