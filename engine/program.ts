/**
 * Which file is a Pulumi project's program, the way Pulumi's Node.js runtime finds it: `main` in Pulumi.yaml (a
 * file, or a folder), else the project folder itself, whose `package.json` `main` or `index` Node then loads
 * (Pulumi.yaml reference: https://www.pulumi.com/docs/iac/concepts/projects/project-file/, `main`).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";

export interface ProgramLocation {
  /** The project's `name` in Pulumi.yaml: part of every URN. */
  readonly project: string;
  /** The file to load. */
  readonly entry: string;
  /** A TypeScript entry needs a TypeScript loader when the engine runs compiled. */
  readonly typescript: boolean;
}

/** A project the offline engine cannot run, said so that the user can fix it. */
export class ProgramError extends Error {}

const EXTENSIONS = [".ts", ".js", ".cjs", ".cts"];

/**
 * `compiled`: the engine is the compiled build (bin/build.js), which writes `x.js` for every `x.ts` of this project;
 * a TypeScript entry with a compiled twin beside it is then loaded as that twin.
 */
export function locateProgram(dir: string, compiled: boolean = __filename.endsWith(".js")): ProgramLocation {
  const projectFile = join(dir, "Pulumi.yaml");
  if (!existsSync(projectFile)) throw new ProgramError(`${dir} has no Pulumi.yaml: give --program the folder of a Pulumi project (where \`pulumi preview\` runs)`);
  let doc: unknown;
  try {
    doc = parse(readFileSync(projectFile, "utf8"));
  } catch (err) {
    throw new ProgramError(`${projectFile} is not readable YAML (${err instanceof Error ? err.message.split("\n")[0] : String(err)}): fix it as \`pulumi preview\` would ask`);
  }
  const field = (key: string): unknown => (typeof doc === "object" && doc !== null ? Reflect.get(doc, key) : undefined);
  const name = field("name");
  if (typeof name !== "string" || name === "") throw new ProgramError(`${projectFile}: \`name\` is missing: a Pulumi project needs a name`);
  const runtime = field("runtime");
  const runtimeName = typeof runtime === "string" ? runtime : typeof runtime === "object" && runtime !== null ? Reflect.get(runtime, "name") : undefined;
  if (runtimeName !== "nodejs") {
    throw new ProgramError(`${projectFile}: runtime is ${JSON.stringify(runtimeName ?? null)}, but the offline preview runs Node.js programs (TypeScript or JavaScript) only; use the policy pack with \`pulumi preview --policy-pack\` for other languages`);
  }
  const main = field("main");
  const start = typeof main === "string" && main !== "" ? resolve(dir, main) : dir;
  const entry = entryOf(start, projectFile);
  const twin = entry.replace(/\.ts$/, ".js");
  const useTwin = compiled && entry.endsWith(".ts") && !existsSync(entry) && existsSync(twin);
  const file = useTwin ? twin : entry;
  if (!existsSync(file)) throw new ProgramError(`${projectFile}: the program ${file} does not exist${compiled && entry.endsWith(".ts") ? " (nor its compiled twin: run `npm run build`)" : ""}`);
  return { project: name, entry: file, typescript: /\.[cm]?ts$/.test(file) };
}

function entryOf(start: string, projectFile: string): string {
  if (!existsSync(start)) {
    const withExt = EXTENSIONS.map((e) => `${start}${e}`).find((f) => existsSync(f));
    if (withExt !== undefined) return withExt;
    // The compiled build keeps `main: index.ts`: its twin is found by the caller.
    if (start.endsWith(".ts")) return start;
    throw new ProgramError(`${projectFile}: main points at ${start}, which does not exist`);
  }
  if (!statSync(start).isDirectory()) return start;
  const pkg = join(start, "package.json");
  if (existsSync(pkg)) {
    let pkgMain: unknown;
    try {
      pkgMain = Reflect.get(JSON.parse(readFileSync(pkg, "utf8")) as object, "main");
    } catch {
      throw new ProgramError(`${pkg} is not valid JSON`);
    }
    if (typeof pkgMain === "string" && pkgMain !== "") {
      const m = resolve(start, pkgMain);
      if (existsSync(m) && statSync(m).isFile()) return m;
      const withExt = EXTENSIONS.map((e) => `${m}${e}`).find((f) => existsSync(f));
      if (withExt !== undefined) return withExt;
    }
  }
  const index = EXTENSIONS.map((e) => join(start, `index${e}`)).find((f) => existsSync(f));
  // No index.ts in a compiled build folder: the twin (index.js) is found above, so this names the source.
  return index ?? join(start, "index.ts");
}
