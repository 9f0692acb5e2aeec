/** A stack and a hand-made live zone for the adopt tests: some records the stack plans, some it does not. */
import type { FakeRecord, FakeZone } from "./adopt-fake-cloudflare";

export const TOKEN = "cf-test-token-7Qx2ZrN8vKp4LmW9sT3yB6dH1jF5gA0e";
export const ZONE_ID = "0f3a2b1c4d5e6f708192a3b4c5d6e7f8";
export const REDIRECT_ID = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";
export const RATELIMIT_ID = "1a2b3c4d5e6f708192a3b4c5d6e7f809";
export const ORIGIN = "origin.acme-hosting.example.net";

export const STACK = `# Acme's production stack: the zone exists already, with records made by hand.
config:
  aws:region: eu-west-1
  cloudflare:apiToken:
    secure: v1:offline-stand-in
  launch-ready:domains:
    # The one domain.
    - name: acme.example
      cloudflare:
        plan: free # free for now
      dnssec: true
      web:
        origin: ${ORIGIN}
        canonicalHost: acme.example
        aliases: [www.acme.example]
        caa:
          iodef: mailto:security@acme.example
      dns:
        records:
          # The status page.
          - name: status.acme.example
            type: CNAME
            content: acme.statuspage.example.net
`;

const id = (n: number) => n.toString(16).padStart(32, "0");

/** Records the stack plans, exactly as live (adopted unchanged). */
export const TWINS: readonly FakeRecord[] = [
  { id: id(1), name: "acme.example", type: "CNAME", content: ORIGIN, ttl: 1, proxied: true },
  { id: id(2), name: "acme.example", type: "CAA", content: '0 issue "letsencrypt.org"', ttl: 3600, proxied: false },
  { id: id(3), name: "acme.example", type: "CAA", content: '0 issue "pki.goog"', ttl: 3600, proxied: false },
];
/** Records the stack plans with other values live (adopted, then changed). */
export const CHANGED: readonly FakeRecord[] = [
  { id: id(4), name: "www.acme.example", type: "CNAME", content: "old-site.example.net", ttl: 300, proxied: false, comment: "set up by hand" },
  { id: id(5), name: "status.acme.example", type: "CNAME", content: "acme.statuspage.example.net", ttl: 120, proxied: false },
];
/** Records the stack does not plan (left alone). */
export const FOREIGN: readonly FakeRecord[] = [
  { id: id(6), name: "acme.example", type: "TXT", content: '"google-site-verification=Qm9vYmFy"', ttl: 3600, proxied: false },
  { id: id(7), name: "acme.example", type: "MX", content: "mx.mail.example.net", ttl: 3600, proxied: false, priority: 10 },
  { id: id(8), name: "blog.acme.example", type: "CNAME", content: "acme.ghost.example.org", ttl: 1, proxied: true },
  { id: id(9), name: "acme.example", type: "CAA", content: '0 issue "digicert.com"', ttl: 3600, proxied: false },
  { id: id(10), name: "_dmarc.acme.example", type: "TXT", content: '"v=DMARC1; p=none"', ttl: 3600, proxied: false },
];

export function fakeZone(overrides: Partial<FakeZone> = {}): FakeZone {
  return {
    id: ZONE_ID,
    name: "acme.example",
    // Interleaved, so planned and foreign records fall on every page.
    records: [FOREIGN[0], TWINS[0], CHANGED[0], FOREIGN[1], TWINS[1], FOREIGN[2], CHANGED[1], TWINS[2], FOREIGN[3], FOREIGN[4]].filter((r): r is FakeRecord => r !== undefined),
    entrypoints: { http_request_dynamic_redirect: REDIRECT_ID, http_ratelimit: RATELIMIT_ID },
    settings: {
      ssl: "flexible",
      always_use_https: "on",
      automatic_https_rewrites: "off",
      min_tls_version: "1.0",
      tls_1_3: "on",
      security_header: { strict_transport_security: { enabled: false, max_age: 0, include_subdomains: false, preload: false, nosniff: false } },
    },
    ...overrides,
  };
}
