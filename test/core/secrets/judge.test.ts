import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultScanner, judgeNoPlaintext, judgeNoPlaintextEach, type PlannedEntry, type PlaintextSubject, type Protection, type SecretScanner } from "../../../core/secrets";
import { CREDENTIALS, PUBLIC_VALUES, pemPrivateKey } from "./fixtures";

const judge = (entries: PlannedEntry[], label = "r") => judgeNoPlaintext({ label, entries }, defaultScanner);

describe("secrets.no_plaintext judge: credentials by name or content must be secret", () => {
  it("fails a PEM key in a TXT record's content, naming the input path and the kind, never the value", () => {
    const pem = pemPrivateKey();
    const v = judge([{ key: "content", value: pem, protection: "literal" }], "key-txt");
    expect(v).toMatchObject({ status: "fail", outcome: "plaintext", facts: ["key-txt.content is planned as plaintext: private key (PEM) (value withheld)"] });
    expect(JSON.stringify(v)).not.toContain(pem.slice(40, 60));
  });

  it("finds a credential at any depth and names the nested path", () => {
    const key = CREDENTIALS.awsAccessKeyId();
    const v = judge([{ key: "rules", value: [{ action: "rewrite", headers: { auth: { value: `id ${key}` } } }], protection: "literal" }]);
    expect(v).toMatchObject({ status: "fail", facts: [expect.stringContaining("r.rules[0].headers.auth.value is planned as plaintext: AWS access key ID")] });
    expect(JSON.stringify(v)).not.toContain(key);
  });

  it("fails a plaintext value under a credential name even when it looks like nothing", () => {
    expect(judge([{ key: "secretString", value: "hunter2", protection: "literal" }])).toMatchObject({ status: "fail", facts: [expect.stringMatching(/r\.secretString is planned as plaintext: named as a credential/)] });
  });

  it.each<[Protection, string]>([
    ["secret", "pass"],
    ["generated", "pass"],
    ["literal", "fail"],
    ["unknown", "cannot-tell"],
  ])("a credential whose protection is %s gives %s", (protection, status) => {
    expect(judge([{ key: "content", value: CREDENTIALS.githubToken(), protection }]).status).toBe(status);
  });

  it("is not applicable when nothing looks like a credential (placeholders and public values included)", () => {
    const entries = [...PUBLIC_VALUES, "[secret]", "[unknown]"].map((value, i): PlannedEntry => ({ key: `k${i}`, value, protection: "literal" }));
    expect(judge(entries).status).toBe("not-applicable");
  });

  it("never puts the value into a fact or a reason, whatever the value (property)", () => {
    const makers = Object.values(CREDENTIALS);
    fc.assert(
      fc.property(fc.constantFrom(...makers), fc.constantFrom<Protection>("literal", "unknown", "secret"), fc.constantFrom("apiToken", "content", "value"), (make, protection, key) => {
        const secret = make();
        const text = JSON.stringify(judge([{ key, value: { inner: [secret] }, protection }]));
        expect(text).not.toContain(secret.slice(-16));
      }),
      { numRuns: 60 },
    );
  });
});

describe("secrets.no_plaintext over a whole plan (judgeNoPlaintextEach)", () => {
  it("gives each resource the verdict it gets alone, from one scan of the distinct values", () => {
    const pem = pemPrivateKey();
    const subjects: PlaintextSubject[] = [
      { label: "key-txt", entries: [{ key: "content", value: pem, protection: "literal" }] },
      { label: "www", entries: [{ key: "content", value: "203.0.113.10", protection: "literal" }] },
      { label: "db", entries: [{ key: "secretString", value: "hunter2", protection: "secret" }] },
      { label: "key-txt-2", entries: [{ key: "content", value: pem, protection: "literal" }, { key: "comment", value: "203.0.113.10", protection: "literal" }] },
    ];
    const calls: number[] = [];
    const counting: SecretScanner = (texts) => {
      calls.push(texts.length);
      return defaultScanner(texts);
    };
    const together = judgeNoPlaintextEach(subjects, counting);
    expect(together).toEqual(subjects.map((s) => judgeNoPlaintext(s, defaultScanner)));
    expect(together.map((v) => v.status)).toEqual(["fail", "not-applicable", "pass", "fail"]);
    // One call, each distinct text once (pem, the address, hunter2).
    expect(calls).toEqual([3]);
  });
});
