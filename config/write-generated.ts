/**
 * `npm run schema`: rewrites the generated config docs, `config/launch-ready.schema.json` and the reference
 * section of README.md, from `config/schema.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchReadyJsonSchemaText } from "./json-schema";
import { configReferenceMarkdown, REFERENCE_BEGIN, REFERENCE_END } from "./reference";

const root = join(__dirname, "..");

export function readmeWithReference(readme: string): string {
  const start = readme.indexOf(REFERENCE_BEGIN);
  const end = readme.indexOf(REFERENCE_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${REFERENCE_BEGIN} … ${REFERENCE_END} markers`);
  return `${readme.slice(0, start + REFERENCE_BEGIN.length)}\n${configReferenceMarkdown()}\n${readme.slice(end)}`;
}

if (require.main === module) {
  writeFileSync(join(root, "config", "launch-ready.schema.json"), launchReadyJsonSchemaText());
  const readmePath = join(root, "README.md");
  writeFileSync(readmePath, readmeWithReference(readFileSync(readmePath, "utf8")));
  process.stdout.write("wrote config/launch-ready.schema.json and the README's config reference\n");
}
