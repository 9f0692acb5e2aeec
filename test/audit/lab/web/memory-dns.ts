/**
 * An in-memory DnsClient for tests: names map to A/AAAA answers; unknown names are NXDOMAIN, names listed in
 * `failing` answer `error` (a timeout), and every query is recorded so tests can prove what was (not) asked.
 */
import type { DnsClient, DnsLookup, DnsRecordData, DnsRecordType } from "../../../../audit/types";

export interface MemoryDns extends DnsClient {
  readonly queries: string[];
}

export function memoryDns(records: Readonly<Record<string, { A?: string[]; AAAA?: string[] }>>, failing: readonly string[] = []): MemoryDns {
  const queries: string[] = [];
  return {
    queries,
    async query<T extends DnsRecordType>(name: string, type: T): Promise<DnsLookup<DnsRecordData[T]>> {
      queries.push(`${name} ${type}`);
      if (failing.includes(name)) return { kind: "error", reason: "timed out after 1000 ms", elapsedMs: 1000 };
      const entry = records[name];
      if (entry === undefined) return { kind: "absent", reason: "NXDOMAIN", elapsedMs: 0 };
      // Only A and AAAA are served; their data type is string, which is what DnsRecordData gives for them.
      const list: readonly unknown[] = type === "A" ? entry.A ?? [] : type === "AAAA" ? entry.AAAA ?? [] : [];
      if (list.length === 0) return { kind: "absent", reason: "NODATA", elapsedMs: 0 };
      return { kind: "answer", records: list.filter((x): x is DnsRecordData[T] => typeof x === "string"), authenticated: false, elapsedMs: 0 };
    },
  };
}
