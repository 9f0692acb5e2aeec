/**
 * The email lab's zones: one scenario per zone under `test.` (each its own organisational domain), served by
 * Knot. Keys for DKIM are generated here, per run.
 */
import { generateKeyPairSync } from "node:crypto";
import { splitTxt } from "../../../../core/email/spf";
import type { ExpectedDomainState } from "../../../../audit/types";
import type { LabZone } from "../dns";

/** A TXT line for a zone file, split into ≤255-byte strings as DNS requires (RFC 1035 §3.3.14). */
export function txt(owner: string, value: string): string {
  return `${owner} 300 IN TXT ${splitTxt(value).map((s) => `"${s.replace(/(["\\])/g, "\\$1")}"`).join(" ")}`;
}

function rsaKey(bits: number): string {
  return generateKeyPairSync("rsa", { modulusLength: bits }).publicKey.export({ format: "der", type: "spki" }).toString("base64");
}

export const GOOD_POLICY = "version: STSv1\r\nmode: enforce\r\nmx: mx1.good.test\r\nmax_age: 604800\r\n";
export const ENFORCE_WILDCARD_POLICY = "version: STSv1\r\nmode: enforce\r\nmx: *.stsenforce.test\r\nmax_age: 604800\r\n";
export const TESTING_POLICY = "version: STSv1\r\nmode: testing\r\nmx: mx1.ststesting.test\r\nmax_age: 3600\r\n";
export const BAD_POLICY = "version: STSv1\r\nmode: strict\r\nmax_age: 604800\r\n";

/** The MX hosts the SMTP servers stand for, and the hosts the HTTPS policy server answers. */
export const GOOD_MX = "mx1.good.test";
export const UNCOVERED_MX = "a.b.stsenforce.test";
export const MTA_STS_HOSTS = ["mta-sts.good.test", "mta-sts.stsenforce.test", "mta-sts.ststesting.test", "mta-sts.stsbad.test", "mta-sts.stsredirect.test", "mta-sts.stsexpired.test"] as const;

/** An ed25519 public key as RFC 8463 §4.2 wants it (32 raw bytes), and the SubjectPublicKeyInfo some publish. */
function ed25519Spki(): string {
  return generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" }).toString("base64");
}
function ed25519Raw(): string {
  return generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("base64");
}

const a = (name: string) => `${name} 300 IN A 127.0.0.1`;

