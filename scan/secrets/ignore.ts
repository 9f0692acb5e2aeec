/**
 * `.launch-ready-scan-ignore` at the repository root: path globs whose findings are counted but not reported, for
 * test fixtures that hold fake credentials on purpose. One glob per line, `#` starts a comment. Globs match the
 * whole path from the repository root, with `/` separators: `*` and `?` stay within one segment, `**` spans
 * segments, and a glob ending in `/` covers everything under that folder. Deliberately simpler than .gitignore:
 * no negation, no basename matching, so what a line covers is plain to a reviewer.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const IGNORE_FILE = ".launch-ready-scan-ignore";

export interface IgnoreList {
  readonly patterns: readonly string[];
  matches(path: string): boolean;
}

function globToRegExp(glob: string): RegExp {
  const g = glob.endsWith("/") ? `${glob}**` : glob;
  let re = "";
  for (let i = 0; i < g.length; i++) {
    const c = g[i] ?? "";
    if (c === "*" && g[i + 1] === "*") {
      // `**/` matches zero or more whole segments; a trailing `**` everything below.
      if (g[i + 2] === "/") {
        re += "(?:.*/)?";
        i += 2;
      } else {
        re += ".*";
        i += 1;
      }
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

export function parseIgnoreList(text: string): IgnoreList {
  const patterns = text
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, "").trim())
    .filter((l) => l !== "")
    .map((l) => l.replace(/^\.?\//, ""));
  const res = patterns.map(globToRegExp);
  return { patterns, matches: (path) => res.some((re) => re.test(path)) };
}

/** The repository's ignore list (empty when there is no file). */
export function readIgnoreList(root: string): IgnoreList {
  const file = join(root, IGNORE_FILE);
  return parseIgnoreList(existsSync(file) ? readFileSync(file, "utf8") : "");
}
