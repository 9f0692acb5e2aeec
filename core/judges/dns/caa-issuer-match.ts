/**
 * caa.issuer_match: the relevant CAA set of a name allows every CA the platform renews its certificates with, for
 * plain and wildcard certificates (RFC 8659 §4.2-4.3), and, once live, the CA of the certificate it serves.
 */
import { blockedIssuers } from "../../edge/caa";
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { type CaaSet, recordsOf } from "./caa-set";
import { caaDomainsForIssuer } from "./ca-domains";

/** The certificate the name serves (after apply only). */
export type LiveCertificate =
  | { readonly kind: "read"; readonly issuer: string; readonly wildcard: boolean }
  | { readonly kind: "unreadable"; readonly reason: string };

export interface CaaIssuerMatchInput {
  /** The names judged together (they share the relevant set), e.g. the apex and its proxied hosts. */
  readonly names: readonly string[];
  readonly set: CaaSet | undefined;
  /** CAA issuer domains that must be allowed (`requiredIssuers` of the record plan); empty when not known. */
  readonly required: readonly string[];
  /** Undefined before apply: there is no certificate to read yet. */
  readonly live?: LiveCertificate;
}

export function judgeCaaIssuerMatch({ names, set, required, live }: CaaIssuerMatchInput): Verdict {
  const who = names.join(", ");
  if (set === undefined) return notApplicable(`no CAA set at ${who} or above: every CA may issue (see caa.present)`);
  const records = recordsOf(set);
  const blocked = blockedIssuers(records, required);
  const missing = [...new Set([...blocked.issue, ...blocked.issuewild])];
  const facts: string[] = [];
  if (missing.length > 0) {
    const wildOnly = blocked.issue.length === 0;
    facts.push(`the CAA set at ${set.at} does not allow ${missing.join(", ")}${wildOnly ? " for wildcard certificates" : ""}, which ${missing.length === 1 ? "issues" : "issue"} the platform's certificates for ${who}`);
  }
  let liveFact: { readonly outcome: "blocks-live-issuer" | "cannot-tell" | "ok"; readonly text: string } | undefined;
  if (live?.kind === "unreadable") liveFact = { outcome: "cannot-tell", text: `the live certificate could not be read (${live.reason})` };
  else if (live?.kind === "read") {
    const domains = caaDomainsForIssuer(live.issuer);
    if (domains.length === 0) liveFact = { outcome: "cannot-tell", text: `the live certificate's CA (${live.issuer}) is not one launch-ready can map to a CAA domain` };
    else {
      const allowed = domains.some((d) => {
        const b = blockedIssuers(records, [d]);
        return b.issue.length === 0 && (!live.wildcard || b.issuewild.length === 0);
      });
      liveFact = allowed
        ? { outcome: "ok", text: `the live certificate's CA (${domains[0]}) is allowed` }
        : { outcome: "blocks-live-issuer", text: `the live certificate's CA (${live.issuer}; CAA ${domains.join(" or ")}) is not allowed by the CAA set at ${set.at}, so it cannot renew` };
    }
  }
  if (missing.length > 0) return judged("caa.issuer_match", "blocks-platform", liveFact && liveFact.outcome !== "ok" ? [...facts, liveFact.text] : facts);
  if (liveFact?.outcome === "blocks-live-issuer") return judged("caa.issuer_match", "blocks-live-issuer", [liveFact.text]);
  const platform = required.length > 0 ? `the CAA set at ${set.at} allows ${required.join(", ")} for ${who}` : `the CAA set at ${set.at} applies to ${who}`;
  if (liveFact?.outcome === "cannot-tell") return cannotTell(`${platform}, but ${liveFact.text}`);
  return judged("caa.issuer_match", "allows-platform", [liveFact ? `${platform}; ${liveFact.text}` : platform]);
}
