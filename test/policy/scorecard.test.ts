import { describe, expect, it } from "vitest";
import { CHECKS, NOT_PROVISIONED_YET } from "../../checklist";
import { failWith, pass, warnWith, type PlanRule } from "../../policy/rule";
import { buildScorecard } from "../../policy/scorecard";

const rule = (id: PlanRule["id"], verdict: ReturnType<PlanRule["evaluate"]>): PlanRule => ({ id, evaluate: () => verdict });

describe("scorecard rows", () => {
  it("never shows a row as passing while none of its requirements is judged", () => {
    const card = buildScorecard([rule("secrets.no_plaintext", pass("no plaintext"))], []);
    const monitoring = card.rows.find((r) => r.row === "monitoring");
    expect(monitoring?.status).toBe("not-covered");
    expect(monitoring?.notProvisioned).toEqual(NOT_PROVISIONED_YET.filter((id) => CHECKS[id].row === "monitoring"));
    expect(monitoring?.note).toMatch(/No pre-apply check covers this row/);
  });

  it("says which of a row's other requirements the repository scan judges, rather than calling them live-only", () => {
    const secretsRules = (["secrets.no_plaintext", "secrets.generated", "secrets.rotation", "secrets.kms_rotation"] as const).map((id) => rule(id, pass("ok")));
    const card = buildScorecard(secretsRules, []);
    const note = card.rows.find((r) => r.row === "secrets")?.note ?? "";
    expect(note).toMatch(/secrets\.repo_scan is checked on the repository by `launch-ready scan secrets`/);
    expect(note).toMatch(/1 more of this row are checked live by `launch-ready audit` only/);
  });

  it("shows a row whose checks all pass as passing when every requirement of it is judged", () => {
    const card = buildScorecard([rule("caa.present", pass("CAA planned"))], []);
    expect(card.rows.find((r) => r.row === "dns-redirects")?.status).toBe("pass");
  });

  it("warns without blocking the launch", () => {
    const card = buildScorecard([rule("hsts.include_subdomains", warnWith([{ message: "acme.example: no includeSubDomains" }]))], []);
    expect(card.rows.find((r) => r.row === "ssl-tls")?.status).toBe("warn");
    expect(card.checks[0]).toMatchObject({ status: "warn", remediation: CHECKS["hsts.include_subdomains"].remediation });
    expect(card.blocked).toBe(false);
  });

  describe("acknowledgements", () => {
    const strict = rule("tls.ssl_strict", failWith([{ message: "acme.example: SSL mode full" }]));
    const acks = [{ id: "tls.ssl_strict" as const, reason: "origin certificate ordered (OPS-12)", until: "2027-03-31" }];

    it("an active one keeps the failure visible with its reason and expiry, and no longer blocks", () => {
      const card = buildScorecard([strict], [], new Map(), { acknowledgements: acks, now: new Date("2027-01-10") });
      expect(card.checks[0]).toMatchObject({ status: "fail", acknowledgement: { reason: "origin certificate ordered (OPS-12)", until: "2027-03-31", active: true } });
      expect(card.rows.find((r) => r.row === "ssl-tls")).toMatchObject({ status: "acknowledged", note: expect.stringMatching(/tls\.ssl_strict until 2027-03-31/) });
      expect(card.blocked).toBe(false);
    });

    it("an expired one blocks again", () => {
      const card = buildScorecard([strict], [], new Map(), { acknowledgements: acks, now: new Date("2027-04-01") });
      expect(card.checks[0]?.acknowledgement?.active).toBe(false);
      expect(card.rows.find((r) => r.row === "ssl-tls")?.status).toBe("fail");
      expect(card.blocked).toBe(true);
    });
  });
});
