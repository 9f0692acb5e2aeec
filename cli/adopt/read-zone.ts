/**
 * Reads what adoption needs from one Cloudflare zone, only with GETs: the zone (by id, or by name), every DNS
 * record (the list auto-paginates), the entrypoint ruleset of each adoptable phase
 * (`GET /zones/{zone_id}/rulesets/phases/{phase}/entrypoint`; 404 means the zone has none) and the zone settings
 * the stack manages (`GET /zones/{zone_id}/settings/{setting_id}`).
 */
import type Cloudflare from "cloudflare";
import { NotFoundError } from "cloudflare";
import type { LiveEntrypoints, LiveRecord, LiveZone } from "../../core/adopt/live";
import { ADOPTABLE_PHASES } from "../../core/adopt/entrypoints";
import { CloudflareReadError, readFailure } from "./api-errors";

export interface ZoneQuery {
  readonly name: string;
  /** `cloudflare.zoneId` from the stack, when it has one. */
  readonly zoneId?: string;
}

export interface ReadContext {
  readonly client: Cloudflare;
  readonly token: string;
  readonly baseURL: string;
  readonly retries: number;
  /** Records per page (the API's `per_page`). */
  readonly perPage?: number;
}

async function step<T>(ctx: ReadContext, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof CloudflareReadError) throw e;
    throw readFailure(e, what, ctx);
  }
}

async function findZone(ctx: ReadContext, q: ZoneQuery): Promise<{ id: string; name: string }> {
  if (q.zoneId !== undefined) {
    const id = q.zoneId;
    const zone = await step(ctx, `zone ${id}`, async () => {
      try {
        return await ctx.client.zones.get({ zone_id: id });
      } catch (e) {
        if (e instanceof NotFoundError) throw new CloudflareReadError("zone", `no Cloudflare zone ${id} is visible to this token: check cloudflare.zoneId for ${q.name} (the dashboard's Overview page shows it) and the token's zone resources`);
        throw e;
      }
    });
    if (zone.name.toLowerCase() !== q.name.toLowerCase()) {
      throw new CloudflareReadError("zone", `Cloudflare zone ${id} is '${zone.name}', not '${q.name}': fix cloudflare.zoneId for ${q.name}`);
    }
    return { id: zone.id, name: zone.name };
  }
  const found = await step(ctx, `the zone named ${q.name}`, async () => {
    const zones: { id: string; name: string }[] = [];
    for await (const z of ctx.client.zones.list({ name: q.name })) zones.push({ id: z.id, name: z.name });
    return zones;
  });
  const zone = found.find((z) => z.name.toLowerCase() === q.name.toLowerCase());
  if (zone === undefined) {
    throw new CloudflareReadError("zone", `no Cloudflare zone named ${q.name} is visible to this token: add the domain to Cloudflare first (adopt never creates a zone), or use a token whose zone resources include it`);
  }
  return zone;
}

function liveRecord(r: Cloudflare.DNS.Records.RecordResponse): LiveRecord {
  const data: unknown = "data" in r ? r.data : undefined;
  let content = r.content ?? "";
  if (r.type === "CAA" && content === "" && typeof data === "object" && data !== null) {
    content = `${String(Reflect.get(data, "flags"))} ${String(Reflect.get(data, "tag"))} "${String(Reflect.get(data, "value"))}"`;
  }
  const priority = "priority" in r && typeof r.priority === "number" ? r.priority : undefined;
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    content,
    ttl: r.ttl,
    proxied: r.proxied === true,
    ...(priority !== undefined ? { priority } : {}),
    ...(r.comment !== undefined && r.comment !== null ? { comment: r.comment } : {}),
  };
}

export async function readZone(ctx: ReadContext, q: ZoneQuery, settingIds: readonly string[]): Promise<LiveZone> {
  const zone = await findZone(ctx, q);
  const records = await step(ctx, `the DNS records of ${zone.name}`, async () => {
    const out: LiveRecord[] = [];
    for await (const r of ctx.client.dns.records.list({ zone_id: zone.id, per_page: ctx.perPage ?? 100 })) out.push(liveRecord(r));
    return out;
  });
  const entrypoints: Record<string, string> = {};
  for (const phase of ADOPTABLE_PHASES) {
    const id = await step(ctx, `the ${phase} entrypoint ruleset of ${zone.name}`, async () => {
      try {
        return (await ctx.client.rulesets.phases.get(phase, { zone_id: zone.id })).id;
      } catch (e) {
        if (e instanceof NotFoundError) return undefined; // the zone has no entrypoint for this phase yet
        throw e;
      }
    });
    if (id !== undefined) entrypoints[phase] = id;
  }
  const settings: Record<string, unknown> = {};
  for (const id of settingIds) {
    settings[id] = await step(ctx, `the ${id} setting of ${zone.name}`, async () => {
      const setting = await ctx.client.zones.settings.get(id, { zone_id: zone.id });
      return "value" in setting ? setting.value : undefined;
    });
  }
  const live: LiveEntrypoints = entrypoints;
  return { id: zone.id, name: zone.name, records, entrypoints: live, settings };
}
