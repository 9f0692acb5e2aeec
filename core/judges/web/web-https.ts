/** web.https: the apex and www each answer over HTTPS, served or redirected to an https:// URL. */
import { cannotTell, judged, type Verdict } from "../../judge";
import { answersHttps, describeHostHttps, type HostHttps } from "./host-https";

export interface WebHttpsInput {
  readonly apex: HostHttps;
  readonly www: HostHttps;
}

export function judgeWebHttps({ apex, www }: WebHttpsInput): Verdict {
  const facts = [describeHostHttps(apex), describeHostHttps(www)];
  if (!answersHttps(apex) && apex.kind !== "unknown") return judged("web.https", "apex-no-https", facts);
  if (apex.kind === "unknown") return cannotTell(describeHostHttps(apex));
  if (www.kind === "no-address") return judged("web.https", "www-missing", facts);
  if (www.kind === "unknown") return cannotTell(`${describeHostHttps(apex)}; ${describeHostHttps(www)}`);
  if (!answersHttps(www)) return judged("web.https", "www-no-https", facts);
  return judged("web.https", "both", facts);
}
