/**
 * The speed targets, computed from one bench run (ratios of timings taken in the same run, so they hold across
 * machines better than milliseconds): start-up against loading the Pulumi SDK alone, a one-host audit against the
 * MDN Observatory's one-host scan, and what each extra domain of a generated stack costs in time and memory.
 */
export interface TargetInputs {
  readonly preview?: number | undefined;
  readonly bareRequire?: number | undefined;
  readonly auditOneHost?: number | undefined;
  readonly observatoryOneHost?: number | undefined;
  readonly few: { readonly domains: number; readonly ms?: number | undefined; readonly rssMiB?: number | undefined };
  readonly many: { readonly domains: number; readonly ms?: number | undefined; readonly rssMiB?: number | undefined };
}

export interface TargetResult {
  readonly what: string;
  readonly target: string;
  /** Undefined when the run could not measure it (e.g. the Observatory is not installed). */
  readonly measured?: number;
  readonly unit: string;
  readonly met?: boolean;
}

const ratio = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined || b === 0 ? undefined : a / b);

export function targets(m: TargetInputs): TargetResult[] {
  const extra = m.many.domains - m.few.domains;
  const perDomainMs = m.many.ms !== undefined && m.few.ms !== undefined ? (m.many.ms - m.few.ms) / extra : undefined;
  const perDomainMiB = m.many.rssMiB !== undefined && m.few.rssMiB !== undefined ? (m.many.rssMiB - m.few.rssMiB) / extra : undefined;
  const check = (what: string, target: string, measured: number | undefined, unit: string, limit: number): TargetResult => ({
    what,
    target,
    unit,
    ...(measured !== undefined ? { measured, met: measured <= limit } : {}),
  });
  return [
    check("example preview ÷ bare `require('@pulumi/pulumi')`", "≤ 1.0×", ratio(m.preview, m.bareRequire), "×", 1.0),
    check("one-host full audit ÷ Observatory one-host scan", "≤ 0.5×", ratio(m.auditOneHost, m.observatoryOneHost), "×", 0.5),
    check(`each extra domain, time ((${m.many.domains} − ${m.few.domains} domains) ÷ ${extra})`, "≤ 30 ms", perDomainMs, "ms", 30),
    check(`each extra domain, peak memory ((${m.many.domains} − ${m.few.domains} domains) ÷ ${extra})`, "≤ 2 MiB", perDomainMiB, "MiB", 2),
    check(`${m.many.domains} domains ÷ ${m.few.domains} domains (linear: ${(m.many.domains / m.few.domains).toFixed(1)}×)`, "≤ 4.4×", ratio(m.many.ms, m.few.ms), "×", 4.4),
  ];
}

export function targetsTable(results: readonly TargetResult[]): string {
  const rows = results.map((r) => `| ${r.what} | ${r.target} | ${r.measured === undefined ? "not measured" : `${r.measured.toFixed(2)} ${r.unit}`} | ${r.met === undefined ? "—" : r.met ? "met" : "not met"} |`);
  return ["### Targets", "", "| what | target | measured | |", "|---|---|---|---|", ...rows].join("\n");
}
