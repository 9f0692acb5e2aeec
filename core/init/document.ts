/**
 * The stack file as text: the inferred config in a YAML document (the `yaml` package's Document API), each value
 * carrying its comment, the notes at the top.
 */
import { Document, isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import type { ValueComment } from "./annotated";

export interface StackFileText {
  readonly header: readonly string[];
  readonly config: Record<string, unknown>;
  readonly comments: readonly ValueComment[];
}

/** The node at a path under `config:`, and for a map entry its key node (a comment reads best above the key). */
function locate(doc: Document, path: readonly (string | number)[]): Node | undefined {
  let node: unknown = doc.get("config", true);
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === step);
      if (!pair) return undefined;
      if (last) return isScalar(pair.key) ? pair.key : undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof step === "number") {
      node = node.items[step];
      if (last) return isScalar(node) || isMap(node) || isSeq(node) ? node : undefined;
    } else return undefined;
  }
  return undefined;
}

export function stackFileText(input: StackFileText): string {
  const doc = new Document({ config: input.config });
  doc.commentBefore = input.header.map((l) => ` ${l}`).join("\n");
  for (const c of input.comments) {
    const node = locate(doc, c.path);
    if (node === undefined) throw new Error(`init: no value at ${c.path.join(".")} for the comment "${c.text}"`);
    node.commentBefore = node.commentBefore === undefined || node.commentBefore === null ? ` ${c.text}` : `${node.commentBefore}\n ${c.text}`;
  }
  return doc.toString({ lineWidth: 0 });
}
