/** Exit statuses shared by every command (the audit's follow CHECKS.md: 0 ok, 1 warnings, 2 failures, 3 incomplete). */
export const EXIT = {
  ok: 0,
  /** preview: a mandatory check fails. */
  checkFailed: 1,
  /** preview: the stack config is invalid. */
  badConfig: 2,
  /** The program itself failed (e.g. a zone id that names another domain): nothing could be checked. */
  incomplete: 3,
  /** Wrong command-line arguments. */
  usage: 64,
} as const;
