import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adoptionEntries, contentKey, type LiveRecord, matchRecords } from "../../../core/adopt";
import { adopt, type PlannedRecord } from "../../../core/dns/record-plan";

const planned = (key: string, name: string, type: PlannedRecord["type"], content: string, extra: Partial<PlannedRecord> = {}): PlannedRecord => ({
  key,
  name,
  type,
  content,
  ttl: type === "CNAME" || type === "A" ? 1 : 3600,
  proxied: type === "CNAME" || type === "A",
  purpose: "test",
  ...extra,
});
const live = (id: string, name: string, type: string, content: string, extra: Partial<LiveRecord> = {}): LiveRecord => ({ id, name, type, content, ttl: 1, proxied: false, ...extra });
const hex = (n: number) => n.toString(16).padStart(32, "0");

const PLAN: PlannedRecord[] = [
  planned("apex-cname", "acme.example", "CNAME", "origin.acme.example.net"),
  planned("www-cname", "www.acme.example", "CNAME", "origin.acme.example.net"),
  planned("apex-caa-issue-letsencrypt-org", "acme.example", "CAA", '0 issue "letsencrypt.org"'),
  planned("apex-caa-issue-pki-goog", "acme.example", "CAA", '0 issue "pki.goog"'),
  planned("apex-txt", "acme.example", "TXT", '"v=spf1 -all"'),
];

describe("matchRecords", () => {
  it("adopts twins unchanged, adopts a web host with another origin and lists what changes, and leaves the rest alone", () => {
    const zone = [
      live(hex(1), "acme.example", "CNAME", "origin.acme.example.net", { proxied: true }),
      live(hex(2), "www.acme.example", "CNAME", "old.example.net", { ttl: 300 }),
      live(hex(3), "acme.example", "CAA", '0 issue "pki.goog"', { ttl: 3600 }),
      live(hex(4), "acme.example", "TXT", "google-site-verification=abc", { ttl: 3600 }),
      live(hex(5), "blog.acme.example", "CNAME", "ghost.io"),
    ];
    const diff = matchRecords(PLAN, zone);
    expect(diff.adopt.map((a) => [a.planned.key, a.live.id, a.changes.map((c) => c.field)])).toEqual([
      ["apex-cname", hex(1), []],
      ["www-cname", hex(2), ["content", "ttl", "proxied"]],
      ["apex-caa-issue-pki-goog", hex(3), []],
    ]);
    // The verification TXT is someone else's: never rewritten into the stack's SPF.
    expect(diff.create.map((p) => p.key)).toEqual(["apex-caa-issue-letsencrypt-org", "apex-txt"]);
    expect(diff.foreign.map((l) => l.id)).toEqual([hex(4), hex(5)]);
    expect(diff.conflicts).toEqual([]);
  });

  it("compares contents as the API stores them: quoted or raw TXT, CAA tag case, a trailing dot", () => {
    const zone = [live(hex(1), "acme.example", "TXT", "v=spf1 -all", { ttl: 3600 }), live(hex(2), "ACME.example.", "CAA", '0 ISSUE "letsencrypt.org"', { ttl: 3600 }), live(hex(3), "www.acme.example", "CNAME", "Origin.acme.example.net.", { proxied: true })];
    const diff = matchRecords(PLAN, zone);
    expect(diff.adopt.filter((a) => a.changes.length === 0).map((a) => a.live.id).sort()).toEqual([hex(1), hex(2), hex(3)]);
  });

  it("reports a planned CNAME beside a live record of another type as a conflict, not a create", () => {
    const diff = matchRecords(PLAN, [live(hex(7), "www.acme.example", "A", "192.0.2.1")]);
    expect(diff.create.map((p) => p.key)).not.toContain("www-cname");
    expect(diff.conflicts).toHaveLength(1);
    expect(diff.conflicts[0]?.reason).toMatch(/refuses a CNAME beside an A, AAAA or CNAME/);
    expect(diff.foreign.map((l) => l.id)).toEqual([hex(7)]);
  });

  it("does not guess between several live A records for one planned A", () => {
    const plan = [planned("apex-a", "acme.example", "A", "203.0.113.10")];
    const diff = matchRecords(plan, [live(hex(1), "acme.example", "A", "192.0.2.1"), live(hex(2), "acme.example", "A", "192.0.2.2")]);
    expect(diff.adopt).toEqual([]);
    expect(diff.conflicts[0]?.reason).toMatch(/2 live A records/);
  });
});

