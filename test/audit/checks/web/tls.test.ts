/**
 * tls.cert_expiry with an in-memory TLS probe: the thresholds of CHECKS.md (≤ 14 days fail, ≤ 30 or ≤ ⅓ of the
 * lifetime warn) agree with the whole number of days the summary shows.
 */
import { describe, expect, it } from "vitest";
import { tlsModule } from "../../../../audit/checks/web/tls";
import type { CertificateSummary, TlsProbe } from "../../../../audit/types";
import { context, fakeDns, fakeTls, get, runModule, target } from "../email/fakes";

const D = "acme.example";
const NOW = Date.parse("2026-11-29T12:00:00Z"); // the fakes' clock
const DAY = 86_400_000;

function leaf(daysLeft: number, lifetimeDays = 90): CertificateSummary {
  const to = NOW + daysLeft * DAY;
  return {
    subject: `CN=${D}`,
    issuer: "CN=Test CA",
    subjectAltNames: [D],
    validFrom: new Date(to - lifetimeDays * DAY).toISOString(),
    validTo: new Date(to).toISOString(),
    keyType: "EC",
    keyBits: 256,
    signatureAlgorithm: "ecdsa-with-SHA256",
    fingerprint256: "00",
  };
}

async function expiry(daysLeft: number, lifetimeDays?: number) {
  const tls = fakeTls({ [D]: { kind: "connected", protocol: "TLSv1.3", authorized: true, chain: [leaf(daysLeft, lifetimeDays)] } });
  const r = await runModule(tlsModule, target(D), context({ dns: fakeDns({ [D]: { A: ["192.0.2.1"] } }), tls }));
  return get(r, "tls.cert_expiry");
}

describe("tls.cert_expiry", () => {
  it.each([
    [14.5, "fail", "14 days left"],
    [14.0001, "fail", "14 days left"],
    [15.2, "warn", "15 days left"],
    [30.5, "warn", "30 days left"],
    [31.5, "pass", "31 days left"],
  ] as const)("with %f days left is %s, shown as %s", async (days, status, shown) => {
    expect(await expiry(days)).toMatchObject({ status, summary: expect.stringContaining(shown) });
  });
  it("warns at a third of the lifetime even with more than 30 days left", async () => {
    expect((await expiry(40, 150)).status).toBe("warn");
  });
  it("fails an expired certificate", async () => {
    expect(await expiry(-1)).toMatchObject({ status: "fail", summary: expect.stringContaining("expired") });
  });
});

describe("tls.protocols", () => {
  /** A server offering exactly `offered`, negotiating the highest; records every handshake the check asks for. */
  function server(offered: readonly string[]) {
    const asked: string[] = [];
    const tls: TlsProbe = {
      handshake: (_host, _port, v = {}) => {
        asked.push(v.maxVersion ?? "unpinned");
        const version = v.maxVersion ?? offered.at(-1) ?? "";
        return Promise.resolve(
          offered.includes(version)
            ? { kind: "connected", protocol: version, authorized: true, chain: v.certificates === false ? [] : [leaf(60)] }
            : { kind: "refused", reason: `${version} not offered` },
        );
      },
    };
    return { tls, asked };
  }

  it("asks again for every version but the one the first handshake negotiated, and still sees each offered one", async () => {
    const { tls, asked } = server(["TLSv1", "TLSv1.2", "TLSv1.3"]);
    const r = get(await runModule(tlsModule, target(D), context({ dns: fakeDns({ [D]: { A: ["192.0.2.1"] } }), tls })), "tls.protocols");
    expect(asked.filter((v) => v === "TLSv1.3")).toEqual([]);
    expect(asked.filter((v) => v.startsWith("TLSv1")).sort()).toEqual(["TLSv1", "TLSv1.1", "TLSv1.2"]);
    expect(r).toMatchObject({ status: "fail", evidence: { versions: { TLSv1: "offered", "TLSv1.1": "not offered", "TLSv1.2": "offered", "TLSv1.3": "offered" } } });
  });

  it("passes a server that negotiates TLS 1.3 and refuses every version before 1.2", async () => {
    const { tls } = server(["TLSv1.2", "TLSv1.3"]);
    const r = get(await runModule(tlsModule, target(D), context({ dns: fakeDns({ [D]: { A: ["192.0.2.1"] } }), tls })), "tls.protocols");
    expect(r).toMatchObject({ status: "pass", evidence: { versions: { TLSv1: "not offered", "TLSv1.1": "not offered", "TLSv1.2": "offered", "TLSv1.3": "offered" } } });
  });
});
