import { describe, expect, it } from "vitest";
import { KNOWN_DISAGREEMENTS } from "../../../scripts/compare/known";
import { classify, findKnown, renderMarkdown, unusedKnown, type Comparison, type KnownDisagreement } from "../../../scripts/compare/table";

const row = (over: Partial<Comparison>): Comparison => ({ peer: "p", target: "a.test", check: "x.y", ours: "pass", peerStatus: "pass", peerSays: "ok", ...over });
const k = (over: Partial<KnownDisagreement>): KnownDisagreement => ({ peer: "p", check: "x.y", target: "*", clause: "RFC 0 §0", right: "ours", reason: "why", ...over });

describe("the compare table", () => {
  it("agrees when both pass or both fail, and flags a difference nobody explained", () => {
    const rows = classify([row({}), row({ ours: "fail", peerStatus: "fail" }), row({ ours: "pass", peerStatus: "fail" })], []);
    expect(rows.map((r) => r.state)).toEqual(["agree", "agree", "unexplained"]);
  });

  it("reads our warn as the mapping says: a failure by default, a pass where the peer's pass covers it", () => {
    expect(classify([row({ ours: "warn", peerStatus: "fail" })], [])[0]?.state).toBe("agree");
    expect(classify([row({ ours: "warn", peerStatus: "pass" })], [])[0]?.state).toBe("unexplained");
    expect(classify([row({ ours: "warn", peerStatus: "pass", warnAs: "pass" })], [])[0]?.state).toBe("agree");
    // A three-valued peer (dnsviz's INSECURE) must say warn itself.
    expect(classify([row({ ours: "warn", peerStatus: "warn" })], [])[0]?.state).toBe("agree");
    expect(classify([row({ ours: "pass", peerStatus: "warn" })], [])[0]?.state).toBe("unexplained");
  });

  it("never counts an error or a missing result of ours as agreement, nor a silent peer as a difference", () => {
    const rows = classify([row({ ours: "error", peerStatus: "fail" }), row({ ours: "missing", peerStatus: "pass" }), row({ ours: "fail", peerStatus: undefined }), row({ ours: "skip", peerStatus: undefined })], []);
    expect(rows.map((r) => r.state)).toEqual(["undecided", "undecided", "no-peer-verdict", "no-peer-verdict"]);
  });

  it("explains a difference by the exact target before the wildcard, and only where the peer said what the entry names", () => {
    const exact = k({ target: "a.test", reason: "exact" });
    const wild = k({ reason: "wild" });
    const narrow = k({ check: "z", peerSaysIncludes: "lacked a DMARC record", reason: "narrow" });
    expect(findKnown(row({ ours: "fail" }), [wild, exact])?.reason).toBe("exact");
    expect(findKnown(row({ target: "b.test" }), [wild, exact])?.reason).toBe("wild");
    expect(findKnown(row({ check: "z", peerSays: "Looked up domain lacked a DMARC record" }), [narrow])?.reason).toBe("narrow");
    expect(findKnown(row({ check: "z", peerSays: "bad token" }), [narrow])).toBeUndefined();
    expect(findKnown(row({ peer: "other" }), [wild])).toBeUndefined();
    const rows = classify([row({ ours: "fail" })], [exact]);
    expect(rows[0]).toMatchObject({ state: "explained", known: { reason: "exact" } });
  });

  it("lists known entries that explained nothing, for peers that ran", () => {
    const used = k({ target: "a.test" });
    const unused = k({ target: "gone.test" });
    const otherPeer = k({ peer: "not-run", target: "a.test" });
    const rows = classify([row({ ours: "fail" })], [used, unused, otherPeer]);
    expect(unusedKnown(rows, [used, unused, otherPeer], new Set(["p"]))).toEqual([unused]);
  });

  it("prints every difference with its clause, marks the unexplained ones, and escapes table cells", () => {
    const rows = classify([row({ ours: "fail", peerSays: "a|b" }), row({ target: "b.test", ours: "pass", peerStatus: "fail" })], [k({ target: "a.test" })]);
    const md = renderMarkdown(rows, ["note one"], []);
    expect(md).toContain("- note one");
    expect(md).toContain("| p | a.test | x.y | fail | a\\|b | ours | RFC 0 §0 | why |");
    expect(md).toContain("| p | b.test | x.y | pass | ok | **?** |  | unexplained: investigate |");
    expect(md).toContain("| p | 2 | 0 | 1 | 1 | 0 | 0 |");
  });

  it("keeps the known table honest: a clause for every entry, never one the peer wins, no duplicates", () => {
    for (const e of KNOWN_DISAGREEMENTS) {
      expect([e.peer, e.check, e.target, e.clause.length > 0, e.reason.length > 0, ["ours", "scope"].includes(e.right)]).toEqual([e.peer, e.check, e.target, true, true, true]);
    }
    const keys = KNOWN_DISAGREEMENTS.map((e) => `${e.peer} ${e.check} ${e.target} ${e.peerSaysIncludes ?? ""}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
