import { defineRow } from "./define";

export const BACKUP = defineRow("backup", {
  "backup.plan": {
    title: "Data stores are backed up on a schedule that meets the RPO",
    why: "Without backups, one bad migration or deleted table ends the company.",
    remediation: "Tag the data stores with `launch-ready:backups.selectionTag` and set `rpoHours`.",
  },
  "backup.retention": {
    title: "Backups are kept long enough to notice the loss (≥ 35 days by default)",
    why: "Data corruption is often found weeks later.",
    remediation: "Set `launch-ready:backups.retentionDays` to 35 or more.",
  },
  "backup.vault_protected": {
    title: "The backup vault is protected from deletion",
    why: "An attacker or a mistaken `pulumi destroy` must not delete the backups with the data.",
    remediation: "Keep the vault's `retainOnDelete` and vault lock the toolkit sets.",
  },
  "backup.restore_testing": {
    title: "Restores are tested on a schedule",
    why: "An untested backup is a hope; restore testing proves the RTO.",
    remediation: "Set `launch-ready:backups.restoreTesting: weekly`.",
  },
});
