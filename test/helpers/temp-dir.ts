/**
 * Scratch folders inside the project (under .tmp/, ignored by git) so that programs written by a test resolve
 * the project's node_modules, as a real stack would.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const PROJECT_DIR = resolve(__dirname, "..", "..");

export function tempDir(prefix: string): { dir: string; write(rel: string, text: string): string; cleanup(): void } {
  const base = join(PROJECT_DIR, ".tmp");
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${prefix}-`));
  return {
    dir,
    write(rel, text) {
      const path = join(dir, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
