/**
 * `launch-ready scan secrets`: every distinct blob reachable from any ref, scanned once and located at the commit
 * and path that first introduced it, and the working tree's files that differ from every committed blob (tracked
 * files with local edits, untracked files that are not ignored: one `git add .` from a commit). Files git ignores
 * are not scanned: they are not in the repository, and an ignored `.env` is where a local secret belongs.
 *
 * Detection is `core/secrets`' code scanner: secretlint's recommended preset plus the issuer formats the redaction
 * also knows, without its label heuristics (which flag identifiers in code). Findings carry the rule,
 * the kind, the location and the line, never the matched text.
 */
import { createHash } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { codeScanner, type SecretScanner } from "../../core/secrets";
import { git, GitError, historyBlobs, objectTypes, readBlobs, workingTreeFiles, type HistoryBlob } from "./git";
import { IGNORE_FILE, parseIgnoreList, readIgnoreList } from "./ignore";

/** Blobs and files above this size are counted and listed, not scanned (a credential is a line, not megabytes). */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** git's own binary test (xdiff): a NUL byte in the first 8000 bytes. */
const BINARY_PROBE_BYTES = 8000;
/** Skipped paths listed by name in a report; the count is always complete. */
export const MAX_LISTED_SKIPPED = 20;

export type FindingLocation =
  | { readonly kind: "commit"; readonly commit: string; readonly date: string; readonly path: string }
  /** Reachable from a ref (a tagged tree or blob) with no commit whose diff adds it. */
  | { readonly kind: "ref"; readonly path: string }
  | { readonly kind: "working-tree"; readonly path: string; readonly tracked: boolean };

export interface RepoFinding {
  /** The detector: `<secretlint rule>/<message id>` or `launch-ready/<pattern>`. */
  readonly rule: string;
  /** What it is, in words: "AWS access key ID". */
  readonly kind: string;
  /** 1-based line of the finding's start in that file. */
  readonly line: number;
  readonly location: FindingLocation;
}

export interface SkippedFile {
  readonly where: "history" | "working tree";
  readonly path: string;
  readonly reason: "binary" | "too large";
  readonly bytes: number;
}

export interface RepoScanReport {
  /** The repository's top-level folder (the git folder for a bare repository). */
  readonly root: string;
  readonly bare: boolean;
  /** A shallow clone lacks the history before its cut: the scan cannot vouch for it. */
  readonly shallow: boolean;
  readonly refs: number;
  readonly commits: number;
  /** Distinct text blobs of the history scanned. */
  readonly blobsScanned: number;
  /** Working-tree files scanned because no committed blob has their content. */
  readonly workingTreeScanned: number;
  /** Working-tree files identical to a committed blob: scanned as that blob. */
  readonly workingTreeUnchanged: number;
  readonly skipped: { readonly binary: number; readonly tooLarge: number; readonly listed: readonly SkippedFile[] };
  readonly ignored: { readonly file: string; readonly patterns: readonly string[]; readonly findings: number };
  readonly maxFileBytes: number;
  readonly findings: readonly RepoFinding[];
}

export interface ScanOptions {
  /** Any folder inside the repository (or a bare repository's folder). */
  readonly repo: string;
  readonly maxFileBytes?: number;
  readonly scanner?: SecretScanner;
}

/** The repository at `dir`, or an input error naming it and the fix. */
export class RepoInputError extends Error {}

function locate(dir: string): { root: string; bare: boolean } {
  const abs = resolve(dir);
  let stat;
  try {
    stat = lstatSync(abs);
  } catch {
    throw new RepoInputError(`${abs} does not exist: pass --repo <dir> with a folder inside a git repository`);
  }
  if (!stat.isDirectory()) throw new RepoInputError(`${abs} is not a folder: pass --repo <dir> with a folder inside a git repository`);
  try {
    if (git(abs, ["rev-parse", "--is-bare-repository"]).trim() === "true") return { root: resolve(abs, git(abs, ["rev-parse", "--git-dir"]).trim()), bare: true };
    const top = git(abs, ["rev-parse", "--show-toplevel"]).trim();
    return { root: isAbsolute(top) ? top : resolve(abs, top), bare: false };
  } catch (err) {
    if (err instanceof GitError && /not installed/.test(err.message)) throw new RepoInputError(err.message);
    throw new RepoInputError(`${abs} is not inside a git repository (${err instanceof Error ? err.message : String(err)}): run the scan from the repository, or pass --repo <dir>`);
  }
}

function isBinary(content: Buffer): boolean {
  return content.subarray(0, BINARY_PROBE_BYTES).includes(0);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) line++;
  return line;
}

