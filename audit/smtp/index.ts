export { createStartTlsProbe, SMTP_PORT, type StartTlsProbe, type StartTlsProbeOptions, type StartTlsResult } from "./starttls-probe";
export { ReplyReader, type SmtpReply } from "./reply-reader";
