/**
 * The inference's output: the stack values with a comment for each (where the value came from and which check it
 * fixes), and the notes the command prints (what could not be seen, what was left out and why).
 */

/** A path into the written file from `config:`, e.g. `["launch-ready:domains", 0, "web", "origin"]`. */
export type ConfigPath = readonly (string | number)[];

export interface ValueComment {
  readonly path: ConfigPath;
  /** One line, without the `#`: `seen: SPF include:_spf.google.com`, `fixes dmarc.policy: …`. */
  readonly text: string;
}

export interface Inferred<T> {
  readonly value: T;
  readonly comments: readonly ValueComment[];
  /** Said to the user (and written as a comment at the top of the file). */
  readonly notes: readonly string[];
}

export function at(base: ConfigPath, ...rest: (string | number)[]): ConfigPath {
  return [...base, ...rest];
}
