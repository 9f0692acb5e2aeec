/** The judges of the email family (spf.*, dmarc.*, dkim.*, mtasts.*, tlsrpt.*, mx.*): one per checklist ID, pure. */
import type { CheckId } from "../../../checklist";
import { judgeDkimKeyStrength, judgeDkimRevoked, judgeDkimSelector, judgeDkimSyntax } from "./dkim";
import { judgeDmarcPct, judgeDmarcPolicy, judgeDmarcRecord, judgeDmarcRua, judgeDmarcRuaAuthorized, judgeDmarcSubdomainPolicy, judgeDmarcSyntax } from "./dmarc";
import { judgeMtaStsMxCoverage, judgeMtaStsPolicyFetch, judgeMtaStsPolicySyntax, judgeMtaStsRecord } from "./mtasts";
import { judgeMxNull, judgeMxRecords } from "./mx";
import { judgeSpfAll, judgeSpfLookups, judgeSpfLoop, judgeSpfMxAddresses, judgeSpfParked, judgeSpfRecord, judgeSpfSize, judgeSpfSyntax, judgeSpfVoidLookups } from "./spf";
import { judgeTlsRptRecord } from "./tlsrpt";

export const EMAIL_JUDGES: Partial<Record<CheckId, (...args: never[]) => unknown>> = {
  "spf.record": judgeSpfRecord,
  "spf.syntax": judgeSpfSyntax,
  "spf.lookups": judgeSpfLookups,
  "spf.void_lookups": judgeSpfVoidLookups,
  "spf.mx_addresses": judgeSpfMxAddresses,
  "spf.all": judgeSpfAll,
  "spf.loop": judgeSpfLoop,
  "spf.size": judgeSpfSize,
  "spf.parked": judgeSpfParked,
  "dmarc.record": judgeDmarcRecord,
  "dmarc.syntax": judgeDmarcSyntax,
  "dmarc.policy": judgeDmarcPolicy,
  "dmarc.subdomain_policy": judgeDmarcSubdomainPolicy,
  "dmarc.pct": judgeDmarcPct,
  "dmarc.rua": judgeDmarcRua,
  "dmarc.rua_authorized": judgeDmarcRuaAuthorized,
  "dkim.selector": judgeDkimSelector,
  "dkim.syntax": judgeDkimSyntax,
  "dkim.key_strength": judgeDkimKeyStrength,
  "dkim.revoked": judgeDkimRevoked,
  "mtasts.record": judgeMtaStsRecord,
  "mtasts.policy_fetch": judgeMtaStsPolicyFetch,
  "mtasts.policy_syntax": judgeMtaStsPolicySyntax,
  "mtasts.mx_coverage": judgeMtaStsMxCoverage,
  "tlsrpt.record": judgeTlsRptRecord,
  "mx.records": judgeMxRecords,
  "mx.null": judgeMxNull,
};

export * from "./dkim";
export * from "./dmarc";
export * from "./mtasts";
export * from "./mx";
export * from "./spf";
export * from "./tlsrpt";
