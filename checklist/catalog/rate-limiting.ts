import { defineRow } from "./define";

const probe = (what: string) => ({
  title: `${what} is rate-limited (429 before the burst ends)`,
  why: `Without a limit, ${what.toLowerCase()} can be brute-forced or abused to spam your customers.`,
  remediation: "Declare the endpoint under `rateLimits`; the toolkit fits a WAF rate-limit rule to your Cloudflare plan.",
  source: "RFC 6585 §4",
});

export const RATE_LIMITING = defineRow("rate-limiting", {
  "rate.login": probe("Login"),
  "rate.reset": probe("Password reset"),
  "rate.invite": probe("Invite sending"),
  "rate.search": { ...probe("Search"), severity: "advisory" },
  "rate.plan_fit": {
    title: "Rate-limit rules fit the Cloudflare plan's limits",
    why: "A rule the plan does not allow (period, timeout, count, method match) fails at apply, leaving endpoints unprotected.",
    remediation: "Set `cloudflare.plan` to the zone's real plan; the toolkit merges endpoints into the rules the plan allows.",
  },
});
