/**
 * The repository-scan registry: every checklist ID a `launch-ready scan` command judges (on the repository rather
 * than the plan or the live domain). Like the plan rules and the audit registry, it is the truth about coverage:
 * the coverage test and docs/CHECKS.md read it. Loads nothing but the checklist's types.
 */
import type { CheckId } from "../checklist";

export interface ScannedId {
  readonly id: CheckId;
  /** The command that judges it. */
  readonly command: string;
}

export const SCANNED_IDS: readonly ScannedId[] = [{ id: "secrets.repo_scan", command: "launch-ready scan secrets" }];
