/**
 * The endpoints a B2B SaaS must not let anyone brute-force or scrape, with the limits a preset gives them. A preset
 * is a full request with these values; a full rule named like a preset (`name: login`) is that endpoint, with its own
 * path and limits.
 *
 * Why these numbers: login gets the checklist's bar (`rate.login_default`: at most 5 requests per 10 s per IP, a
 * period every plan accepts, so Free needs no rounding); password reset and invites send mail, so they are stricter
 * or as strict; search is read by browsers and scraped by bots, so it is looser and challenged rather than blocked.
 */
import type { RateLimitAction, RateLimitRequest } from "./request";

export const PRESET_NAMES = ["login", "password-reset", "invite", "search"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** The bar a login limit must meet unless acknowledged: at most 5 requests per 10 s per IP. */
export const LOGIN_DEFAULT = { requests: 5, periodSeconds: 10 } as const;

const preset = (name: PresetName, path: string, methods: readonly string[], requests: number, periodSeconds: number, action: RateLimitAction, mitigationSeconds: number): RateLimitRequest => ({
  name,
  match: { path },
  methods,
  requests,
  periodSeconds,
  action,
  mitigationSeconds,
});

export const PRESETS: Readonly<Record<PresetName, RateLimitRequest>> = {
  login: preset("login", "/login", ["POST"], LOGIN_DEFAULT.requests, LOGIN_DEFAULT.periodSeconds, "block", 60),
  "password-reset": preset("password-reset", "/password-reset", ["POST"], 3, 10, "block", 60),
  invite: preset("invite", "/invite", ["POST"], 5, 10, "block", 60),
  search: preset("search", "/search", ["GET"], 20, 10, "managed_challenge", 0),
};

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}
