/**
 * web.mixed_content has no value both sides can see: before apply there is no page, only Cloudflare's Automatic HTTPS
 * Rewrites setting; after apply there is the page, not the setting. So "one verdict" here means each side extracts
 * its values and the one judge speaks: the plan rule's verdict is the judge's on the planned setting, the audit's is
 * the judge's on the scanned page.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeResource, mixedContentModule } from "../../../../audit/checks/web/mixed-content";
import { scanMixedContent } from "../../../../core/http/mixed-content";
import { judgeMixedContent } from "../../../../core/judges/web";
import { webMixedContent } from "../../../../policy/rules/web-mixed-content";
import { context, expectedState, get, runModule, target } from "../../../audit/checks/email/fakes";
import { edgePlan, withSetting } from "../../../policy/rules/support/edge-plan";
import { liveEdge } from "./live-edge";

const D = "acme.example";

describe("web.mixed_content: each side extracts its values and calls the one judge", () => {
  it("the plan rule's verdict is the judge's on the planned setting", () => {
    fc.assert(
      fc.property(fc.constantFrom("on", "off"), (value) => {
        const v = webMixedContent.verdicts(edgePlan({ settings: withSetting("automatic_https_rewrites", value) }))[0]?.verdict;
        expect(v).toEqual(judgeMixedContent({ kind: "edge-rewrites", zone: D, setting: value }));
      }),
    );
  });

  it("the audit's verdict is the judge's on the scanned page, for generated pages", async () => {
    const tag = fc.constantFrom('<base href="http://cdn.example/">', '<script src="a.js"></script>', '<img srcset="b.png 2x">', '<script src="http://cdn.example/a.js"></script>', '<img src="http://cdn.example/a.png">', '<img src="https://cdn.example/a.png">', '<a href="http://x.example/">x</a>', '<link rel="stylesheet" href="http://cdn.example/a.css">');
    await fc.assert(
      fc.asyncProperty(fc.array(tag, { maxLength: 4 }), async (tags) => {
        const page = `<!doctype html><html><body>${tags.join("")}</body></html>`;
        const edge = liveEdge(edgePlan(), "redirects-first", page);
        const r = get(await runModule(mixedContentModule, target(D), context({ ...edge, expected: expectedState({ canonicalHost: D }) })), "web.mixed_content");
        const found = scanMixedContent(page, `https://${D}/`);
        const tagOf = describeResource;
        const v = judgeMixedContent({ kind: "page", url: `https://${D}/`, contentType: "text/html; charset=utf-8", active: found.filter((f) => f.kind === "active").map(tagOf), passive: found.filter((f) => f.kind === "passive").map(tagOf), truncated: false, bytesScanned: Buffer.byteLength(page) });
        expect({ status: r.status, outcome: r.evidence["outcome"] }).toEqual({ status: v.status, outcome: "outcome" in v ? v.outcome : undefined });
      }),
      { numRuns: 30 },
    );
  });

  it("with SSL off neither side has an HTTPS page to judge", async () => {
    const plan = edgePlan({ ssl: "off" });
    expect(webMixedContent.verdicts(plan)[0]?.verdict.status).toBe("not-applicable");
    const r = get(await runModule(mixedContentModule, target(D), context({ ...liveEdge(plan, "redirects-first"), expected: expectedState({ canonicalHost: D }) })), "web.mixed_content");
    expect(r.status).toBe("skip");
  });
});
