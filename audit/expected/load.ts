import { readStackFile, StackFileError } from "../../config/stack-file";
import { validateConfig } from "../../config/validate";
import type { Acknowledgement } from "../../core/acknowledge";
import type { ExpectedDomainState } from "../types";
import { expectedFromSpec } from "./from-spec";

export class ExpectedStateError extends Error {}

export interface StackExpectations {
  readonly expected: Map<string, ExpectedDomainState>;
  /** `launch-ready:acknowledge`: the same dated exceptions the preview honours. */
  readonly acknowledgements: readonly Acknowledgement[];
}

/** Reads and validates `stacks/Pulumi.<stack>.yaml`; every problem is named with its file and field path. */
export function loadExpectedState(stacksDir: string, stack: string): Map<string, ExpectedDomainState> {
  return loadStackExpectations(stacksDir, stack).expected;
}

export function loadStackExpectations(stacksDir: string, stack: string): StackExpectations {
  let file;
  try {
    file = readStackFile(stacksDir, stack);
  } catch (err) {
    if (err instanceof StackFileError) {
      // Problems with the name itself already speak of --stack; problems inside the file name the file and field.
      const what = err.issues.map((i) => (i.path === "--stack" ? i.message : `${err.file}, ${i.path}: ${i.message}`)).join("; ");
      throw new ExpectedStateError(`--stack ${stack}: ${what}`);
    }
    throw err;
  }
  const report = validateConfig(file.config, { secretPaths: file.secretPaths });
  if (!report.value) {
    throw new ExpectedStateError(`--stack ${stack}: ${file.path} is not a valid stack config: ${report.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
  }
  return { expected: expectedFromSpec(report.value), acknowledgements: report.value.acknowledgements };
}
