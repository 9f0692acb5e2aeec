/**
 * A captured graph in the shape the Pulumi engine sends a policy pack in `AnalyzeStack`
 * (`pulumi/pulumi` pkg/resource/plugin/analyzer_plugin.go): properties as a protobuf Struct marshalled with
 * KeepSecrets and KeepUnknowns (secrets as the `4dabf…`/`1b47…` signature object, unknowns as the string
 * sentinel), internal `__` keys skipped, options, parent, dependencies and property dependencies by URN.
 */
import { AnalyzeStackRequest, AnalyzerPropertyDependencies, AnalyzerResource, AnalyzerResourceOptions } from "@pulumi/pulumi/proto/analyzer_pb";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { Struct, type JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import type { CapturedResource } from "../../engine/capture";

/** JSON the engine would marshal: undefined dropped (the engine never sends it), `__` keys skipped. */
function wire(value: unknown): JavaScriptValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return value;
  if (Array.isArray(value)) return value.map((v) => wire(v) ?? null);
  if (typeof value === "object") {
    const out: { [key: string]: JavaScriptValue } = {};
    for (const [k, v] of Object.entries(value)) {
      const w = wire(v);
      if (!k.startsWith("__") && w !== undefined) out[k] = w;
    }
    return out;
  }
  throw new Error(`cannot send a ${typeof value} to the policy pack: the captured graph should hold plain data`);
}

function properties(r: CapturedResource): Struct {
  const secret = new Set(r.secretInputs ?? []);
  const out: { [key: string]: JavaScriptValue } = {};
  for (const [key, value] of Object.entries(r.inputs)) {
    const w = wire(value);
    if (key.startsWith("__") || w === undefined) continue;
    out[key] = secret.has(key) ? { [specialSigKey]: specialSecretSig, value: w } : w;
  }
  return Struct.fromJavaScript(out);
}

export function toAnalyzerResource(r: CapturedResource): AnalyzerResource {
  const parent = r.parentUrn ?? "";
  const options = new AnalyzerResourceOptions()
    .setProtect(r.options.protect)
    .setIgnorechangesList([...r.options.ignoreChanges])
    .setDeletebeforereplace(r.options.deleteBeforeReplace === true)
    .setDeletebeforereplacedefined(r.options.deleteBeforeReplace === true)
    .setCustomtimeouts(new AnalyzerResourceOptions.CustomTimeouts())
    .setParent(parent);
  const dependencies = [...new Set(Object.values(r.propertyDependencies).flat())];
  const res = new AnalyzerResource()
    .setUrn(r.urn)
    .setType(r.type)
    .setName(r.name)
    .setProperties(properties(r))
    .setOptions(options)
    .setParent(parent)
    .setDependenciesList(dependencies);
  const deps = res.getPropertydependenciesMap();
  for (const [key, urns] of Object.entries(r.propertyDependencies)) {
    // The engine skips properties without dependencies.
    if (urns.length > 0) deps.set(key, new AnalyzerPropertyDependencies().setUrnsList([...urns]));
  }
  return res;
}

export function analyzeStackRequest(resources: readonly CapturedResource[]): AnalyzeStackRequest {
  return new AnalyzeStackRequest().setResourcesList(resources.map(toAnalyzerResource));
}
