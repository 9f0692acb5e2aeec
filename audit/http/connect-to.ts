/**
 * `--connect-to HOST1:PORT1:HOST2:PORT2`, curl's syntax: a request for HOST1:PORT1 connects to HOST2:PORT2 while the
 * URL's name stays the TLS SNI and the Host header. An empty HOST1 or PORT1 matches any; an empty HOST2 or PORT2 keeps
 * the original. IPv6 addresses go in brackets (`[::1]`).
 */
import { isIP } from "node:net";

export interface ConnectToRule {
  /** Lower case, no trailing dot, no brackets; `undefined` matches any host. */
  readonly fromHost: string | undefined;
  /** `undefined` matches any port. */
  readonly fromPort: number | undefined;
  /** `undefined` keeps the requested host. */
  readonly toHost: string | undefined;
  /** `undefined` keeps the requested port. */
  readonly toPort: number | undefined;
  /** The rule as the user wrote it, for messages. */
  readonly source: string;
}

export class ConnectToError extends Error {}

const EXAMPLE = "e.g. --connect-to :443:127.0.0.1:18443 or --connect-to acme.example:443:[::1]:8443";

/** Reads one host field: `[v6]`, a name/IPv4 up to the next ':', or empty. Returns the field and the rest. */
function readHost(s: string, field: string, whole: string): { host: string | undefined; rest: string } {
  if (s.startsWith("[")) {
    const end = s.indexOf("]");
    if (end === -1) throw new ConnectToError(`--connect-to "${whole}": ${field} starts with "[" but has no closing "]" (${EXAMPLE})`);
    const inner = s.slice(1, end);
    if (isIP(inner) !== 6) throw new ConnectToError(`--connect-to "${whole}": ${field} "[${inner}]" is not an IPv6 address; brackets are only for IPv6 (${EXAMPLE})`);
    return { host: inner.toLowerCase(), rest: s.slice(end + 1) };
  }
  const colon = s.indexOf(":");
  const raw = colon === -1 ? s : s.slice(0, colon);
  const rest = colon === -1 ? "" : s.slice(colon);
  if (raw === "") return { host: undefined, rest };
  const host = raw.toLowerCase().replace(/\.$/, "");
  if (!/^[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?$/.test(host) && isIP(host) === 0) {
    throw new ConnectToError(`--connect-to "${whole}": ${field} "${raw}" is not a host name or IP address (IPv6 needs brackets: [::1]) (${EXAMPLE})`);
  }
  return { host, rest };
}

function readPort(s: string, field: string, whole: string): number | undefined {
  if (s === "") return undefined;
  const n = /^\d{1,5}$/.test(s) ? Number(s) : NaN;
  if (!(n >= 1 && n <= 65535)) throw new ConnectToError(`--connect-to "${whole}": ${field} "${s}" is not a port number 1-65535 (${EXAMPLE})`);
  return n;
}

function expectColon(s: string, after: string, whole: string): string {
  if (s === "") throw new ConnectToError(`--connect-to "${whole}": has too few parts; the form is HOST1:PORT1:HOST2:PORT2 (${EXAMPLE})`);
  if (!s.startsWith(":")) {
    throw new ConnectToError(`--connect-to "${whole}": expected ":" after ${after}; the form is HOST1:PORT1:HOST2:PORT2 (${EXAMPLE})`);
  }
  return s.slice(1);
}

export function parseConnectTo(s: string): ConnectToRule {
  const whole = s;
  const h1 = readHost(s.trim(), "HOST1", whole);
  let rest = expectColon(h1.rest, "HOST1", whole);
  const c1 = rest.indexOf(":");
  if (c1 === -1) throw new ConnectToError(`--connect-to "${whole}": has too few parts; the form is HOST1:PORT1:HOST2:PORT2 (${EXAMPLE})`);
  const fromPort = readPort(rest.slice(0, c1), "PORT1", whole);
  rest = rest.slice(c1 + 1);
  const h2 = readHost(rest, "HOST2", whole);
  rest = expectColon(h2.rest, "HOST2", whole);
  if (rest.includes(":")) throw new ConnectToError(`--connect-to "${whole}": has too many parts; the form is HOST1:PORT1:HOST2:PORT2 (IPv6 needs brackets) (${EXAMPLE})`);
  const toPort = readPort(rest, "PORT2", whole);
  return { fromHost: h1.host, fromPort, toHost: h2.host, toPort, source: whole };
}

export interface ConnectTarget {
  readonly host: string;
  readonly port: number;
  /** The rule that rewrote the target, if any. */
  readonly rule: ConnectToRule | undefined;
}

/** The first matching rule wins, as in curl. `host` may carry IPv6 brackets; they are ignored. */
export function resolveConnectTo(rules: readonly ConnectToRule[], host: string, port: number): ConnectTarget {
  const h = host.replace(/^\[(.*)\]$/, "$1").toLowerCase().replace(/\.$/, "");
  for (const rule of rules) {
    if (rule.fromHost !== undefined && rule.fromHost !== h) continue;
    if (rule.fromPort !== undefined && rule.fromPort !== port) continue;
    return { host: rule.toHost ?? h, port: rule.toPort ?? port, rule };
  }
  return { host: h, port, rule: undefined };
}
