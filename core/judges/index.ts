/**
 * Every checklist ID whose verdict is written in `core/`: the policy rules feed these judges planned values, the
 * auditor feeds them observed values. The coverage test holds every ID judged both before and after apply to
 * having an entry here and its outcomes declared in the checklist.
 */
import type { CheckId } from "../../checklist";
import { BACKUP_JUDGES } from "./backup";
import { DNS_JUDGES } from "./dns";
import { MONITORING_JUDGES } from "./monitoring";
import { EMAIL_JUDGES } from "./email";
import { RATE_JUDGES } from "./rate";
import { SECRETS_JUDGES } from "./secrets";
import { WEB_JUDGES } from "./web";

export const JUDGES: Partial<Record<CheckId, (...args: never[]) => unknown>> = { ...DNS_JUDGES, ...WEB_JUDGES, ...RATE_JUDGES, ...EMAIL_JUDGES, ...MONITORING_JUDGES, ...SECRETS_JUDGES, ...BACKUP_JUDGES };
