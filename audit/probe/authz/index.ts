export { runProbeAuthz, type ProbeAuthzOptions, type ProbeFormat } from "./command";
export { AUTHZ_PROBE_IDS, type AuthzId } from "./judge";
