/** The human form of the adopt document: the diff per domain, then what was (or would be) written. */
import type { AdoptDocument, AdoptDomainDocument } from "./document";

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

function domainText(d: AdoptDomainDocument): string {
  const lines = [`${d.domain} (zone ${d.zoneId})`, "  DNS records:"];
  const section = (title: string, rows: readonly string[]) => {
    lines.push(`    ${title}:${rows.length === 0 ? " none" : ""}`);
    for (const r of rows) lines.push(`      ${r}`);
  };
  section("create", d.records.create.map((r) => `+ ${r.name} ${r.type} ${r.content}  (${r.purpose})`));
  section("adopt unchanged", d.records.adoptUnchanged.map((r) => `= ${r.name} ${r.type} ${r.content}  [${r.id}]`));
  section(
    "adopt, then change (second up, imported: true)",
    d.records.adoptThenChange.map((r) => `~ ${r.name} ${r.type} [${r.id}]: ${r.changes.map((c) => `${c.field} ${show(c.live)} → ${show(c.planned)}`).join(", ")}`),
  );
  section("left alone (not planned by the stack)", d.records.foreign.map((r) => `  ${r.name} ${r.type} ${r.content}`));
  if (d.records.conflicts.length > 0) section("CONFLICTS (the up would fail)", d.records.conflicts.map((c) => `! ${c.reason}`));
  lines.push("  Entrypoint rulesets:");
  for (const [phase, id] of Object.entries(d.rulesets.adopt)) lines.push(`    = adopt ${phase} ${id} (its rules are replaced by the stack's in the second up)`);
  for (const phase of d.rulesets.create) lines.push(`    + create ${phase}`);
  for (const f of d.rulesets.foreign) lines.push(`      left alone ${f.phase} ${f.id}`);
  const changing = d.settings.filter((s) => s.changes);
  lines.push(`  Zone settings:${changing.length === 0 ? " already as planned" : ""}`);
  for (const s of changing) lines.push(`    ~ ${s.settingId}: ${show(s.live)} → ${show(s.planned)}`);
  return lines.join("\n");
}

export function renderAdopt(doc: AdoptDocument, file: string, write: boolean): string {
  const parts = doc.domains.map(domainText);
  if (doc.unexpected.length > 0) {
    parts.push(`${file} declares adoption values this rewrite would drop or change (run with --force to replace them):\n${doc.unexpected.map((u) => `  ✗ ${u.path}: ${u.message}`).join("\n")}`);
  }
  if (doc.written) parts.push(`Wrote ${file}. Next: \`launch-ready preview --stack ${doc.stack}\`, then \`pulumi up\` (the import step); see runbooks/dns-adoption.md.`);
  else if (write && doc.unexpected.length === 0) parts.push(`${file} already declares all of this: nothing to write.`);
  else if (write) parts.push(`Nothing written to ${file}.`);
  else parts.push(`${file} with --write would read:\n\n${doc.yaml}`);
  return `${parts.join("\n\n")}\n`;
}
