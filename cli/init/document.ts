/** The `--json` document of `launch-ready init` (contract: `./json-contract.ts`, docs/CHECKS.md). */
import type { BeforeAfter } from "./scorecard";

export interface InitDocument {
  readonly command: "init";
  readonly domain: string;
  readonly stack: string;
  readonly file: string;
  readonly notes: readonly string[];
  readonly blocked: boolean;
  readonly checks: readonly BeforeAfter[];
}
