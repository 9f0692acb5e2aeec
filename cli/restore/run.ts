/**
 * `launch-ready restore`: AWS Backup, driven step by step. Lists the resource's recovery points in the stack's vault,
 * chooses one (core/restore), and — only with `--yes` — starts the restore job with the plan's role into a NEW
 * resource, polls it with a progress line, checks the restored resource exists, and writes a restore report.
 * Without `--yes` it prints exactly what it would do and starts nothing. It never deletes or overwrites anything:
 * the only writing call it makes is StartRestoreJob, with metadata that names a new resource.
 */
import {
  BackupClient,
  DescribeRestoreJobCommand,
  GetRecoveryPointRestoreMetadataCommand,
  ListRecoveryPointsByBackupVaultCommand,
  StartRestoreJobCommand,
  type RecoveryPointByBackupVault,
} from "@aws-sdk/client-backup";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { join } from "node:path";
import { EXIT, type ExitCode } from "../exit-codes";
import { choosePoint, formatDuration, objectives, pollStep, progressLine, safeMetadata, type RecoveryPoint } from "../../core/restore/restore";
import { reportJson, reportMarkdown, type RestoreOutcome, type RestoreReport } from "../../core/restore/report";
import { isRecord, type JsonValue } from "../../core/runbooks/template";

export interface RestoreOptions {
  readonly stack: string;
  readonly outputs: { readonly [key: string]: JsonValue };
  readonly resourceArn: string;
  /** Restore the latest point at or before this moment (the loss); default: the latest. */
  readonly at?: Date;
  readonly yes: boolean;
  readonly region?: string;
  /** How long to wait for the job; default: the stack's RTO. */
  readonly timeoutMs?: number;
  readonly pollMs: number;
  readonly reportDir: string;
}

export interface RestoreDeps {
  readonly clients: (region: string) => { backup: BackupClient; sts: STSClient };
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly writeFile: (path: string, text: string) => void;
}

