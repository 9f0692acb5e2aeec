import { describe, expect, it } from "vitest";
import { MAX_REPLY_BYTES, ReplyReader } from "../../../audit/smtp";

describe("SMTP reply reader (RFC 5321 §4.2)", () => {
  it("joins multi-line replies and splits replies arriving in odd chunks", async () => {
    const r = new ReplyReader();
    r.push("250-mx.lab.test hello\r\n250-PIPE");
    r.push("LINING\r\n250 STARTTLS\r\n220 go");
    r.push(" ahead\r\n");
    expect(await r.next()).toEqual({ code: 250, lines: ["mx.lab.test hello", "PIPELINING", "STARTTLS"] });
    expect(await r.next()).toEqual({ code: 220, lines: ["go ahead"] });
  });
  it("refuses an endless reply instead of buffering it", async () => {
    const r = new ReplyReader();
    r.push("x".repeat(MAX_REPLY_BYTES + 1));
    await expect(r.next()).rejects.toThrow(/more than/);
  });
});
