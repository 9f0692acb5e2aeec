/**
 * Observations → the starting stack config (`config:` of `stacks/Pulumi.<stack>.yaml`) with a comment on every
 * value. A lookup that did not answer makes the part it feeds undecidable: then there is no stack, only the reasons,
 * so nothing is ever written from a guess.
 */
import type { ConfigPath, ValueComment } from "./annotated";
import { inferEmail } from "./email";
import type { DomainObservations, Seen } from "./observed";
import { inferWeb } from "./web";

export interface InitOptions {
  /** `--origin`: the origin when it cannot be seen (hidden behind Cloudflare's proxy). */
  readonly origin?: string;
}

export type InferredStack =
  | {
      readonly kind: "stack";
      /** The `config:` map, keyed as in the stack file. */
      readonly config: Record<string, unknown>;
      readonly comments: readonly ValueComment[];
      readonly notes: readonly string[];
    }
  | { readonly kind: "cannot-tell"; readonly reasons: readonly string[] };

/** `what: reason`, unless the client's reason names the query already. */
function say(what: string, reason: string): string {
  const query = what.replace(/^DKIM /, "TXT ");
  return reason.startsWith(query) ? reason : `${what}: ${reason}`;
}

/** Every lookup the inference reads that did not answer, named. */
export function unanswered(obs: DomainObservations): string[] {
  const d = obs.domain;
  const named: [string, Seen<unknown>][] = [
    [`MX ${d}`, obs.mx],
    [`TXT ${d}`, obs.txt],
    [`TXT _dmarc.${d}`, obs.dmarc],
    [`CAA ${d}`, obs.caa],
    ...[obs.apex, obs.www].flatMap((h): [string, Seen<unknown>][] => [
      [`CNAME ${h.name}`, h.cname],
      [`A ${h.name}`, h.a],
      [`AAAA ${h.name}`, h.aaaa],
    ]),
  ];
  return [
    ...named.flatMap(([what, s]) => (s.kind === "unknown" ? [say(what, s.reason)] : [])),
    ...obs.dkim.flatMap((k) => (k.kind === "unknown" ? [say(`DKIM ${k.selector}._domainkey.${d}`, k.reason)] : [])),
  ];
}

export function inferStack(obs: DomainObservations, opts: InitOptions = {}): InferredStack {
  const reasons = unanswered(obs);
  if (reasons.length > 0) return { kind: "cannot-tell", reasons };
  const domainPath: ConfigPath = ["launch-ready:domains", 0];
  const web = inferWeb(obs, domainPath, opts.origin !== undefined ? { origin: opts.origin } : {});
  const email = inferEmail(obs, domainPath, 0);
  const domain: Record<string, unknown> = { name: obs.domain, dnssec: true };
  const comments: ValueComment[] = [
    { path: domainPath, text: `${obs.domain}: the domain init looked at (its Cloudflare zone)` },
    { path: [...domainPath, "dnssec"], text: "fixes dnssec.chain: Cloudflare signs; publish the DS (stack output) at the registrar" },
  ];
  if (web.value !== undefined) domain["web"] = web.value;
  if (email.value.mx.length > 0) domain["dns"] = { records: email.value.mx };
  if (email.value.email !== undefined) domain["email"] = email.value.email;
  comments.push(...web.comments, ...email.comments);
  return { kind: "stack", config: { "launch-ready:domains": [domain] }, comments, notes: [...web.notes, ...email.notes] };
}
