/**
 * secrets.client_bundle: the JavaScript the HTTPS page ships (same-site external scripts, inline scripts) and the
 * source maps they point to (`SourceMap` header, `sourceMappingURL` comment, inline `data:` maps: ECMA-426 §11),
 * scanned with the scanner `launch-ready scan secrets` uses (`core/secrets` codeScanner: secretlint's recommended
 * preset plus the issuer formats). Findings name the URL (and the original source inside a map), the line and the
 * rule, never the value. Third-party scripts are counted, not fetched: what another site serves is not this
 * site's leak. Bounded: at most MAX_BUNDLES scripts, each body and map cut at the HTTP client's byte limit; what
 * the bounds left out is said (outcome `partial`), and a fetch that fails or times out is `cannot-tell`, never
 * "no secret found".
 */
import { getDomain } from "tldts";
import { cannotTell, judged, notApplicable, type Verdict } from "../../../core/judge";
import { dataUrlText, pageScripts, sourceMapContents, sourceMapReference } from "../../../core/http/page-scripts";
import { isRedirectStatus } from "../../../core/http/redirect-chain";
import { codeScanner, type SecretScanner } from "../../../core/secrets";
import type { AuditCheckModule, HttpResult } from "../../types";
import { fromVerdict } from "../verdict";
import { pageOf } from "./page";
import { webSnapshot } from "./snapshot";

const ID = "secrets.client_bundle";
/** Same-site scripts fetched per page (each with its source map); the rest are counted as not scanned. */
export const MAX_BUNDLES = 25;
const MAX_LISTED = 20;
export const RUNBOOK = "runbooks/secret-rotation.md";

export interface BundleFinding {
  /** The bundle or source-map URL (a `data:` map is named after its bundle). */
  readonly url: string;
  /** The original file inside a source map (`sources[i]`), when the finding is in `sourcesContent`. */
  readonly source?: string;
  readonly line: number;
  readonly rule: string;
  readonly kind: string;
}

export interface BundleScan {
  readonly page: string;
  readonly scripts: readonly string[];
  readonly maps: readonly string[];
  readonly inlineScripts: number;
  readonly thirdParty: readonly string[];
  /** Same-site scripts beyond MAX_BUNDLES. */
  readonly overLimit: readonly string[];
  /** Bodies cut at the client's byte limit: their tail was not scanned. */
  readonly truncated: readonly string[];
  /** Scripts or maps that answered 404/410: nothing served, nothing exposed. */
  readonly notServed: readonly string[];
  /** Fetches that failed (timeouts, resets, unexpected statuses): what they hold is unknown. */
  readonly errors: readonly string[];
  readonly findings: readonly BundleFinding[];
}

export interface BundleScanInput {
  readonly pageUrl: string;
  readonly html: string;
  readonly pageTruncated: boolean;
  readonly fetch: (url: string) => Promise<HttpResult>;
  readonly scanner?: SecretScanner;
  readonly maxBundles?: number;
}

/** Same site: the same host, or the same registrable domain (public suffix list); IP literals only match themselves. */
export function isSameSite(a: string, b: string): boolean {
  const ha = new URL(a).hostname;
  const hb = new URL(b).hostname;
  if (ha === hb) return true;
  const da = getDomain(ha);
  return da !== null && da === getDomain(hb);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) line++;
  return line;
}

