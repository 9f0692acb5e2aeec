/** Observations of a live domain, built per test: a healthy-ish default with each part replaceable. */
import { generateKeyPairSync } from "node:crypto";
import type { DomainObservations, SeenHost } from "../../../core/init";

export const RSA2048 = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "der" }).toString("base64");
export const RSA1024 = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "der" }).toString("base64");

export function host(name: string, o: Partial<SeenHost> = {}): SeenHost {
  return {
    name,
    cname: { kind: "none" },
    a: { kind: "found", records: ["203.0.113.10"] },
    aaaa: { kind: "none" },
    https: { kind: "answered", finalUrl: `https://${name}/`, status: 200, hops: 0 },
    ...o,
  };
}

export function observations(o: Partial<DomainObservations> = {}): DomainObservations {
  const domain = o.domain ?? "acme.example";
  return {
    domain,
    apex: host(domain),
    www: host(`www.${domain}`, { https: { kind: "answered", finalUrl: `https://${domain}/`, status: 200, hops: 1 } }),
    mx: { kind: "found", records: [{ preference: 1, exchange: "smtp.google.com" }] },
    txt: { kind: "found", records: ["v=spf1 include:_spf.google.com include:sendgrid.net ~all", "google-site-verification=abc"] },
    dmarc: { kind: "found", records: ["v=DMARC1; p=none; rua=mailto:reports@acme.example"] },
    caa: { kind: "none" },
    dkim: [
      { selector: "google", kind: "txt", records: [`v=DKIM1; k=rsa; p=${RSA2048}`] },
      { selector: "s1", kind: "cname", target: "s1.domainkey.u123.wl.sendgrid.net" },
      { selector: "s2", kind: "cname", target: "s2.domainkey.u123.wl.sendgrid.net" },
      { selector: "selector1", kind: "none" },
    ],
    ...o,
  };
}
