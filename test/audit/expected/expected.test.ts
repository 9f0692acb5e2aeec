import { describe, expect, it } from "vitest";
import { ExpectedStateError, loadExpectedState } from "../../../audit/expected";

describe("expected state from --stack", () => {
  it("reads the example stack: sending, fixed DKIM selectors, canonical host, aliases, platform CAs", () => {
    const state = loadExpectedState("stacks", "example").get("acme.example");
    expect(state).toMatchObject({ sending: true, dkimSelectors: ["google"], canonicalHost: "acme.example", aliases: ["www.acme.example"] });
    expect(state?.caaIssuers).toEqual(expect.arrayContaining(["amazon.com", "letsencrypt.org", "pki.goog"]));
  });

  it("names the option and the known stacks when the stack does not exist", () => {
    expect(() => loadExpectedState("stacks", "nope")).toThrow(ExpectedStateError);
    expect(() => loadExpectedState("stacks", "nope")).toThrow(/--stack nope: .*no stack file for 'nope'.*Known stacks: .*example/);
  });
});