/** Fetches and scans the page's same-site scripts and their source maps. */
export async function scanClientBundles(input: BundleScanInput): Promise<BundleScan> {
  const scanner = input.scanner ?? codeScanner;
  const max = input.maxBundles ?? MAX_BUNDLES;
  const findings: BundleFinding[] = [];
  const maps: string[] = [];
  const truncated: string[] = [];
  const notServed: string[] = [];
  const errors: string[] = [];
  const scan = (text: string, url: string, source?: string): void => {
    for (const f of scanner([text])[0] ?? []) {
      findings.push({ url, ...(source !== undefined ? { source } : {}), line: lineAt(text, f.start), rule: f.rule ?? `launch-ready/${f.kind}`, kind: f.kind });
    }
  };
  /** A 2xx answer, or undefined after recording why there is none. */
  const fetchFile = async (url: string, what: string): Promise<{ body: string; headers: Readonly<Record<string, readonly string[]>> } | undefined> => {
    const r = await input.fetch(url);
    if (r.kind === "error") {
      errors.push(`${what} ${url}: ${r.reason}`);
      return undefined;
    }
    if (r.status === 404 || r.status === 410) {
      notServed.push(`${url} (${r.status})`);
      return undefined;
    }
    if (r.status < 200 || r.status > 299) {
      errors.push(`${what} ${url}: HTTP ${r.status}${isRedirectStatus(r.status) ? ` to ${r.headers.location?.[0] ?? "?"}` : ""}, not the file`);
      return undefined;
    }
    if (r.truncated) truncated.push(url);
    return { body: r.body, headers: r.headers };
  };
  const scanMap = (text: string, url: string): void => {
    const sources = sourceMapContents(text);
    if (sources === undefined) return scan(text, url); // not JSON: scanned as it is
    for (const s of sources) scan(s.content, url, s.name);
  };

  const { external, inline } = pageScripts(input.html, input.pageUrl);
  inline.forEach((text, i) => scan(text, `${input.pageUrl} (inline script #${i + 1})`));
  const ours = external.filter((u) => isSameSite(u, input.pageUrl));
  const thirdParty = external.filter((u) => !isSameSite(u, input.pageUrl));
  const scripts = ours.slice(0, max);
  const overLimit = ours.slice(max);
  if (input.pageTruncated) truncated.push(input.pageUrl);

  await Promise.all(
    scripts.map(async (url) => {
      const file = await fetchFile(url, "script");
      if (file === undefined) return;
      scan(file.body, url);
      const ref = sourceMapReference(file.body, file.headers);
      if (ref === undefined) return;
      const inlineMap = ref.startsWith("data:") ? dataUrlText(ref) : undefined;
      if (ref.startsWith("data:")) {
        if (inlineMap === undefined) errors.push(`source map of ${url}: an inline data: URL that does not decode`);
        else scanMap(inlineMap, `${url} (inline source map)`);
        return;
      }
      let mapUrl: string;
      try {
        mapUrl = new URL(ref, url).href;
      } catch {
        errors.push(`source map of ${url}: "${ref}" is not a URL`);
        return;
      }
      if (!isSameSite(mapUrl, input.pageUrl)) {
        thirdParty.push(`${mapUrl} (source map)`);
        return;
      }
      maps.push(mapUrl);
      const map = await fetchFile(mapUrl, "source map");
      if (map !== undefined) scanMap(map.body, mapUrl);
    }),
  );
  return { page: input.pageUrl, scripts, maps, inlineScripts: inline.length, thirdParty, overLimit, truncated, notServed, errors, findings };
}

export function describeFinding(f: BundleFinding): string {
  return `${f.url}${f.source !== undefined ? ` → ${f.source}` : ""}:${f.line}: ${f.kind} [${f.rule}] (value withheld)`;
}

/** The verdict: a finding fails whatever else happened; then an unknown is cannot-tell; then bounds make it partial. */
export function judgeClientBundles(s: BundleScan): Verdict {
  if (s.findings.length > 0) return judged(ID, "found", s.findings.map(describeFinding));
  if (s.errors.length > 0) return cannotTell(`Could not read everything the page ${s.page} ships: ${s.errors.join("; ")}`);
  const scanned = `${s.scripts.length} same-site script(s), ${s.maps.length} source map(s) and ${s.inlineScripts} inline script(s) of ${s.page}`;
  if (s.overLimit.length > 0 || s.truncated.length > 0) {
    const parts = [
      ...(s.overLimit.length > 0 ? [`${s.overLimit.length} same-site script(s) beyond the limit of ${s.scripts.length} were not fetched`] : []),
      ...(s.truncated.length > 0 ? [`${s.truncated.length} file(s) were cut at the size limit, their rest unscanned (${s.truncated.slice(0, 5).join(", ")})`] : []),
    ];
    return judged(ID, "partial", [`No credential in ${scanned}, but ${parts.join("; ")}`]);
  }
  return judged(ID, "clean", [`No credential in ${scanned}${s.thirdParty.length > 0 ? ` (${s.thirdParty.length} third-party script(s) not scanned)` : ""}`]);
}

export const clientBundleModule: AuditCheckModule = {
  ids: [ID],
  async run(target, ctx) {
    const snapshot = await webSnapshot(target, ctx);
    const p = pageOf(snapshot);
    if (p.kind === "none") return [fromVerdict(ID, p.status === "error" ? cannotTell(p.why) : notApplicable(p.why))];
    const page = p.page;
    if (page.headers.location !== undefined && isRedirectStatus(page.status)) {
      return [fromVerdict(ID, notApplicable(`No HTTPS page from ${page.url}: it only redirects (${page.status} to ${page.headers.location[0] ?? "?"}); see web.redirect_hops`), { url: page.url })];
    }
    const s = await scanClientBundles({ pageUrl: page.url, html: page.body, pageTruncated: page.truncated, fetch: (url) => snapshot.fetchOnce(url) });
    const evidence = {
      url: page.url,
      scripts: s.scripts.slice(0, MAX_LISTED),
      sourceMaps: s.maps.slice(0, MAX_LISTED),
      inlineScripts: s.inlineScripts,
      thirdPartyNotScanned: s.thirdParty.length,
      notFetchedOverLimit: s.overLimit.length,
      truncated: s.truncated.slice(0, MAX_LISTED),
      notServed: s.notServed.slice(0, MAX_LISTED),
      errors: s.errors.slice(0, MAX_LISTED),
      findings: s.findings.slice(0, MAX_LISTED).map((f) => ({ url: f.url, ...(f.source !== undefined ? { source: f.source } : {}), line: f.line, rule: f.rule, kind: f.kind })),
      ...(s.findings.length > 0 ? { runbook: RUNBOOK } : {}),
    };
    return [fromVerdict(ID, judgeClientBundles(s), evidence)];
  },
};
