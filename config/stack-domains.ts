/**
 * From a stack file's `launch-ready:` config to the args of each `Domain` component: the stack program
 * (`index.ts`) is one user of the component library, and this is all it adds to it. The whole config is validated
 * first (all errors at once, nothing registered when any), then each domain entry goes to its component as it was
 * written, except that a redirect-only domain listing no legacy paths inherits those of the stack domain it
 * redirects to.
 */
import { withReportDestinations } from "./email";
import type { ConfigIssue, ConfigReport } from "./issues";
import { type DomainConfig, launchReadyConfigSchema } from "./schema";
import type { LaunchReadySpec } from "./spec";
import { validateConfig } from "./validate";

export interface StackDomain {
  /** Where the entry is in the stack file, e.g. `["launch-ready:domains", 0]`: the component reports under it. */
  readonly path: readonly PropertyKey[];
  /** The entry, parsed (defaults applied, names in A-labels): valid `DomainArgs`. */
  readonly args: DomainConfig;
}

export interface StackDomains {
  readonly spec: LaunchReadySpec;
  readonly domains: readonly StackDomain[];
  /** Warnings about the stack as a whole; each domain's own are its component's to log. */
  readonly stackWarnings: readonly ConfigIssue[];
}

export function stackDomains(config: Readonly<Record<string, unknown>>, options: Parameters<typeof validateConfig>[1] = {}): ConfigReport<StackDomains> {
  const report = validateConfig(config, options);
  const spec = report.value;
  if (spec === undefined) return report.errors.length > 0 ? { errors: report.errors, warnings: report.warnings } : { errors: [{ path: "(stack config)", message: "is invalid" }], warnings: report.warnings };
  // Valid, so this parse succeeds: it gives the entries in their written shape, which the spec no longer has.
  const parsed = launchReadyConfigSchema.parse(Object.fromEntries(Object.entries(config).filter(([k]) => k.startsWith("launch-ready:"))));
  // A domain receiving another stack domain's DMARC reports publishes their authorisation (RFC 7489 §7.1).
  const entries = withReportDestinations(parsed["launch-ready:domains"]);
  const domains = entries.map((entry, i): StackDomain => {
    const inherited = spec.domains[i]?.web?.legacyPaths ?? [];
    const web = entry.web;
    const args = web?.redirectTo !== undefined && web.legacyPaths.length === 0 && inherited.length > 0 ? { ...entry, web: { ...web, legacyPaths: inherited.map((p) => ({ ...p })) } } : entry;
    return { path: ["launch-ready:domains", i], args };
  });
  const stackWarnings = report.warnings.filter((w) => !w.path.startsWith("launch-ready:domains["));
  return { value: { spec, domains, stackWarnings }, errors: [], warnings: report.warnings };
}