export function emailLabZones(): LabZone[] {
  const zone = (origin: string, records: string[]): LabZone => ({ origin, dnssec: "unsigned", records });
  const lookups = Array.from({ length: 11 }, (_, i) => `include:i${i}.lookups.test`).join(" ");
  const sloppyIps = Array.from({ length: 30 }, (_, i) => `ip4:198.51.100.${i}`).join(" ");
  const sloppyMx = Array.from({ length: 11 }, (_, i) => `sloppy.test. 300 IN MX ${i} mx${i}.sloppy.test.`);
  return [
    zone("good.test", [
      "good.test. 300 IN MX 10 mx1.good.test.",
      a("mx1.good.test."),
      txt("good.test.", "v=spf1 include:_spf.good.test mx -all"),
      txt("good.test.", "google-site-verification=lab"),
      txt("_spf.good.test.", "v=spf1 ip4:192.0.2.0/24 -all"),
      txt("_dmarc.good.test.", "v=DMARC1; p=reject; rua=mailto:dmarc@good.test,mailto:agg@reports.test"),
      txt("google._domainkey.good.test.", `v=DKIM1; k=rsa; p=${rsaKey(2048)}`),
      "ses1._domainkey.good.test. 300 IN CNAME ses1.dkim.provider.test.",
      txt("_mta-sts.good.test.", "v=STSv1; id=20261129"),
      a("mta-sts.good.test."),
      txt("_smtp._tls.good.test.", "v=TLSRPTv1; rua=mailto:tls@good.test"),
      // A subdomain without its own DMARC record: it inherits good.test's.
      txt("news.good.test.", "v=spf1 -all"),
    ]),
    zone("provider.test", [txt("ses1.dkim.provider.test.", `v=DKIM1; k=rsa; p=${rsaKey(2048)}`)]),
    zone("reports.test", [txt("good.test._report._dmarc.reports.test.", "v=DMARC1")]),
    zone("parked.test", ["parked.test. 300 IN MX 0 .", txt("parked.test.", "v=spf1 -all"), txt("_dmarc.parked.test.", "v=DMARC1; p=reject; sp=reject; rua=mailto:d@parked.test")]),
    zone("parkedbad.test", ["parkedbad.test. 300 IN MX 10 mx1.parkedbad.test.", a("mx1.parkedbad.test."), txt("parkedbad.test.", "v=spf1 include:_spf.good.test -all")]),
    zone("lookups.test", [txt("lookups.test.", `v=spf1 ${lookups} -all`), ...Array.from({ length: 11 }, (_, i) => txt(`i${i}.lookups.test.`, `v=spf1 ip4:192.0.2.${i} -all`))]),
    zone("voids.test", [txt("voids.test.", "v=spf1 include:a.nx.voids.test a:b.nx.voids.test exists:c.nx.voids.test -all")]),
    zone("loop.test", [txt("loop.test.", "v=spf1 include:a.loop.test -all"), txt("a.loop.test.", "v=spf1 include:loop.test -all")]),
    zone("twospf.test", [txt("twospf.test.", "v=spf1 -all"), txt("twospf.test.", "v=spf1 include:_spf.good.test ~all")]),
    // +all, an invalid address, an mx term with 11 hosts, over 450 bytes; MX targets without addresses.
    zone("sloppy.test", [txt("sloppy.test.", `v=spf1 ip4:192.0.2.300 ${sloppyIps} mx +all`), ...sloppyMx]),
    zone("nodmarc.test", [txt("nodmarc.test.", "v=spf1 -all")]),
    zone("dmarcnone.test", [txt("_dmarc.dmarcnone.test.", "v=DMARC1; p=none; pct=50; rua=mailto:a@dmarcnone.test,mailto:b@dmarcnone.test,mailto:c@dmarcnone.test; foo=bar")]),
    zone("dmarcbad.test", [txt("_dmarc.dmarcbad.test.", "v=DMARC1; p=reject; sp=none; adkim=x; rua=mailto:r@unauth.test")]),
    zone("unauth.test", [txt("unauth.test.", "v=spf1 -all")]),
    zone("norua.test", [txt("_dmarc.norua.test.", "v=DMARC1; p=reject")]),
    zone("dkimweak.test", [
      txt("s1._domainkey.dkimweak.test.", `v=DKIM1; k=rsa; p=${rsaKey(512)}`),
      txt("old._domainkey.dkimweak.test.", "v=DKIM1; k=rsa; p="),
      txt("broken._domainkey.dkimweak.test.", "v=DKIM1; k=rsa; p=not*base64"),
    ]),
    // DMARC effective policy (RFC 7489 §6.6.3 step 6): each record's tags say "enforce", receivers apply none.
    zone("dmarcbadp.test", [txt("_dmarc.dmarcbadp.test.", "v=DMARC1; p=rejectt; sp=reject; rua=mailto:d@dmarcbadp.test")]),
    zone("dmarcbadsp.test", [txt("_dmarc.dmarcbadsp.test.", "v=DMARC1; p=reject; sp=bogus; rua=mailto:d@dmarcbadsp.test")]),
    zone("dmarcspnorua.test", [txt("_dmarc.dmarcspnorua.test.", "v=DMARC1; p=reject; sp=rejct")]),
    zone("dmarcnop.test", [txt("_dmarc.dmarcnop.test.", "v=DMARC1; sp=reject; rua=mailto:d@dmarcnop.test")]),
    // A subdomain with its own valid record under an organisational one, and a lookalike that receivers discard.
    zone("dmarcsub.test", [
      txt("_dmarc.dmarcsub.test.", "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@dmarcsub.test"),
      txt("_dmarc.own.dmarcsub.test.", "v=DMARC1; p=reject; rua=mailto:d@dmarcsub.test"),
      txt("_dmarc.typo.dmarcsub.test.", "v=dmarc1; p=none"),
      a("app.dmarcsub.test."),
    ]),
    // DKIM keys that parse but no verifier can use for email (RFC 6376 §3.6.1 h=, s=; RFC 8301; RFC 8463).
    zone("dkimtags.test", [
      txt("sha1._domainkey.dkimtags.test.", `v=DKIM1; k=rsa; h=sha1; p=${rsaKey(2048)}`),
      txt("svc._domainkey.dkimtags.test.", `v=DKIM1; k=rsa; s=tlsrpt; p=${rsaKey(2048)}`),
      txt("edspki._domainkey.dkimtags.test.", `v=DKIM1; k=ed25519; p=${ed25519Spki()}`),
      txt("dsa._domainkey.dkimtags.test.", `v=DKIM1; k=dsa; p=${rsaKey(2048)}`),
    ]),
    zone("dkimok.test", [
      txt("both._domainkey.dkimok.test.", `v=DKIM1; k=rsa; h=sha1:sha256; s=email; t=s; p=${rsaKey(2048)}`),
      txt("ed._domainkey.dkimok.test.", `v=DKIM1; k=ed25519; h=sha256; s=*; p=${ed25519Raw()}`),
    ]),
    zone("stsdup.test", [txt("_mta-sts.stsdup.test.", "v=STSv1; id=1"), txt("_mta-sts.stsdup.test.", "v=STSv1; id=2")]),
    zone("stsenforce.test", [`stsenforce.test. 300 IN MX 10 ${UNCOVERED_MX}.`, a(`${UNCOVERED_MX}.`), txt("_mta-sts.stsenforce.test.", "v=STSv1; id=1"), a("mta-sts.stsenforce.test.")]),
    zone("ststesting.test", ["ststesting.test. 300 IN MX 10 mx1.ststesting.test.", a("mx1.ststesting.test."), txt("_mta-sts.ststesting.test.", "v=STSv1; id=1"), a("mta-sts.ststesting.test."), txt("_smtp._tls.ststesting.test.", "v=TLSRPTv1; rua=mailto:t@ststesting.test")]),
    zone("stsbad.test", ["stsbad.test. 300 IN MX 10 mx1.stsbad.test.", a("mx1.stsbad.test."), txt("_mta-sts.stsbad.test.", "v=STSv1; id=1"), a("mta-sts.stsbad.test.")]),
    zone("stsredirect.test", [txt("_mta-sts.stsredirect.test.", "v=STSv1; id=1"), a("mta-sts.stsredirect.test.")]),
    zone("stsexpired.test", [txt("_mta-sts.stsexpired.test.", "v=STSv1; id=1"), a("mta-sts.stsexpired.test.")]),
    zone("tlsrptbad.test", [txt("_smtp._tls.tlsrptbad.test.", "v=TLSRPTv1; rua=http://reports.tlsrptbad.test/")]),
    zone("nullmix.test", ["nullmix.test. 300 IN MX 0 .", "nullmix.test. 300 IN MX 10 mx1.nullmix.test.", a("mx1.nullmix.test."), txt("nullmix.test.", "v=spf1 mx -all")]),
    zone("cnamemx.test", ["cnamemx.test. 300 IN MX 10 mail.cnamemx.test.", "mail.cnamemx.test. 300 IN CNAME mx1.good.test."]),
  ];
}

const base: ExpectedDomainState = { sending: true, dkimSelectors: [], mxHosts: [], caaIssuers: [], aliases: [], endpoints: {} };

/** Expected state (`--stack`) per lab domain; domains not listed are audited by discovery. */
export const EXPECTED: Readonly<Record<string, ExpectedDomainState>> = {
  "good.test": { ...base, dkimSelectors: ["google", "ses1"], mxHosts: [GOOD_MX] },
  "parkedbad.test": { ...base, sending: false },
  "dkimweak.test": { ...base, dkimSelectors: ["s1", "old", "broken", "missing"] },
  "dkimtags.test": { ...base, dkimSelectors: ["sha1", "svc", "edspki", "dsa"] },
  "dkimok.test": { ...base, dkimSelectors: ["both", "ed"] },
};
