import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Lookup, MxAnswer } from "../../../core/email/lookup";
import { SPF_LOOKUP_LIMIT, evaluateSpf, type SpfDns } from "../../../core/email/spf";

type RR = { TXT?: string[]; MX?: MxAnswer[]; A?: string[]; AAAA?: string[] };
/** A zone for the evaluator: names map to records; "error" answers a lookup with SERVFAIL. */
type Zone = Record<string, RR | "error">;

function fakeDns(zone: Zone, queries: string[] = []): SpfDns {
  function ask<T>(name: string, type: keyof RR): Promise<Lookup<T>> {
    queries.push(`${type} ${name}`);
    const node = zone[name];
    if (node === "error") return Promise.resolve({ kind: "error", reason: "SERVFAIL" });
    if (node === undefined) return Promise.resolve({ kind: "absent", reason: "NXDOMAIN" });
    const records = node[type] as T[] | undefined;
    return Promise.resolve(records && records.length > 0 ? { kind: "answer", records } : { kind: "absent", reason: "NODATA" });
  }
  return {
    txt: (n) => ask<string>(n, "TXT"),
    mx: (n) => ask<MxAnswer>(n, "MX"),
    a: (n) => ask<string>(n, "A"),
    aaaa: (n) => ask<string>(n, "AAAA"),
  };
}

describe("SPF evaluator: counting over the whole include/redirect tree (RFC 7208 §4.6.4)", () => {
  it("counts include, a, mx, ptr, exists across nested includes and keeps the tree as evidence", async () => {
    const zone: Zone = {
      "acme.example": { TXT: ["v=spf1 a mx include:one.example ip4:192.0.2.1 -all", "google-site-verification=x"], A: ["192.0.2.1"], MX: [{ preference: 10, exchange: "mx.acme.example" }] },
      "one.example": { TXT: ["v=spf1 include:two.example exists:e.one.example ptr ~all"], A: [] },
      "e.one.example": { A: ["127.0.0.2"] },
      "two.example": { TXT: ["v=spf1 ip4:198.51.100.0/24 -all"] },
    };
    const ev = await evaluateSpf("ACME.example.", fakeDns(zone));
    expect(ev.lookups).toBe(6);
    expect(ev.tree.totalLookups).toBe(6);
    expect(ev.tree.lookups).toBe(3);
    expect(ev.tree.children.map((c) => [c.domain, c.totalLookups])).toEqual([["one.example", 3]]);
    expect(ev.tree.children[0]?.children[0]).toMatchObject({ domain: "two.example", lookups: 0, status: "ok" });
    expect(ev.voidLookups).toEqual([]);
    expect(ev.errors).toEqual([]);
    expect(ev.all).toEqual({ qualifier: "-", explicitQualifier: true, domain: "acme.example" });
  });

  it("counts redirect only when there is no all, and takes the all of the redirect target", async () => {
    const zone: Zone = {
      "acme.example": { TXT: ["v=spf1 ip4:192.0.2.1 redirect=_spf.acme.example"] },
      "_spf.acme.example": { TXT: ["v=spf1 include:x.example ~all"] },
      "x.example": { TXT: ["v=spf1 -all"] },
      "b.example": { TXT: ["v=spf1 -all redirect=_spf.acme.example"] },
    };
    const redirected = await evaluateSpf("acme.example", fakeDns(zone));
    expect(redirected.lookups).toBe(2);
    expect(redirected.all).toMatchObject({ qualifier: "~", domain: "_spf.acme.example" });
    const queries: string[] = [];
    const ignored = await evaluateSpf("b.example", fakeDns(zone, queries));
    expect(ignored.lookups).toBe(0);
    expect(queries).toEqual(["TXT b.example"]);
  });

  it("reports void lookups for terms answering NXDOMAIN or NODATA", async () => {
    const zone: Zone = {
      "acme.example": { TXT: ["v=spf1 include:gone.example a:nodata.acme.example mx:nomx.acme.example exists:e.acme.example -all"] },
      "nodata.acme.example": { TXT: ["x"] },
      "nomx.acme.example": { A: ["192.0.2.1"] },
    };
    const ev = await evaluateSpf("acme.example", fakeDns(zone));
    expect(ev.voidLookups.map((v) => [v.name, v.reason])).toEqual([
      ["gone.example", "NXDOMAIN"],
      ["nodata.acme.example", "NODATA"],
      ["nomx.acme.example", "NODATA"],
      ["e.acme.example", "NXDOMAIN"],
    ]);
    expect(ev.permerrors).toEqual(["include target gone.example has no SPF record"]);
  });

  it("records each mx term's MX targets (each one address lookup), ignoring a null MX", async () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ preference: i, exchange: `mx${i}.acme.example.` }));
    const zone: Zone = {
      "acme.example": { TXT: ["v=spf1 mx mx:parked.example -all"], MX: many },
      "parked.example": { MX: [{ preference: 0, exchange: "." }] },
    };
    const ev = await evaluateSpf("acme.example", fakeDns(zone));
    expect(ev.mxTerms.map((m) => [m.name, m.exchanges.length])).toEqual([["acme.example", 11], ["parked.example", 0]]);
    expect(ev.mxTerms[0]?.exchanges[0]).toBe("mx0.acme.example");
  });

  it("detects include and redirect cycles without looping forever", async () => {
    const zone: Zone = {
      "acme.example": { TXT: ["v=spf1 include:a.example -all"] },
      "a.example": { TXT: ["v=spf1 include:b.example -all"] },
      "b.example": { TXT: ["v=spf1 redirect=acme.example"] },
    };
    const ev = await evaluateSpf("acme.example", fakeDns(zone));
    expect(ev.loops).toEqual([["acme.example", "a.example", "b.example", "acme.example"]]);
  });

  it("does not take a diamond (the same include twice in separate branches) for a loop, and counts both", async () => {
    const zone: Zone = {
      "acme.example": { TXT: ["v=spf1 include:a.example include:b.example -all"] },
      "a.example": { TXT: ["v=spf1 include:c.example -all"] },
      "b.example": { TXT: ["v=spf1 include:c.example -all"] },
      "c.example": { TXT: ["v=spf1 ip4:192.0.2.1 -all"] },
    };
    const ev = await evaluateSpf("acme.example", fakeDns(zone));
    expect(ev.loops).toEqual([]);
    expect(ev.lookups).toBe(4);
  });

  it("reports a failed lookup as an error, never as a missing record or a void lookup", async () => {
    const zone: Zone = {
      "acme.example": { TXT: ["v=spf1 include:broken.example a:slow.example -all"] },
      "broken.example": "error",
      "slow.example": "error",
    };
    const ev = await evaluateSpf("acme.example", fakeDns(zone));
    expect(ev.errors.map((e) => `${e.type} ${e.name}`)).toEqual(["TXT broken.example", "A slow.example", "AAAA slow.example"]);
    expect(ev.voidLookups).toEqual([]);
    expect(ev.permerrors).toEqual([]);
    expect(ev.tree.children[0]?.status).toBe("error");
  });

  it("reports several records or a syntax error at an include target as permerrors", async () => {
    const zone: Zone = {
      "acme.example": { TXT: ["v=spf1 include:two.example include:bad.example -all"] },
      "two.example": { TXT: ["v=spf1 -all", "v=spf1 ~all"] },
      "bad.example": { TXT: ["v=spf1 ip4:999.1.1.1 -all"] },
    };
    const ev = await evaluateSpf("acme.example", fakeDns(zone));
    expect(ev.permerrors.join(" | ")).toContain("include target two.example has 2 SPF records");
    expect(ev.permerrors.join(" | ")).toContain("bad.example:");
  });

  it("does not expand macros (they need the sender's IP) but counts the terms", async () => {
    const queries: string[] = [];
    const ev = await evaluateSpf("acme.example", fakeDns({ "acme.example": { TXT: ["v=spf1 exists:%{i}._spf.acme.example include:%{d}.x.example -all"] } }, queries));
    expect(ev.lookups).toBe(2);
    expect(ev.macroTerms).toHaveLength(2);
    expect(queries).toEqual(["TXT acme.example"]);
  });

  it("stays bounded on a hostile tree and says it stopped early", async () => {
    // Every name includes two fresh names: an exponential tree.
    const dns: SpfDns = {
      txt: (n) => Promise.resolve({ kind: "answer", records: [`v=spf1 include:a.${n} include:b.${n} -all`] }),
      mx: () => Promise.resolve({ kind: "absent", reason: "NXDOMAIN" }),
      a: () => Promise.resolve({ kind: "absent", reason: "NXDOMAIN" }),
      aaaa: () => Promise.resolve({ kind: "absent", reason: "NXDOMAIN" }),
    };
    const ev = await evaluateSpf("x.example", dns);
    expect(ev.truncated).toBe(true);
    expect(ev.lookups).toBeGreaterThan(SPF_LOOKUP_LIMIT);
  });
});

