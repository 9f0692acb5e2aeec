import { defineRow } from "./define";

const probe = (what: string) => ({
  title: `${what} is rate-limited (429 before the burst ends)`,
  why: `Without a limit, ${what.toLowerCase()} can be brute-forced or abused to spam your customers.`,
  remediation: "Declare the endpoint under `rateLimits`; the toolkit fits a WAF rate-limit rule to your Cloudflare plan.",
  source: "RFC 6585 §4",
  outcomes: {
    limited: { status: "pass" as const, when: "A bounded burst got a 429, no later than the planned limit (plus Cloudflare's counting slack) when the stack's plan is known (`--stack`)." },
    "looser-than-planned": { status: "fail" as const, when: "With the stack's planned limit known, the burst got past it (plus Cloudflare's counting slack) without a 429: the planned limit is not what the edge enforces." },
    "headers-only": { status: "warn" as const, when: "Every request of the burst was accepted; only rate-limit headers were sent." },
    "not-limited": { status: "fail" as const, when: "Every request of the burst was accepted without a 429." },
  },
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
    source: "Cloudflare rate limiting rules: availability and parameters",
    outcomes: {
      "fits-plan": { status: "pass", when: "The zone's rate limiting rules are within its plan's rule count, periods, mitigation timeouts, expression fields and counting characteristics, and include `cf.colo.id`." },
      "exceeds-plan": { status: "fail", when: "A rule uses something the plan does not allow (too many rules, a period or timeout it lacks, a field such as the method below Business): the API would refuse it at apply." },
    },
  },
  "rate.endpoints_covered": {
    title: "Every endpoint asked for is matched by a rate limiting rule",
    why: "An endpoint left out of the ruleset (a typo in a path, a rule dropped to fit the plan) can be brute-forced while the config says it is protected.",
    remediation: "List the endpoint under `rateLimits` with its real path; the toolkit fits a rule to the plan and merges endpoints rather than drop one.",
    outcomes: {
      covered: { status: "pass", when: "For each endpoint under `rateLimits`, a rule's expression matches its path (a path under its prefix) for each method it counts." },
      uncovered: { status: "fail", when: "No rule matches one of the endpoints (for one of its methods or paths)." },
    },
  },
  "rate.login_default": {
    title: "Login is limited at least as strictly as 5 requests per 10 s per IP",
    why: "A looser login limit lets a password-guessing client try more often than the toolkit's documented default.",
    remediation: "Keep the `login` preset, or set `requests`/`periodSeconds` no looser than 5 per 10 s; a deliberate exception goes under `launch-ready:acknowledge` with its reason.",
    outcomes: {
      "within-default": { status: "pass", when: "The login endpoint's planned limit allows no bigger burst and no higher rate than 5 requests per 10 s." },
      looser: { status: "fail", when: "The login endpoint's planned limit allows more requests per second, or a bigger burst, than 5 per 10 s." },
    },
  },
});
