export type MtaStsMode = "enforce" | "testing" | "none";

export interface MtaStsPolicy {
  readonly version?: string;
  readonly mode?: MtaStsMode;
  readonly maxAge?: number;
  readonly mx: readonly string[];
}

export interface MtaStsPolicyParse {
  readonly policy: MtaStsPolicy;
  /** The policy is invalid: senders ignore it. */
  readonly errors: readonly string[];
  /** Valid but questionable (a field repeated: only its first value is read). */
  readonly warnings: readonly string[];
}

/** RFC 8461 §3.2: max_age is at most 31557600 seconds (about a year). */
export const MTA_STS_MAX_AGE_LIMIT = 31_557_600;

const MX_PATTERN = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Parses the policy file (RFC 8461 §3.2): `key: value` lines ended by CRLF or LF. Never throws. */
export function parseMtaStsPolicy(text: string): MtaStsPolicyParse {
  const errors: string[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  let version: string | undefined;
  let mode: MtaStsMode | undefined;
  let maxAge: number | undefined;
  const mx: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const colon = line.indexOf(":");
    if (colon <= 0) {
      errors.push(`line ${index + 1} "${line}" is not "key: value"`);
      return;
    }
    const key = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    if (key !== "mx" && seen.has(key)) {
      warnings.push(`"${key}" appears more than once; only the first is read`);
      return;
    }
    seen.add(key);
    switch (key) {
      case "version":
        version = value;
        if (value !== "STSv1") errors.push(`version: ${value} must be STSv1`);
        break;
      case "mode":
        if (value === "enforce" || value === "testing" || value === "none") mode = value;
        else errors.push(`mode: ${value} must be enforce, testing or none`);
        break;
      case "max_age":
        if (/^\d{1,10}$/.test(value) && Number(value) <= MTA_STS_MAX_AGE_LIMIT) maxAge = Number(value);
        else errors.push(`max_age: ${value} must be a whole number of seconds up to ${MTA_STS_MAX_AGE_LIMIT}`);
        break;
      case "mx":
        if (MX_PATTERN.test(value)) mx.push(value.toLowerCase());
        else errors.push(`mx: ${value} is not a host name or a "*." wildcard pattern`);
        break;
      default:
        break; // RFC 8461 §3.2: unknown fields are ignored
    }
  });
  if (version === undefined) errors.push('"version: STSv1" is missing');
  if (mode === undefined && !seen.has("mode")) errors.push('"mode:" is missing');
  if (maxAge === undefined && !seen.has("max_age")) errors.push('"max_age:" is missing');
  if ((mode === "enforce" || mode === "testing") && mx.length === 0) errors.push(`mode ${mode} needs at least one "mx:" line`);
  return {
    policy: { ...(version !== undefined ? { version } : {}), ...(mode !== undefined ? { mode } : {}), ...(maxAge !== undefined ? { maxAge } : {}), mx },
    errors,
    warnings,
  };
}

export interface MtaStsPolicySpec {
  readonly mode: MtaStsMode;
  readonly maxAge: number;
  readonly mx: readonly string[];
}

/** Builds the policy file served at `https://mta-sts.<domain>/.well-known/mta-sts.txt` (CRLF lines, §3.2). */
export function buildMtaStsPolicy(spec: MtaStsPolicySpec): string {
  if (!Number.isInteger(spec.maxAge) || spec.maxAge < 0 || spec.maxAge > MTA_STS_MAX_AGE_LIMIT) {
    throw new RangeError(`MTA-STS max_age must be 0..${MTA_STS_MAX_AGE_LIMIT} seconds, got ${spec.maxAge}`);
  }
  for (const m of spec.mx) if (!MX_PATTERN.test(m)) throw new RangeError(`MTA-STS mx "${m}" is not a host name or "*." pattern`);
  const lines = ["version: STSv1", `mode: ${spec.mode}`, ...spec.mx.map((m) => `mx: ${m}`), `max_age: ${spec.maxAge}`];
  return lines.map((l) => `${l}\r\n`).join("");
}
