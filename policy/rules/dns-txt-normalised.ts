import { isNormalisedTxt, normaliseTxt } from "../../core/dns/txt";
import { failWith, notApplicable, ofType, pass, type PlanRule, TYPES } from "../rule";

/** TXT content is quoted and split into 255-byte strings, as the API stores it, so previews show no drift. */
export const dnsTxtNormalised: PlanRule = {
  id: "dns.txt_normalised",
  evaluate(resources) {
    const txt = ofType(resources, TYPES.dnsRecord).filter((r) => r.inputs["type"] === "TXT");
    if (txt.length === 0) return notApplicable("The stack plans no TXT records.");
    const bad = txt.filter((r) => typeof r.inputs["content"] !== "string" || !isNormalisedTxt(String(r.inputs["content"])));
    if (bad.length > 0) {
      return failWith(
        bad.map((r) => {
          const content = String(r.inputs["content"] ?? "");
          const shown = content.length > 60 ? `${content.slice(0, 57)}…` : content;
          return { urn: r.urn, message: `TXT ${String(r.inputs["name"])} content '${shown}' is not in the API's form, so it would drift on every preview: write it as ${normaliseTxt(content).length > 80 ? "quoted 255-byte strings" : normaliseTxt(content)} (the toolkit does this for records it plans).` };
        }),
      );
    }
    return pass(`${txt.length} TXT record(s) are quoted and split.`, txt.map((r) => r.urn));
  },
};
