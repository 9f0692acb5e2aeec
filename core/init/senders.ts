/**
 * Mail senders from the live SPF record: includes of the providers the toolkit knows become those providers;
 * everything else the custom sender can carry (other includes, ip4, ip6) becomes one custom sender; terms it cannot
 * carry (a, mx, exists, ptr, redirect) are named in a note, never silently dropped.
 */
import { KNOWN_SENDERS, SENDERS, type KnownSender } from "../email/build/senders";
import { parseSpf } from "../email/spf";

/** SPF include → the provider it names. SES's apex include is `amazonses.com` (SENDERS has none: MAIL FROM). */
export const PROVIDER_BY_INCLUDE: ReadonlyMap<string, KnownSender> = new Map<string, KnownSender>([
  ...KNOWN_SENDERS.flatMap((k): [string, KnownSender][] => {
    const include = SENDERS[k].include;
    return include !== undefined ? [[include, k]] : [];
  }),
  ["amazonses.com", "amazon-ses"],
]);

export interface SpfSenders {
  /** Recognised providers, in the order their includes appear, each with the term it was seen as. */
  readonly providers: readonly { readonly provider: KnownSender; readonly term: string }[];
  readonly customIncludes: readonly string[];
  readonly ip4: readonly string[];
  readonly ip6: readonly string[];
  /** Terms the stack cannot carry, verbatim. */
  readonly uncarried: readonly string[];
  /** `-all` in the live record (the stack then keeps `spfAll: fail`). */
  readonly hardFail: boolean;
  readonly errors: readonly string[];
}

export function sendersFromSpf(record: string): SpfSenders {
  const parsed = parseSpf(record);
  const providers: { provider: KnownSender; term: string }[] = [];
  const customIncludes: string[] = [];
  const ip4: string[] = [];
  const ip6: string[] = [];
  const uncarried: string[] = [];
  let hardFail = false;
  for (const t of parsed.record.terms) {
    if (t.type === "modifier") {
      if (t.name === "redirect") uncarried.push(t.raw);
      continue;
    }
    const m = t.mechanism;
    if (m.kind === "all") {
      hardFail = t.qualifier === "-";
      continue;
    }
    if (t.qualifier !== "+") {
      uncarried.push(t.raw);
      continue;
    }
    if (m.kind === "include") {
      const domain = m.domain.toLowerCase().replace(/\.$/, "");
      if (domain.includes("%")) {
        uncarried.push(t.raw);
        continue;
      }
      const provider = PROVIDER_BY_INCLUDE.get(domain);
      if (provider !== undefined) {
        if (!providers.some((p) => p.provider === provider)) providers.push({ provider, term: t.raw });
      } else if (!customIncludes.includes(domain)) customIncludes.push(domain);
    } else if (m.kind === "ip4") ip4.push(m.prefix === undefined ? m.network : `${m.network}/${m.prefix}`);
    else if (m.kind === "ip6") ip6.push(m.prefix === undefined ? m.network : `${m.network}/${m.prefix}`);
    else uncarried.push(t.raw);
  }
  return { providers, customIncludes, ip4, ip6, uncarried, hardFail, errors: parsed.errors };
}
