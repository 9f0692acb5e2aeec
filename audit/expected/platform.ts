/**
 * The certificate authorities the platform itself uses, as CAA issuer domains (RFC 8659 §4.2). One definition,
 * shared with the CAA planner the components use, so the auditor expects exactly what the stack allows.
 */
export { ACM_CAA_ISSUER, CLOUDFLARE_CAA_ISSUERS } from "../../core/edge/caa";
