/** The restore report for the team's records, as JSON and as Markdown, from one document. */
import { formatDuration, type Objectives } from "./restore";

export type RestoreOutcome = "completed" | "failed" | "timeout";

export interface RestoreReport {
  readonly stack: string;
  readonly outcome: RestoreOutcome;
  readonly account: string;
  readonly region: string;
  readonly vaultName: string;
  readonly roleArn: string;
  readonly resourceArn: string;
  readonly resourceType: string;
  readonly recoveryPoint: { readonly arn: string; readonly createdAt: string };
  readonly restoreJobId: string;
  /** The metadata keys launch-ready set so the restore creates a new resource. */
  readonly metadataChanged: readonly string[];
  readonly target: string;
  readonly createdResourceArn?: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly objectives?: Objectives;
  readonly message: string;
}

export function reportJson(r: RestoreReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

export function reportMarkdown(r: RestoreReport): string {
  const o = r.objectives;
  const lines = [
    `# Restore report: ${r.stack}, ${r.finishedAt}`,
    "",
    `**Outcome: ${r.outcome}.** ${r.message}`,
    "",
    "| | |",
    "|---|---|",
    `| Account, region | ${r.account}, ${r.region} |`,
    `| Resource | \`${r.resourceArn}\` (${r.resourceType}) |`,
    `| Recovery point | \`${r.recoveryPoint.arn}\`, taken ${r.recoveryPoint.createdAt} |`,
    `| Vault, role | ${r.vaultName}, \`${r.roleArn}\` |`,
    `| Restore job | ${r.restoreJobId} |`,
    `| Restored to | ${r.createdResourceArn !== undefined ? `\`${r.createdResourceArn}\`` : r.target} (the original is untouched) |`,
    `| Started, finished | ${r.startedAt}, ${r.finishedAt} |`,
  ];
  if (o !== undefined) {
    lines.push(`| Recovery time | ${formatDuration(o.recoveryMs)} against an RTO of ${o.rtoHours} h: ${o.withinRto ? "within" : "**missed**"} |`);
    lines.push(`| Data loss window | ${formatDuration(o.dataLossMs)} against an RPO of ${o.rpoHours} h: ${o.withinRpo ? "within" : "**missed**"} |`);
  }
  lines.push("", "Next: point the application at the restored resource, check it, tag it for backup (runbooks/restore.md, step 3).", "");
  return lines.join("\n");
}
