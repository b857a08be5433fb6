/**
 * The `contentMix` channel: per institution, posts and engagement by kind of post, and the weekday × hour grid of
 * median interactions in each account's own time zone (the scope's local_ts). src/shared/contentMix.ts says how the
 * exports' post types map to kinds and what each figure means.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { BenchmarkRequest } from '../../../shared/benchmark'
import {
  CONTENT_MIX_METHODS,
  POST_KIND_RULES,
  POST_KINDS,
  type ContentMix,
  type InstitutionMix,
  type PostKind
} from '../../../shared/contentMix'
import type { EngagementConvention } from '../../../shared/metrics'
import { literal } from '../db/sql'
import { resolveScope } from './benchmark'
import { materializeScope, withScope, type Scope } from './scope'

/** The per-post rate column of a convention; the average-audience one has none (its rate is a ratio of sums). */
export const PER_POST_RATE: Record<EngagementConvention, string> = {
  followers_at_post: 'rate_followers_at_post',
  avg_followers: 'NULL::DOUBLE',
  reach: 'rate_reach',
  impressions: 'rate_impressions',
  views: 'rate_views'
}

/** POST_KIND_RULES as one CASE over the lower-cased, trimmed post type. */
export function postKindSql(column: string): string {
  const t = `lower(trim(${column}))`
  const whens = POST_KIND_RULES.map((r) => {
    const tests = [
      ...(r.contains ?? []).map((s) => `contains(${t}, ${literal(s)})`),
      ...(r.equals ?? []).map((s) => `${t} = ${literal(s)}`)
    ]
    return `WHEN ${tests.join(' OR ')} THEN ${literal(r.kind)}`
  })
  return `CASE WHEN ${column} IS NULL THEN 'unknown' ${whens.join(' ')} ELSE 'other' END`
}

const mixCte = (convention: EngagementConvention) =>
  `  mp AS (SELECT institution_id, platform, post_type, interactions::DOUBLE AS interactions, local_ts,
              ${PER_POST_RATE[convention]} AS rate, ${postKindSql('post_type')} AS kind FROM sp)`

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[]
}

export async function contentMix(conn: DuckDBConnection, request: BenchmarkRequest): Promise<ContentMix> {
  const scope: Scope = await materializeScope(conn, (await resolveScope(conn, request)).scope)
  const mix = withScope(scope, mixCte(request.convention))
  // One after another: the scope's TEMP tables live on this one connection.
  const [insts, overall, kinds, cells, types] = [
    await rows(
      conn,
      `${withScope(scope)} SELECT institution_id, institution AS name, color, list(DISTINCT time_zone ORDER BY time_zone) AS zones
       FROM acc GROUP BY ALL ORDER BY name`
    ),
    await rows(conn, `${mix} SELECT institution_id, median(interactions) AS med FROM mp GROUP BY ALL`),
    await rows(
      conn,
      `${mix} SELECT institution_id, kind, count(*) AS posts, sum(interactions) AS inter,
         median(interactions) AS med, avg(rate) AS rate FROM mp GROUP BY ALL`
    ),
    await rows(
      conn,
      `${mix} SELECT institution_id, (isodow(local_ts) - 1)::INTEGER AS weekday, hour(local_ts)::INTEGER AS hour,
         count(*) AS posts, median(interactions) AS med, median(rate) AS mrate
       FROM mp GROUP BY ALL ORDER BY institution_id, weekday, hour`
    ),
    await rows(
      conn,
      `${mix} SELECT platform, post_type, kind, count(*) AS posts FROM mp GROUP BY ALL ORDER BY platform, posts DESC, post_type`
    )
  ]
  const order = (k: string) => POST_KINDS.indexOf(k as PostKind)
  const institutions: InstitutionMix[] = insts.map((i) => {
    const id = Number(i.institution_id)
    const own = kinds
      .filter((k) => Number(k.institution_id) === id)
      .sort((a, b) => order(String(a.kind)) - order(String(b.kind)))
    const posts = own.reduce((s, k) => s + Number(k.posts), 0)
    const withCounts = own.filter((k) => k.inter !== null)
    const inter = withCounts.length ? withCounts.reduce((s, k) => s + Number(k.inter), 0) : null
    return {
      institution_id: id,
      name: String(i.name),
      color: String(i.color),
      posts,
      medianInteractions: num(overall.find((o) => Number(o.institution_id) === id)?.med),
      timeZones: (i.zones as string[]).map(String),
      kinds: own.map((k) => ({
        kind: String(k.kind) as PostKind,
        posts: Number(k.posts),
        postShare: Number(k.posts) / posts,
        interactions: num(k.inter),
        interactionShare: inter && k.inter !== null ? Number(k.inter) / inter : null,
        medianInteractions: num(k.med),
        rate: num(k.rate)
      })),
      heatmap: cells
        .filter((c) => Number(c.institution_id) === id)
        .map((c) => ({
          weekday: Number(c.weekday),
          hour: Number(c.hour),
          posts: Number(c.posts),
          medianInteractions: num(c.med),
          medianRate: num(c.mrate)
        }))
    }
  })
  return {
    from: scope.from,
    to: scope.to,
    convention: request.convention,
    institutions,
    types: types.map((t) => ({
      platform: String(t.platform),
      postType: t.post_type === null ? null : String(t.post_type),
      kind: String(t.kind) as PostKind,
      posts: Number(t.posts)
    })),
    methods: CONTENT_MIX_METHODS
  }
}
