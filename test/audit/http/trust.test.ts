import { connect, type SecureContext } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConnectTo } from "../../../audit/http/connect-to";
import { buildContext, secureContextFor } from "../../../audit/http/trust";
import { labPkiAvailable } from "../lab/pki";
import { startWebLab, type WebLab } from "../lab/web/server";

let lab: WebLab;

/** One handshake with good.test through `ctx`: whether the chain verified, and why not. */
function verify(ctx: SecureContext, host = "good.test"): Promise<{ authorized: boolean; error?: string }> {
  const target = resolveConnectTo(lab.connectTo, host, 443);
  return new Promise((done, fail) => {
    const socket = connect({ host: target.host, port: target.port, servername: host, secureContext: ctx, rejectUnauthorized: false });
    socket.once("secureConnect", () => {
      const error: unknown = socket.authorizationError;
      done({ authorized: socket.authorized, ...(error ? { error: String(error) } : {}) });
      socket.destroy();
    });
    socket.once("error", fail);
  });
}

describe.runIf(labPkiAvailable())("the audit's TLS trust (audit/http/trust.ts)", () => {
  beforeAll(async () => {
    lab = await startWebLab();
  });
  afterAll(async () => {
    await lab.close();
  });

  it("Node still offers the native addCACert the fast context uses (else every context is built the slow way)", () => {
    const native: unknown = Reflect.get(buildContext({}), "context");
    expect(typeof Reflect.get(native as object, "addCACert")).toBe("function");
  });

  it.each([true, false])("a --ca context (fast: %s) trusts the private CA, and one without it does not", async (fast) => {
    expect(await verify(buildContext({ caPem: lab.rootPem }, fast))).toEqual({ authorized: true });
    expect(await verify(buildContext({ caPem: lab.rootPem, ciphers: "DEFAULT:@SECLEVEL=0", minVersion: "TLSv1.2", maxVersion: "TLSv1.2" }, fast))).toEqual({ authorized: true });
    expect(await verify(buildContext({ ciphers: "DEFAULT" }, fast))).toMatchObject({ authorized: false });
  });

  it("the fast and the documented contexts give the same verdict on every lab certificate", async () => {
    for (const host of ["good.test", "expired.test", "selfsigned.test", "wronghost.test", "incomplete.test"]) {
      expect(await verify(buildContext({ caPem: lab.rootPem }, true), host)).toEqual(await verify(buildContext({ caPem: lab.rootPem }, false), host));
    }
  });

  it("serves one context per (CA, protocol bounds, ciphers) for the whole run", () => {
    const a = secureContextFor({ caPem: lab.rootPem, minVersion: "TLSv1.3", maxVersion: "TLSv1.3" });
    expect(secureContextFor({ caPem: lab.rootPem, minVersion: "TLSv1.3", maxVersion: "TLSv1.3" })).toBe(a);
    expect(secureContextFor({ caPem: lab.rootPem })).not.toBe(a);
    expect(secureContextFor({})).toBeUndefined();
  });
});
