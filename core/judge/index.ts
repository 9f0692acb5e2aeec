export { cannotTell, judged, notApplicable, verdictText, type Judged, type Verdict } from "./verdict";