/** The id git gives `content` as a blob, so a working-tree file identical to a committed blob is not scanned twice. */
function blobId(content: Buffer, format: string): string {
  return createHash(format === "sha256" ? "sha256" : "sha1")
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest("hex");
}

export async function scanRepository(opts: ScanOptions): Promise<RepoScanReport> {
  const { root, bare } = locate(opts.repo);
  const scanner = opts.scanner ?? codeScanner;
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const ignore = bare ? parseIgnoreList("") : readIgnoreList(root);
  const shallow = git(root, ["rev-parse", "--is-shallow-repository"]).trim() === "true";
  let format = "sha1";
  try {
    format = git(root, ["rev-parse", "--show-object-format"]).trim();
  } catch {
    // git before 2.25 knows only SHA-1 repositories.
  }
  const refs = git(root, ["for-each-ref", "--format=%(refname)"]).split("\n").filter((l) => l !== "").length;

  const findings: RepoFinding[] = [];
  const skipped: SkippedFile[] = [];
  let ignoredFindings = 0;
  let binary = 0;
  let tooLarge = 0;
  const skip = (s: SkippedFile): void => {
    if (s.reason === "binary") binary++;
    else tooLarge++;
    if (skipped.length < MAX_LISTED_SKIPPED) skipped.push(s);
  };
  const scanText = (content: Buffer, location: FindingLocation | undefined): void => {
    const text = content.toString("utf8");
    const found = scanner([text])[0] ?? [];
    for (const f of found) {
      if (location === undefined) ignoredFindings++;
      else findings.push({ rule: f.rule ?? `launch-ready/${f.kind.replace(/\W+/g, "-")}`, kind: f.kind, line: lineAt(text, f.start), location });
    }
  };

  // History: each distinct blob once, at the first commit and path not on the ignore list.
  const { blobs, commits } = refs === 0 ? { blobs: new Map<string, HistoryBlob>(), commits: 0 } : historyBlobs(root);
  const locationOf = (b: HistoryBlob): FindingLocation | undefined => {
    if (b.occurrences.length === 0) return ignore.matches(b.reachablePath ?? "") ? undefined : { kind: "ref", path: b.reachablePath ?? "(no path)" };
    const o = b.occurrences.find((x) => !ignore.matches(x.path));
    return o === undefined ? undefined : { kind: "commit", commit: o.commit, date: o.date, path: o.path };
  };
  const pathOf = (b: HistoryBlob): string => b.introduced?.path ?? b.reachablePath ?? "(no path)";
  const sizes = new Map(objectTypes(root, [...blobs.keys()]).map((o) => [o.id, o.size]));
  const toRead: string[] = [];
  for (const b of blobs.values()) {
    const size = sizes.get(b.id);
    if (size === undefined) throw new GitError(`git cat-file: blob ${b.id} (${pathOf(b)}) is missing: a partial or damaged clone cannot be scanned whole; fetch it fully (git fetch --refetch)`);
    if (size > maxFileBytes) skip({ where: "history", path: pathOf(b), reason: "too large", bytes: size });
    else toRead.push(b.id);
  }
  let blobsScanned = 0;
  await readBlobs(root, toRead, (id, content) => {
    const b = blobs.get(id);
    if (b === undefined) return;
    if (isBinary(content)) return skip({ where: "history", path: pathOf(b), reason: "binary", bytes: content.length });
    blobsScanned++;
    scanText(content, locationOf(b));
  });

  // The working tree: what differs from every committed blob.
  let workingTreeScanned = 0;
  let workingTreeUnchanged = 0;
  if (!bare) {
    for (const f of workingTreeFiles(root)) {
      const abs = join(root, f.path);
      let st;
      try {
        st = lstatSync(abs);
      } catch {
        continue; // deleted locally: its committed versions were scanned above
      }
      if (!st.isFile()) continue; // symlinks (their target is a path, scanned where it points) and submodules
      if (st.size > maxFileBytes) {
        skip({ where: "working tree", path: f.path, reason: "too large", bytes: st.size });
        continue;
      }
      const content = readFileSync(abs);
      if (blobs.has(blobId(content, format))) {
        workingTreeUnchanged++;
        continue;
      }
      if (isBinary(content)) {
        skip({ where: "working tree", path: f.path, reason: "binary", bytes: content.length });
        continue;
      }
      workingTreeScanned++;
      scanText(content, ignore.matches(f.path) ? undefined : { kind: "working-tree", path: f.path, tracked: f.tracked });
    }
  }

  return {
    root,
    bare,
    shallow,
    refs,
    commits,
    blobsScanned,
    workingTreeScanned,
    workingTreeUnchanged,
    skipped: { binary, tooLarge, listed: skipped },
    ignored: { file: IGNORE_FILE, patterns: ignore.patterns, findings: ignoredFindings },
    maxFileBytes,
    findings,
  };
}
