import { describe, expect, it } from "vitest";
import { failureStatus, headersSeen, result } from "../../../../audit/checks/web/result";

describe("web check results", () => {
  it.each([
    ["GET https://a.test/: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:443", "fail"],
    ["GET https://a.test/: CERT_HAS_EXPIRED: certificate has expired", "fail"],
    ["GET https://a.test/: UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate", "fail"],
    ["a.test has no A or AAAA record", "fail"],
    ["GET https://a.test/: no complete response within 4000 ms", "error"],
    ["GET https://a.test/: ECONNRESET: Client network socket disconnected before secure TLS connection was established", "error"],
    ["DNS A lookup for a.test failed: timed out after 1000 ms", "error"],
    ["GET https://a.test/: response headers exceed the size limit", "error"],
  ] as const)("treats %s as %s", (reason, status) => {
    expect(failureStatus(reason)).toBe(status);
  });

  it("gives the checklist's remediation on problems and none on a pass", () => {
    expect(result("hsts.present", "pass", "ok").remediation).toBe("");
    expect(result("hsts.present", "fail", "missing").remediation).toMatch(/HSTS/);
    expect(result("hsts.present", "fail", "missing", {}, "do this").remediation).toBe("do this");
  });

  it("withholds cookie values and cuts long header values in evidence", () => {
    const seen = headersSeen({ "set-cookie": ["sid=s3cr3t; Secure", "theme=dark"], "x-long": ["a".repeat(1000)], server: ["lab"] });
    expect(seen["set-cookie"]).toEqual(["sid=(value withheld)", "theme=(value withheld)"]);
    expect(JSON.stringify(seen)).not.toContain("s3cr3t");
    expect(seen["x-long"]).toEqual([`${"a".repeat(300)}… (1000 chars)`]);
    expect(seen.server).toEqual(["lab"]);
  });

  it("withholds the value of a nameless cookie (a Set-Cookie pair without '=' is all value)", () => {
    const seen = headersSeen({ "set-cookie": ["s3cr3tT0ken; Secure; HttpOnly"] });
    expect(seen["set-cookie"]).toEqual(["(nameless)=(value withheld)"]);
    expect(JSON.stringify(seen)).not.toContain("s3cr3tT0ken");
  });
});
