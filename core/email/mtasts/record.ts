import { duplicateTags, parseTagList } from "../tag-list";

export interface MtaStsRecordParse {
  readonly id?: string;
  readonly errors: readonly string[];
}

/** Records that take part in MTA-STS discovery: those beginning `v=STSv1;` (RFC 8461 §3.1). */
export function isMtaStsRecord(txt: string): boolean {
  return /^v=STSv1(?:;|$)/.test(txt);
}

const EXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
const EXT_VALUE = /^[\x21-\x3a\x3c\x3e-\x7e]+$/;

/** `v=STSv1; id=<1-32 alphanumerics>[; ext=value]` (RFC 8461 §3.1; names and values case-sensitive). */
export function parseMtaStsRecord(text: string): MtaStsRecordParse {
  const list = parseTagList(text);
  const errors = [...list.errors];
  if (list.tags[0]?.name !== "v" || list.tags[0]?.value !== "STSv1") errors.push('the record must start with "v=STSv1;"');
  for (const dup of duplicateTags(list.tags)) errors.push(`field "${dup}" appears more than once`);
  const id = list.tags.find((t) => t.name === "id")?.value;
  if (id === undefined) errors.push('"id=" is missing');
  else if (!/^[A-Za-z0-9]{1,32}$/.test(id)) errors.push(`id=${id} must be 1 to 32 letters or digits`);
  for (const t of list.tags) {
    if (t.name === "v" || t.name === "id") continue;
    if (!EXT_NAME.test(t.name) || !EXT_VALUE.test(t.value)) errors.push(`extension "${t.name}=${t.value}" is not valid`);
  }
  return { ...(id !== undefined ? { id } : {}), errors };
}

/** Builds the `_mta-sts` TXT value; change `id` whenever the policy changes. */
export function buildMtaStsRecord(id: string): string {
  if (!/^[A-Za-z0-9]{1,32}$/.test(id)) throw new RangeError(`MTA-STS id must be 1 to 32 letters or digits, got "${id}"`);
  return `v=STSv1; id=${id}`;
}
