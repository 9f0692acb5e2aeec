/**
 * dnssec.chain with a DNS client that cannot fetch signatures: the resolver's AD bit decides, and it must be set on
 * every RRset the checks read, not only on the zone's SOA; the zone of a subdomain is found and named.
 */
import { describe, expect, it } from "vitest";
import { dnssecModule } from "../../../../audit/checks/dns/dnssec";
import { parseTarget } from "../../../../audit/target";
import type { DnsClient, DnsLookup, DnsRecordData, DnsRecordType } from "../../../../audit/types";
import { context, fakeDns, type Zone } from "../email/fakes";

const ZONE: Zone = {
  "acme.example": { SOA: [{ mname: "ns1.acme.example", rname: "h.acme.example", serial: 1 }], NS: ["ns1.acme.example"], TXT: ["v=spf1 -all"], A: ["192.0.2.1"] },
  "app.acme.example": { A: ["192.0.2.2"] },
  "_dmarc.acme.example": { TXT: ["v=DMARC1; p=reject"] },
};

/** The fake zone, answered as a validating resolver would: AD set except on the names in `unvalidated`. */
function adResolver(unvalidated: readonly string[]): DnsClient {
  const inner = fakeDns(ZONE);
  return {
    async query<T extends DnsRecordType>(name: string, type: T): Promise<DnsLookup<DnsRecordData[T]>> {
      const r = await inner.query(name, type);
      return r.kind === "answer" ? { ...r, authenticated: !unvalidated.includes(name) } : r;
    },
  };
}

describe("dnssec.chain by the resolver's AD bit", () => {
  it("passes when the zone and every relied-on RRset come authenticated", async () => {
    const [chain] = await dnssecModule.run(parseTarget("acme.example"), context({ dns: adResolver([]) }));
    expect(chain).toMatchObject({ status: "pass", evidence: { outcome: "secure", zone: "acme.example" } });
  });

  it("does not pass when the SOA is authenticated but an RRset a check reads is not", async () => {
    const [chain] = await dnssecModule.run(parseTarget("acme.example"), context({ dns: adResolver(["_dmarc.acme.example"]) }));
    expect(chain).toMatchObject({ status: "warn", evidence: { outcome: "not-validated", unauthenticated: ["TXT _dmarc.acme.example"] } });
  });

  it("finds the zone of a subdomain audited on its own", async () => {
    const [chain] = await dnssecModule.run(parseTarget("app.acme.example"), context({ dns: adResolver([]) }));
    expect(chain).toMatchObject({ status: "pass", evidence: { zone: "acme.example" } });
  });
});
