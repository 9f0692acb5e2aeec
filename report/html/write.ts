/**
 * `--html FILE`: writes the page, and reads the tool version the page states. The only I/O of the HTML report.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { HtmlReport } from "./model";
import { renderHtml } from "./render";

/** Writes the page; returns a message naming the option and the file when it cannot, never throws. */
export function writeHtmlReport(file: string, report: HtmlReport): string | undefined {
  try {
    writeFileSync(file, renderHtml(report));
    return undefined;
  } catch (err) {
    const code = err instanceof Error && "code" in err ? String(err.code) : "";
    const why =
      code === "ENOENT" ? "its folder does not exist" : code === "EISDIR" ? "it is a folder" : code === "EACCES" || code === "EPERM" ? "permission denied" : err instanceof Error ? err.message : String(err);
    return `--html ${file}: cannot write the page (${why}); give a file path in an existing, writable folder`;
  }
}

/** `version` from the project's package.json: the page says which release judged. */
export function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"));
  const version = typeof pkg === "object" && pkg !== null ? Reflect.get(pkg, "version") : undefined;
  return typeof version === "string" ? version : "unknown";
}
