import { describe, expect, it } from "vitest";
import { canonicalHostOf } from "../../../../audit/checks/web/snapshot";
import type { AuditContext, ExpectedDomainState } from "../../../../audit/types";

const target = { name: "xn--bcher-kva.test", display: "bücher.test", orgDomain: "xn--bcher-kva.test" };

function ctxWith(canonicalHost: string | undefined): AuditContext {
  const expected: ExpectedDomainState = { sending: true, dkimSelectors: [], mxHosts: [], caaIssuers: [], aliases: [], endpoints: {}, ...(canonicalHost ? { canonicalHost } : {}) };
  const never = () => Promise.reject(new Error("no I/O in this test"));
  return { dns: { query: never }, http: { request: never }, tls: { handshake: never }, expected, probes: new Set(), now: () => new Date(), signal: new AbortController().signal };
}

describe("canonical host", () => {
  it("is the apex without a stack, and the stack's host in A-labels otherwise", () => {
    expect(canonicalHostOf(target, ctxWith(undefined))).toBe("xn--bcher-kva.test");
    expect(canonicalHostOf(target, ctxWith("WWW.Bücher.test."))).toBe("www.xn--bcher-kva.test");
  });
});
