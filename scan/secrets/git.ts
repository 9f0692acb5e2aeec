/**
 * The git plumbing the secret scan reads a repository through: every blob reachable from any ref with the commit
 * and path that first introduced it, blob contents streamed through one `git cat-file --batch`, and the working
 * tree's files. git itself, as a child process (no library), so what is scanned is exactly what git would hand a
 * clone. Arguments are passed as an array, never through a shell.
 */
import { spawn, spawnSync } from "node:child_process";

/** git's own answer when it cannot run or refuses: the command and its first stderr line, never a stack trace. */
export class GitError extends Error {}

/** Large enough for `git log --raw` of a big history; output past it is an error, never silently cut. */
const MAX_BUFFER = 1024 * 1024 * 1024;

export function git(cwd: string, args: readonly string[]): string {
  const r = spawnSync("git", [...args], { cwd, encoding: "utf8", maxBuffer: MAX_BUFFER, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" } });
  if (r.error !== undefined) {
    const code = "code" in r.error ? String(r.error.code) : "";
    throw new GitError(code === "ENOENT" ? "git is not installed or not on PATH: install git and run again" : `git ${args[0] ?? ""}: ${r.error.message}`);
  }
  if (r.status !== 0) throw new GitError(`git ${args[0] ?? ""}: ${(r.stderr.split("\n")[0] ?? "").trim() || `exit ${String(r.status)}`}`);
  return r.stdout;
}

/** Where a blob first entered the history, in commit date order (oldest first). */
export interface Introduction {
  readonly commit: string;
  /** Committer date, ISO 8601. */
  readonly date: string;
  readonly path: string;
}

export interface HistoryBlob {
  readonly id: string;
  /** The first commit and path that added or changed a file to this content, if a commit diff shows it. */
  readonly introduced: Introduction | undefined;
  /** Every path it was ever committed at (its first commit for each), for the ignore list. */
  readonly occurrences: readonly Introduction[];
  /** A path it is reachable at (from `rev-list --objects`) when no commit diff names it, e.g. a tagged tree. */
  readonly reachablePath: string | undefined;
}

/** Tree entries that are not files: submodule commits (gitlinks, mode 160000). */
const GITLINK = "160000";

/**
 * Every commit reachable from every ref (`--all`: branches, tags, remote-tracking refs, notes, the stash), oldest
 * first, with the blobs its diff adds or changes. `-m` diffs a merge against each parent, so content first made in a
 * merge (a conflict resolution) is attributed to it; `--root` diffs the first commit against the empty tree.
 */
export function historyBlobs(repo: string): { blobs: Map<string, HistoryBlob>; commits: number } {
  const out = git(repo, ["log", "--all", "--reverse", "--date-order", "--format=%x01%H %cI", "--raw", "-z", "--no-abbrev", "--no-renames", "-m", "--root", "--diff-filter=AMT"]);
  const blobs = new Map<string, { id: string; occurrences: Introduction[]; reachablePath: string | undefined }>();
  const seenPath = new Set<string>();
  const commits = new Set<string>();
  for (const record of out.split("\x01")) {
    if (record === "") continue;
    const fields = record.split("\0");
    const [commit = "", date = ""] = (fields[0] ?? "").split(" ");
    commits.add(commit);
    // Then pairs: ":<old mode> <new mode> <old id> <new id> <status>", "<path>".
    for (let i = 1; i + 1 < fields.length; i += 2) {
      const meta = (fields[i] ?? "").replace(/^\n/, "");
      const path = fields[i + 1] ?? "";
      const m = /^:\d+ (\d+) [0-9a-f]+ ([0-9a-f]+) [A-Z]/.exec(meta);
      if (m === null) continue;
      const [, mode = "", id = ""] = m;
      if (mode === GITLINK) continue;
      let b = blobs.get(id);
      if (b === undefined) {
        b = { id, occurrences: [], reachablePath: undefined };
        blobs.set(id, b);
      }
      const key = `${id}\0${path}`;
      if (!seenPath.has(key)) {
        seenPath.add(key);
        b.occurrences.push({ commit, date, path });
      }
    }
  }
  // Anything reachable that no commit diff shows (a tag pointing at a tree or a blob): scanned too, located by path.
  const pathOf = new Map<string, string>();
  for (const line of git(repo, ["rev-list", "--all", "--objects"]).split("\n")) {
    const sp = line.indexOf(" ");
    const id = sp > 0 ? line.slice(0, sp) : line;
    if (id !== "" && !blobs.has(id)) pathOf.set(id, sp > 0 ? line.slice(sp + 1) : "");
  }
  const candidates = [...pathOf.keys()];
  if (candidates.length > 0) {
    for (const { id, type } of objectTypes(repo, candidates)) {
      if (type === "blob") blobs.set(id, { id, occurrences: [], reachablePath: pathOf.get(id) || "(no path)" });
    }
  }
  const result = new Map<string, HistoryBlob>();
  for (const [id, b] of blobs) result.set(id, { id, introduced: b.occurrences[0], occurrences: b.occurrences, reachablePath: b.reachablePath });
  return { blobs: result, commits: commits.size };
}

export interface ObjectInfo {
  readonly id: string;
  readonly type: string;
  readonly size: number;
}

export function objectTypes(repo: string, ids: readonly string[]): ObjectInfo[] {
  if (ids.length === 0) return [];
  const r = spawnSync("git", ["cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)"], { cwd: repo, input: ids.join("\n") + "\n", encoding: "utf8", maxBuffer: MAX_BUFFER });
  if (r.status !== 0) throw new GitError(`git cat-file: ${(r.stderr.split("\n")[0] ?? "").trim()}`);
  return r.stdout
    .split("\n")
    .filter((l) => l !== "")
    .flatMap((l): ObjectInfo[] => {
      const [id = "", type = "", size = ""] = l.split(" ");
      return type === "missing" ? [] : [{ id, type, size: Number(size) }];
    });
}

/**
 * Streams the contents of `ids` through one `git cat-file --batch` process, calling `onBlob` for each in order.
 * The output is `<id> <type> <size>\n<content>\n` per object; parsed incrementally so memory stays at one blob.
 */
export function readBlobs(repo: string, ids: readonly string[], onBlob: (id: string, content: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ids.length === 0) return resolve();
    const child = spawn("git", ["cat-file", "--batch"], { cwd: repo, stdio: ["pipe", "pipe", "pipe"] });
    let pending: Buffer = Buffer.alloc(0);
    let current: { id: string; size: number } | undefined;
    let stderr = "";
    let failed = false;
    const fail = (err: Error): void => {
      if (failed) return;
      failed = true;
      child.kill();
      reject(err);
    };
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", (err) => fail(new GitError(`git cat-file: ${err.message}`)));
    child.stdout.on("data", (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      try {
        for (;;) {
          if (current === undefined) {
            const nl = pending.indexOf(10);
            if (nl < 0) return;
            const header = pending.subarray(0, nl).toString("utf8");
            const [id = "", type = "", size = ""] = header.split(" ");
            if (type === "missing") throw new GitError(`git cat-file: object ${id} is missing (a damaged or partial clone?)`);
            current = { id, size: Number(size) };
            pending = pending.subarray(nl + 1);
          }
          if (pending.length < current.size + 1) return;
          const content = pending.subarray(0, current.size);
          pending = pending.subarray(current.size + 1);
          const done = current;
          current = undefined;
          onBlob(done.id, content);
        }
      } catch (err) {
        fail(err instanceof Error ? err : new Error(String(err)));
      }
    });
    child.on("close", (code) => {
      if (failed) return;
      if (code !== 0) return fail(new GitError(`git cat-file: ${stderr.split("\n")[0]?.trim() || `exit ${String(code)}`}`));
      if (current !== undefined || pending.length > 0) return fail(new GitError("git cat-file: output ended in the middle of an object"));
      resolve();
    });
    child.stdin.on("error", (err) => fail(new GitError(`git cat-file: ${err.message}`)));
    child.stdin.end(ids.join("\n") + "\n");
  });
}

/** Tracked files and untracked files that are not ignored (`.gitignore`, `.git/info/exclude`, core.excludesFile). */
export function workingTreeFiles(repo: string): { path: string; tracked: boolean }[] {
  const tracked = git(repo, ["ls-files", "-z", "--cached"]).split("\0").filter((p) => p !== "");
  const untracked = git(repo, ["ls-files", "-z", "--others", "--exclude-standard"]).split("\0").filter((p) => p !== "");
  const t = new Set(tracked);
  return [...tracked.map((path) => ({ path, tracked: true })), ...untracked.filter((p) => !t.has(p)).map((path) => ({ path, tracked: false }))];
}
