/**
 * Every web check against the loopback lab, through the real client and TLS probe, with `--connect-to` rules
 * pointing every lab name at the lab's ports and the lab root as the only extra trust anchor.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CheckId } from "../../../../checklist";
import { WEB_CHECKS } from "../../../../audit/checks/web";
import { createHttpClient } from "../../../../audit/http/client";
import { createTlsProbe } from "../../../../audit/http/tls-probe";
import type { AuditContext, AuditStatus, CheckResult, ExpectedDomainState, HttpClient, HttpRequest } from "../../../../audit/types";
import { labPkiAvailable } from "../../lab/pki";
import { startWebLab, type WebLab } from "../../lab/web/server";
import { COOKIE_SECRET_MARK } from "../../lab/web/sites";

let lab: WebLab;
let client: ReturnType<typeof createHttpClient>;

