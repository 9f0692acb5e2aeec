/**
 * A JSON contract (a zod schema with a description on each field) as a Markdown table of fields, through the
 * schema's JSON Schema rendering so optional keys, enums and nesting are read, not restated.
 */
import { z } from "zod";

type Json = { readonly [k: string]: unknown };

function isJson(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function typeOf(n: Json): string {
  if (Array.isArray(n["enum"])) return n["enum"].map((v) => `\`${JSON.stringify(v)}\``).join(" \\| ");
  if (Array.isArray(n["anyOf"])) return n["anyOf"].filter(isJson).map(typeOf).join(" or ");
  if (n["type"] === "array") return `list of ${isJson(n["items"]) ? typeOf(n["items"]) : "values"}`;
  if (n["type"] === "object") return isJson(n["properties"]) ? "object" : "object (free-form)";
  return String(n["type"] ?? "any");
}

function walk(node: Json, prefix: string, rows: string[]): void {
  const props = node["properties"];
  if (!isJson(props)) return;
  const required = new Set(Array.isArray(node["required"]) ? node["required"].map(String) : []);
  for (const [key, child] of Object.entries(props)) {
    if (!isJson(child)) continue;
    const path = prefix === "" ? key : `${prefix}.${key}`;
    const description = typeof child["description"] === "string" ? child["description"] : "";
    rows.push(`| \`${path}\` | ${typeOf(child)} | ${required.has(key) ? "always" : "optional"} | ${cell(description)} |`);
    if (child["type"] === "array" && isJson(child["items"])) walk(child["items"], `${path}[]`, rows);
    else walk(child, path, rows);
  }
}

/** `| field | type | present | meaning |`, one row per field, nested fields as `a[].b`. */
export function contractTable(schema: z.ZodType): string {
  const rows = ["| field | type | present | meaning |", "|---|---|---|---|"];
  const json: unknown = z.toJSONSchema(schema, { unrepresentable: "any" });
  if (isJson(json)) walk(json, "", rows);
  return rows.join("\n");
}