describe("SPF evaluator properties", () => {
  /** A chain of includes: the root includes `n` leaves, each holding `k` a-terms. */
  function zoneWith(includes: number, aTerms: number): Zone {
    const zone: Zone = {};
    const incl = Array.from({ length: includes }, (_, i) => `include:i${i}.example`).join(" ");
    zone["acme.example"] = { TXT: [`v=spf1 ${incl} -all`.replace(/ +/g, " ")] };
    for (let i = 0; i < includes; i++) {
      zone[`i${i}.example`] = { TXT: [`v=spf1 ${Array.from({ length: aTerms }, () => "a").join(" ")} -all`.replace(/ +/g, " ")], A: ["192.0.2.1"] };
    }
    return zone;
  }

  it("the lookup count is monotone in added includes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 3 }), async (n, k) => {
        const before = await evaluateSpf("acme.example", fakeDns(zoneWith(n, k)));
        const after = await evaluateSpf("acme.example", fakeDns(zoneWith(n + 1, k)));
        expect(after.lookups).toBeGreaterThan(before.lookups);
        expect(before.lookups).toBe(n * (1 + k));
      }),
    );
  });

  it("the count equals the tree's total and never passes the limit unnoticed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 4 }), async (n, k) => {
        const ev = await evaluateSpf("acme.example", fakeDns(zoneWith(n, k)));
        expect(ev.tree.totalLookups).toBe(ev.lookups);
        // Whatever stops the walk, the verdict input can only grow: > 10 real lookups is never reported as ≤ 10.
        if (n * (1 + k) > SPF_LOOKUP_LIMIT) expect(ev.lookups).toBeGreaterThan(SPF_LOOKUP_LIMIT);
      }),
    );
  });
});
