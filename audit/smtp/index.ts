export { createStartTlsProbe, SMTP_PORT, type StartTlsProbe, type StartTlsProbeOptions, type StartTlsResult } from "./starttls-probe";
export { MAX_REPLY_BYTES, ReplyReader, type SmtpReply } from "./reply-reader";
