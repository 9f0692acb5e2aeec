import { describe, expect, it } from "vitest";
import type { CheckId } from "../../checklist";
import { mapAt, runStack, stackVariant } from "./support/run-stack";

/** Runs a variant and returns the verdict of one check, with the config warnings. */
async function checkOf(variant: string, id: CheckId, edit: (domains: unknown[]) => void) {
  const { report, scorecard } = await runStack(stackVariant("example", variant, edit), true);
  const check = scorecard.checks.find((c) => c.id === id);
  return { check, warnings: report.warnings, blocked: scorecard.blocked };
}

describe("mutating the example stack makes the matching edge check fail, saying how to fix it", () => {
  it("HSTS max-age 300 → hsts.max_age fails", async () => {
    const { check, warnings, blocked } = await checkOf("hsts-300", "hsts.max_age", (d) => {
      mapAt(d, 0, "web", "hsts")["maxAgeSeconds"] = 300;
    });
    expect(check).toMatchObject({ status: "fail", message: expect.stringMatching(/max-age is 300 s.*maxAgeSeconds: 31536000/), remediation: expect.stringMatching(/31536000/) });
    expect(warnings.map((w) => w.path)).toContain("launch-ready:domains[0].web.hsts.maxAgeSeconds");
    expect(blocked).toBe(true);
  });

  it("ssl: flexible → tls.ssl_strict fails (accepted by config, with a warning)", async () => {
    const { check, warnings } = await checkOf("ssl-flexible", "tls.ssl_strict", (d) => {
      mapAt(d, 0, "web")["ssl"] = "flexible";
    });
    expect(check).toMatchObject({ status: "fail", message: expect.stringMatching(/SSL mode is `flexible`.*web\.ssl: strict/) });
    expect(warnings).toContainEqual({ path: "launch-ready:domains[0].web.ssl", message: expect.stringMatching(/tls\.ssl_strict check will fail/) });
  });

  it("a legacy path redirected to http:// → web.redirect_downgrade and web.redirect_first_hop fail", async () => {
    const edit = (d: unknown[]): void => {
      mapAt(d, 0, "web")["legacyPaths"] = [{ from: "/pricing.html", to: "http://acme.example/pricing" }];
    };
    const down = await checkOf("http-target", "web.redirect_downgrade", edit);
    expect(down.check).toMatchObject({ status: "fail", message: expect.stringMatching(/downgrades https:\/\/acme\.example\/pricing\.html.*to http:\/\/acme\.example\/pricing.*https:\/\/ URL/) });
    const first = await checkOf("http-target-first", "web.redirect_first_hop", edit);
    expect(first.check).toMatchObject({ status: "fail", message: expect.stringMatching(/first hop goes to plain http/) });
  });

  it("a chain of two aliases (a legacy domain sent to an alias) → web.redirect_hops fails", async () => {
    const { check, warnings } = await checkOf("two-aliases", "web.redirect_hops", (d) => {
      d.push({ name: "acme-old.example", web: { redirectTo: "https://www.acme.example" } });
    });
    expect(check).toMatchObject({ status: "fail", message: expect.stringMatching(/acme-old\.example.* takes 2 hops: point acme-old\.example's redirect straight at https:\/\/acme\.example/) });
    expect(warnings).toContainEqual({ path: "launch-ready:domains[1].web.redirectTo", message: expect.stringMatching(/two hops/) });
  });
});
