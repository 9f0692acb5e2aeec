/** The HTTPS page the content checks read, or why there is none (as the status dependants should report). */
import type { AuditStatus } from "../../types";
import type { HttpResponse } from "./follow";
import { failureStatus } from "./result";
import { httpsPage, type WebSnapshot } from "./snapshot";

export type PageOrReason = { readonly kind: "page"; readonly page: HttpResponse } | { readonly kind: "none"; readonly status: AuditStatus; readonly why: string };

export function pageOf(s: WebSnapshot): PageOrReason {
  const page = httpsPage(s);
  if (page) return { kind: "page", page };
  const reason = s.pageChain.error ?? `https://${s.canonical}/ redirected to plain HTTP`;
  // A timeout or reset means we could not look (`error`); no HTTPS at all is web.https's failure, here a `skip`.
  const status = failureStatus(reason) === "error" ? "error" : "skip";
  return { kind: "none", status, why: `No HTTPS page from ${s.canonical} to inspect: ${reason}${status === "skip" ? " (see web.https and tls.cert_valid)" : ""}` };
}