const labels = fc.constantFrom("acme.example", "www.acme.example", "app.acme.example", "_dmarc.acme.example");
const plannedArb = fc
  .array(
    fc.record({
      name: labels,
      type: fc.constantFrom<PlannedRecord["type"]>("CNAME", "A", "TXT", "MX", "CAA"),
      value: fc.constantFrom("one", "two", "three"),
    }),
    { maxLength: 8 },
  )
  .map((rows) => {
    // One CNAME per name and no record twice, as the stack's validation requires.
    const seen = new Set<string>();
    const content = (type: string, value: string) => (type === "A" ? `192.0.2.${value.length}${value.charCodeAt(0)}` : type === "TXT" ? `"${value}"` : type === "CAA" ? `0 issue "${value}.example"` : `${value}.example.net`);
    return rows
      .filter((r) => {
        const k = r.type === "CNAME" ? `${r.name}/CNAME` : `${r.name}/${r.type}/${content(r.type, r.value)}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .map((r, i) => planned(`r${i}`, r.name, r.type, content(r.type, r.value), r.type === "MX" ? { priority: 10 } : {}));
  });
const liveArb = fc.array(fc.record({ name: labels, type: fc.constantFrom("CNAME", "A", "TXT", "MX", "CAA", "NS"), content: fc.constantFrom("one.example.net", "192.0.2.3", '"two"', '0 issue "three.example"', "x") }), { maxLength: 8 }).map((rows) => rows.map((r, i) => live(hex(100 + i), r.name, r.type, r.content)));

describe("matchRecords properties", () => {
  it("puts every planned record in exactly one of create, adopt, conflicts, and every live record in adopt or foreign", () => {
    fc.assert(
      fc.property(plannedArb, liveArb, (plan, zone) => {
        const diff = matchRecords(plan, zone);
        const plannedKeys = [...diff.create.map((p) => p.key), ...diff.adopt.map((a) => a.planned.key), ...diff.conflicts.map((c) => c.planned.key)];
        expect(plannedKeys.sort()).toEqual(plan.map((p) => p.key).sort());
        const liveIds = [...diff.adopt.map((a) => a.live.id), ...diff.foreign.map((l) => l.id)];
        expect(liveIds.sort()).toEqual(zone.map((l) => l.id).sort());
        for (const a of diff.adopt) {
          expect(a.live.type).toBe(a.planned.type);
          expect(a.live.name.toLowerCase()).toBe(a.planned.name.toLowerCase());
          // Only a web host's single answer is ever rewritten; a set (TXT, MX, CAA) is adopted only value for value.
          if (!["CNAME", "A", "AAAA"].includes(a.planned.type)) expect(contentKey(a.live.type, a.live.content)).toBe(contentKey(a.planned.type, a.planned.content));
        }
      }),
    );
  });

  it("adopts every record of a zone that is exactly the plan unchanged, and leaves the others alone", () => {
    fc.assert(
      fc.property(plannedArb, (plan) => {
        const zone = plan.map((p, i) => live(hex(i + 1), p.name, p.type, p.content, { ttl: p.ttl, proxied: p.proxied, ...(p.priority !== undefined ? { priority: p.priority } : {}) }));
        const foreign = live(hex(999), "other.acme.example", "TXT", "keep me");
        const diff = matchRecords(plan, [...zone, foreign]);
        expect(diff.create).toEqual([]);
        expect(diff.adopt.every((a) => a.changes.length === 0)).toBe(true);
        expect(diff.adopt).toHaveLength(plan.length);
        expect(diff.foreign).toEqual([foreign]);
      }),
    );
  });

  it("writes adoptRecords entries that the stack's own matcher reads back onto exactly the adopted records", () => {
    fc.assert(
      fc.property(plannedArb, liveArb, (plan, zone) => {
        const diff = matchRecords(plan, zone);
        const entries = adoptionEntries(plan, diff.adopt);
        const read = adopt(plan, entries);
        expect(read.problems).toEqual([]);
        const marked = Object.fromEntries(read.records.filter((r) => r.importId !== undefined).map((r) => [r.key, r.importId]));
        expect(marked).toEqual(Object.fromEntries(diff.adopt.map((a) => [a.planned.key, a.live.id])));
      }),
    );
  });
});
