/** The closed vocabularies of the stack config: record types, plans, mail senders, rate-limit presets. */

/** Record types the stack manages. */
export const DNS_RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "CAA", "SRV", "NS"] as const;

/** Cloudflare's zone plans. */
export const CLOUDFLARE_PLANS = ["free", "pro", "business", "enterprise"] as const;

/** Mail services the toolkit knows. */
export const EMAIL_SENDERS = ["amazon-ses", "google-workspace", "microsoft-365", "postmark", "sendgrid", "mailgun"] as const;

/** Endpoints with rate-limit presets. */
export const RATE_LIMIT_PRESETS = ["login", "password-reset", "invite", "search"] as const;

/** HTTP methods a rate-limit rule may count. */
export const RATE_LIMIT_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
