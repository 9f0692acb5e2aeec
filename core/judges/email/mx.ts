/** The MX judges (mx.*): the MX set and what each target is, in; verdict out. */
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { isIP } from "node:net";

export interface MxInput {
  readonly domain: string;
  readonly parked: boolean;
  readonly mx: readonly { readonly preference: number; readonly exchange: string }[];
  /**
   * What each target is: `cname` when it is an alias (RFC 2181 §10.3), `address` when it has A/AAAA records, `absent`
   * when it has none; undefined when not known (a host outside the stack, before apply).
   */
  readonly targets: ReadonlyMap<string, "address" | "cname" | "absent" | undefined>;
  /** Why the undefined targets are not known (a failed lookup); default: outside the stack, before apply. */
  readonly unknownReason?: string;
}

const isNull = (e: string): boolean => e === "" || e === ".";

export function judgeMxRecords(input: MxInput): Verdict {
  const real = input.mx.filter((m) => !isNull(m.exchange));
  if (real.length === 0) {
    if (input.mx.length > 0) return notApplicable(`${input.domain} has only a null MX (see mx.null)`);
    return judged("mx.records", "none", [`${input.domain} has no MX record: senders fall back to its A/AAAA record (RFC 5321 §5.1)`]);
  }
  const literal = real.filter((m) => isIP(m.exchange.replace(/^\[|\]$/g, "")) !== 0 || /^\d+(\.\d+){3}$/.test(m.exchange));
  const cname = real.filter((m) => input.targets.get(m.exchange) === "cname");
  const absent = real.filter((m) => input.targets.get(m.exchange) === "absent");
  if (literal.length > 0 || cname.length > 0 || absent.length > 0) {
    const what = [...literal.map((m) => `${m.exchange} is an IP address, not a host name`), ...cname.map((m) => `${m.exchange} is a CNAME`), ...absent.map((m) => `${m.exchange} has no A or AAAA record`)];
    return judged("mx.records", "bad-target", [`MX of ${input.domain}: ${what.join("; ")}`]);
  }
  const unknown = real.filter((m) => input.targets.get(m.exchange) === undefined);
  if (unknown.length > 0 && input.unknownReason !== undefined) return cannotTell(input.unknownReason);
  if (unknown.length > 0) return cannotTell(`whether ${unknown.map((m) => m.exchange).join(", ")} ${unknown.length === 1 ? "has" : "have"} addresses is not known before apply (outside the stack)`);
  return judged("mx.records", "valid", [`MX of ${input.domain}: ${real.map((m) => `${m.preference} ${m.exchange}`).join(", ")}`]);
}

export function judgeMxNull(input: MxInput): Verdict {
  const hasNull = input.mx.some((m) => isNull(m.exchange));
  const others = input.mx.filter((m) => !isNull(m.exchange));
  if (hasNull && others.length > 0) return judged("mx.null", "mixed", [`${input.domain} publishes a null MX beside ${others.map((m) => `${m.preference} ${m.exchange}`).join(", ")}: senders may treat the domain as taking no mail`]);
  if (input.parked) {
    if (hasNull && others.length === 0) return judged("mx.null", "parked-null", [`${input.domain} is parked and publishes only the null MX "0 ." (RFC 7505)`]);
    return judged("mx.null", "parked-open", [`${input.domain} is parked but ${hasNull ? `has other MX beside the null MX: ${others.map((m) => m.exchange).join(", ")}` : "publishes no null MX"}`]);
  }
  if (hasNull) return judged("mx.null", "sending-null", [`${input.domain} publishes a null MX (takes no mail) but sends mail: replies and bounces to it are lost`]);
  return judged("mx.null", "sending", [`${input.domain} sends mail and publishes no null MX`]);
}