/** Throttled calls are retried this many times, with growing waits, before the command gives up (exit 3). */
export const THROTTLE_RETRIES = 5;
const THROTTLING = new Set(["ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "ThrottledException", "SlowDown"]);
const DENIED = new Set(["AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredTokenException", "ExpiredToken"]);

class Stop extends Error {
  constructor(
    message: string,
    readonly code: ExitCode,
  ) {
    super(message);
  }
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : "";
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

interface BackupOutputs {
  vaultName: string;
  vaultArn: string;
  roleArn: string;
  rtoHours: number;
  rpoHours: number;
}

function backupOutputs(outputs: { readonly [key: string]: JsonValue }): BackupOutputs {
  const b = outputs["backups"];
  if (!isRecord(b)) throw new Stop("the stack has no `backups` output: configure launch-ready:backups and run `pulumi up` first (or pass the right --outputs file)", EXIT.invalidInput);
  const rec = b;
  const str = (k: string): string => {
    const v = rec[k];
    if (typeof v !== "string" || v === "") throw new Stop(`the stack output \`backups.${k}\` is missing`, EXIT.invalidInput);
    return v;
  };
  const num = (k: string): number => {
    const v = rec[k];
    if (typeof v !== "number" || !(v > 0)) throw new Stop(`the stack output \`backups.${k}\` is missing or not a number of hours`, EXIT.invalidInput);
    return v;
  };
  return { vaultName: str("vaultName"), vaultArn: str("vaultArn"), roleArn: str("roleArn"), rtoHours: num("rtoHours"), rpoHours: num("rpoHours") };
}

/** The vault's region is where the restore runs: from its ARN; `--region` must agree. */
export function regionOf(vaultArn: string, given: string | undefined): string {
  const fromArn = /^arn:aws[a-z-]*:backup:([a-z0-9-]+):/.exec(vaultArn)?.[1];
  if (fromArn === undefined && given === undefined) throw new Stop("no region: the vault ARN names none and --region was not given", EXIT.invalidInput);
  if (fromArn !== undefined && given !== undefined && given !== fromArn) throw new Stop(`--region ${given}: the vault is in ${fromArn}; a restore runs in the vault's region`, EXIT.invalidInput);
  return fromArn ?? given ?? "";
}

/** One AWS call: throttling retried with backoff; missing credentials and denied permissions refused clearly. */
async function call<T>(deps: RestoreDeps, action: string, f: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await f();
    } catch (e) {
      const name = errorName(e);
      if (THROTTLING.has(name)) {
        if (attempt >= THROTTLE_RETRIES) throw new Stop(`${action}: AWS kept throttling the request (${name}) after ${THROTTLE_RETRIES + 1} attempts; nothing more was done. Wait a minute and run the command again`, EXIT.incomplete);
        const wait = Math.min(30_000, 1000 * 2 ** attempt);
        deps.err(`${action}: throttled by AWS (${name}); retrying in ${formatDuration(wait)}\n`);
        await deps.sleep(wait);
        continue;
      }
      if (name === "CredentialsProviderError" || /could not load credentials/i.test(errorMessage(e))) {
        throw new Stop(`no AWS credentials: set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run \`aws sso login\`) for the stack's account, then run the command again`, EXIT.invalidInput);
      }
      if (DENIED.has(name)) {
        throw new Stop(`${action}: permission denied (${name}). The identity running the restore needs backup:${action} on the vault (and iam:PassRole on the plan's role to start a job); nothing was started`, EXIT.invalidInput);
      }
      throw new Stop(`${action}: AWS answered ${name !== "" ? name : "an error"}: ${errorMessage(e)}`, EXIT.incomplete);
    }
  }
}

function toPoint(p: RecoveryPointByBackupVault): RecoveryPoint | undefined {
  if (p.RecoveryPointArn === undefined || p.CreationDate === undefined) return undefined;
  return { arn: p.RecoveryPointArn, createdAt: p.CreationDate, status: p.Status ?? "UNKNOWN", resourceArn: p.ResourceArn ?? "", resourceType: p.ResourceType ?? "" };
}

export async function runRestore(o: RestoreOptions, deps: RestoreDeps): Promise<ExitCode> {
  try {
    return await restore(o, deps);
  } catch (e) {
    if (e instanceof Stop) {
      deps.err(`launch-ready restore: ${e.message}\n`);
      return e.code;
    }
    throw e;
  }
}

async function restore(o: RestoreOptions, deps: RestoreDeps): Promise<ExitCode> {
  const b = backupOutputs(o.outputs);
  const region = regionOf(b.vaultArn, o.region);
  const { backup, sts } = deps.clients(region);
  const identity = await call(deps, "GetCallerIdentity", () => sts.send(new GetCallerIdentityCommand({})));
  const account = identity.Account ?? "unknown";

  const points: RecoveryPoint[] = [];
  let token: string | undefined;
  do {
    const page = await call(deps, "ListRecoveryPointsByBackupVault", () => backup.send(new ListRecoveryPointsByBackupVaultCommand({ BackupVaultName: b.vaultName, ByResourceArn: o.resourceArn, ...(token !== undefined ? { NextToken: token } : {}) })));
    for (const p of page.RecoveryPoints ?? []) {
      const point = toPoint(p);
      if (point !== undefined) points.push(point);
    }
    token = page.NextToken;
  } while (token !== undefined && token !== "");

  const choice = choosePoint(points, o.at);
  if (choice.kind === "none") throw new Stop(`${o.resourceArn}: ${choice.reason}; nothing was started`, EXIT.checkFailed);
  const point = choice.point;

  const meta = await call(deps, "GetRecoveryPointRestoreMetadata", () => backup.send(new GetRecoveryPointRestoreMetadataCommand({ BackupVaultName: b.vaultName, RecoveryPointArn: point.arn })));
  const resourceType = meta.ResourceType ?? point.resourceType;
  const planned = deps.now();
  const target = safeMetadata(resourceType, o.resourceArn, meta.RestoreMetadata ?? {}, planned);
  if (!target.ok) throw new Stop(target.reason, EXIT.invalidInput);

  const lines = [
    `Restore plan for stack ${o.stack} (account ${account}, region ${region}):`,
    `  resource        ${o.resourceArn} (${resourceType})`,
    `  recovery point  ${point.arn}`,
    `                  taken ${point.createdAt.toISOString()}, the ${o.at !== undefined ? `latest at or before ${o.at.toISOString()}` : "latest"} of ${choice.considered} restorable point(s)`,
    `  vault           ${b.vaultName}`,
    `  role            ${b.roleArn}`,
    `  restore into    ${target.newName} (a new resource; the original is not touched)${target.changed.length > 0 ? `, metadata set: ${target.changed.map((k) => `${k}=${target.metadata[k] ?? ""}`).join(", ")}` : ""}`,
    `  objectives      RPO ${b.rpoHours} h, RTO ${b.rtoHours} h; waits up to ${formatDuration(o.timeoutMs ?? b.rtoHours * 3_600_000)} for the job`,
  ];
  deps.out(`${lines.join("\n")}\n`);
  if (!o.yes) {
    deps.out("Dry run: nothing was started. Run the same command with --yes to start this restore job.\n");
    return EXIT.ok;
  }

  const startedAt = deps.now();
  const started = await call(deps, "StartRestoreJob", () =>
    backup.send(new StartRestoreJobCommand({ RecoveryPointArn: point.arn, IamRoleArn: b.roleArn, Metadata: { ...target.metadata }, ResourceType: resourceType, IdempotencyToken: `launch-ready-${o.stack}-${startedAt.getTime()}` })),
  );
  const jobId = started.RestoreJobId;
  if (jobId === undefined) throw new Stop("StartRestoreJob: AWS returned no restore job id", EXIT.incomplete);
  deps.out(`Started restore job ${jobId}.\n`);

  const timeoutMs = o.timeoutMs ?? b.rtoHours * 3_600_000;
  const base = { stack: o.stack, account, region, vaultName: b.vaultName, roleArn: b.roleArn, resourceArn: o.resourceArn, resourceType, recoveryPoint: { arn: point.arn, createdAt: point.createdAt.toISOString() }, restoreJobId: jobId, metadataChanged: target.changed, target: target.newName, startedAt: startedAt.toISOString() };
  const finish = (outcome: RestoreOutcome, message: string, extra: Partial<RestoreReport>, code: ExitCode): ExitCode => {
    const report: RestoreReport = { ...base, outcome, finishedAt: deps.now().toISOString(), message, ...extra };
    const stem = join(o.reportDir, `restore-${o.stack}-${startedAt.toISOString().replace(/[:.]/g, "-")}`);
    deps.writeFile(`${stem}.json`, reportJson(report));
    deps.writeFile(`${stem}.md`, reportMarkdown(report));
    (code === EXIT.ok ? deps.out : deps.err)(`${message}\nRestore report: ${stem}.md and ${stem}.json\n`);
    return code;
  };

  for (;;) {
    const job = await call(deps, "DescribeRestoreJob", () => backup.send(new DescribeRestoreJobCommand({ RestoreJobId: jobId })));
    const waited = deps.now().getTime() - startedAt.getTime();
    deps.out(`${progressLine(job.Status, job.PercentDone, waited, b.rtoHours)}\n`);
    const step = pollStep(job.Status, job.StatusMessage, waited, timeoutMs);
    if (step.kind === "failed") return finish("failed", `Restore failed: ${step.reason}. The original resource is untouched.`, {}, EXIT.checkFailed);
    if (step.kind === "timeout") return finish("timeout", `Restore not finished: ${step.reason}.`, {}, EXIT.incomplete);
    if (step.kind === "completed") {
      const created = job.CreatedResourceArn;
      if (created === undefined || created === "") return finish("failed", "The restore job reports COMPLETED but names no created resource: check it in the AWS Backup console before relying on it.", {}, EXIT.incomplete);
      if (created === o.resourceArn) return finish("failed", `The restore job reports the ORIGINAL resource (${created}) as created: stop and check it in the AWS Backup console.`, { createdResourceArn: created }, EXIT.checkFailed);
      const completedAt = job.CompletionDate ?? deps.now();
      const obj = objectives(startedAt, completedAt, point.createdAt, o.at ?? startedAt, b.rtoHours, b.rpoHours);
      const message = `Restored into ${created}. Recovery time ${formatDuration(obj.recoveryMs)} against an RTO of ${b.rtoHours} h: ${obj.withinRto ? "within the RTO" : "the RTO was MISSED"}. Data loss window ${formatDuration(obj.dataLossMs)} against an RPO of ${b.rpoHours} h: ${obj.withinRpo ? "within the RPO" : "the RPO was MISSED"}. AWS Backup reports it created; connect to it and check the data before switching over (runbooks/restore.md, step 3).`;
      return finish("completed", message, { createdResourceArn: created, objectives: obj }, EXIT.ok);
    }
    await deps.sleep(o.pollMs);
  }
}
