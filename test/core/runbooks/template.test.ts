import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillRunbook, placeholdersOf, renderValue } from "../../../core/runbooks/template";

const outputs = {
  backups: { vaultName: "v", rtoHours: 4 },
  zones: { "acme.example": { zoneId: "z1" }, "acme.io": { zoneId: "z2" } },
  secrets: { "db-password": { arn: "arn:s" } },
};

describe("runbook placeholders", () => {
  it("fills output paths, numbers and a domain key that holds dots", () => {
    const r = fillRunbook("vault {{backups.vaultName}}, RTO {{ backups.rtoHours }} h, zone {{zones.$domain.zoneId}}, {{secrets.$secret.arn}}", outputs, { $domain: "acme.io" });
    expect(r).toEqual({ ok: true, text: "vault v, RTO 4 h, zone z2, arn:s" });
  });

  it("never returns a half-filled runbook: every unresolved placeholder is named with its reason", () => {
    const r = fillRunbook("{{backups.vaultName}} {{backups.roleArn}}\n{{alerts.topicArns}} {{zones.$domain.zoneId}}", outputs);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.unresolved.map((u) => `${u.placeholder.line} ${u.placeholder.expression}: ${u.reason}`)).toEqual([
      "1 backups.roleArn: the stack output `backups` has no `roleArn`",
      "2 alerts.topicArns: the stack has no output `alerts` (is that part of the stack configured and deployed?)",
      "2 zones.$domain.zoneId: $domain: the stack has several (acme.example, acme.io): choose one with --domain",
    ]);
  });

  it("a domain the stack does not have is named with the ones it has", () => {
    const r = fillRunbook("{{zones.$domain.zoneId}}", outputs, { $domain: "acme.dev" });
    expect(r.ok ? "" : r.unresolved[0]?.reason).toBe("$domain: --domain acme.dev: the stack output `zones` has only acme.example, acme.io");
  });

  it("malformed placeholders are errors, not left in the text", () => {
    expect(placeholdersOf("{{}} {{$domain}} {{zones.$zone.id}} {{a b}}").errors).toHaveLength(4);
    expect(fillRunbook("{{backups..vaultName}}", outputs).ok).toBe(false);
  });

  it("objects and lists render as compact JSON", () => {
    expect(renderValue(["a", "b"])).toBe('["a","b"]');
    expect(renderValue({ a: 1 })).toBe('{"a":1}');
  });

  it("property: text without braces comes back unchanged; a filled runbook holds no placeholder", () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes("{") && !s.includes("}")), fc.constantFrom("backups.vaultName", "backups.rtoHours", "secrets.$secret.arn"), (prose, path) => {
        expect(fillRunbook(prose, outputs)).toEqual({ ok: true, text: prose });
        const r = fillRunbook(`${prose}{{${path}}}${prose}`, outputs);
        expect(r.ok && !r.text.includes("{{")).toBe(true);
      }),
    );
  });
});
