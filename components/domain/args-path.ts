/**
 * Where a `Domain`'s args came from, for its messages: `args.web.origin` by default; the stack program marks each
 * entry with its stack-file path, so its users read `launch-ready:domains[0].web.origin` as they wrote it.
 */
const ARGS_PATH = Symbol.for("launch-ready.argsPath");

export function withArgsPath<T extends object>(args: T, path: readonly PropertyKey[]): T {
  return Object.assign({}, args, { [ARGS_PATH]: [...path] });
}

export function argsPathOf(args: object): readonly PropertyKey[] {
  const path: unknown = Reflect.get(args, ARGS_PATH);
  return Array.isArray(path) ? path.filter((p): p is PropertyKey => typeof p === "string" || typeof p === "number") : ["args"];
}
