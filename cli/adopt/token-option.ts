/** `adopt --token …`: refused without echoing the value (the token belongs in CLOUDFLARE_API_TOKEN). */
import { errorDocument, formatErrorDocument } from "../error-document";
import { EXIT, type ExitCode } from "../exit-codes";

export function refuseTokenOption(json: boolean, out: (t: string) => void = (t) => void process.stdout.write(t), err: (t: string) => void = (t) => void process.stderr.write(t)): ExitCode {
  const message = "the API token is never taken from the command line (it would land in shell history and process lists): export CLOUDFLARE_API_TOKEN instead";
  err(`launch-ready adopt: --token: ${message}\n`);
  if (json) out(formatErrorDocument(errorDocument("adopt", EXIT.invalidInput, [{ path: "--token", message }])));
  return EXIT.invalidInput;
}
