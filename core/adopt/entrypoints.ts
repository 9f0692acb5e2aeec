/**
 * Which phase entrypoint rulesets the stack plans for a domain, and which live ones it therefore adopts. A zone has
 * one entrypoint per phase, so a planned entrypoint beside a live one must adopt it (creating a second fails); a
 * live entrypoint of a phase the stack does not plan is left alone. The phases mirror the domain component: the
 * redirect entrypoint with `web`, rate limiting with `rateLimits`, the managed WAF with `rateLimits` on a paid plan.
 */
import type { CloudflareSpec, DomainSpec } from "../spec";
import type { LiveEntrypoints } from "./live";

export const ADOPTABLE_PHASES = ["http_request_dynamic_redirect", "http_ratelimit", "http_request_firewall_managed"] as const;
export type AdoptablePhase = (typeof ADOPTABLE_PHASES)[number];

/** Structural: only whether there is a `web` section, how many rate limits, and the plan matter. */
export interface PhaseInputs {
  readonly web?: DomainSpec["web"];
  readonly rateLimits: readonly unknown[];
  readonly cloudflare: Pick<CloudflareSpec, "plan">;
}

export function plannedPhases(d: PhaseInputs): AdoptablePhase[] {
  return ADOPTABLE_PHASES.filter((phase) => {
    if (phase === "http_request_dynamic_redirect") return d.web !== undefined;
    if (phase === "http_ratelimit") return d.rateLimits.length > 0;
    return d.rateLimits.length > 0 && d.cloudflare.plan !== "free";
  });
}

export interface EntrypointDiff {
  /** Phase → live id: the stack plans the phase, so it adopts the entrypoint. */
  readonly adopt: Readonly<Partial<Record<AdoptablePhase, string>>>;
  /** Phases the stack plans and the zone has no entrypoint for: the first up creates them. */
  readonly create: readonly AdoptablePhase[];
  /** Live entrypoints of phases the stack does not plan: never touched. */
  readonly foreign: readonly { readonly phase: string; readonly id: string }[];
}

export function matchEntrypoints(planned: readonly AdoptablePhase[], live: LiveEntrypoints): EntrypointDiff {
  const adopt: Partial<Record<AdoptablePhase, string>> = {};
  const create: AdoptablePhase[] = [];
  for (const phase of planned) {
    const id = live[phase];
    if (id !== undefined) adopt[phase] = id;
    else create.push(phase);
  }
  const foreign = Object.entries(live).flatMap(([phase, id]) => (id !== undefined && !(planned as readonly string[]).includes(phase) ? [{ phase, id }] : []));
  return { adopt, create, foreign };
}
