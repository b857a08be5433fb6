/**
 * What a reader needs to defend a chart: formula, denominator, date range, posts and accounts counted, source
 * files, and the known gaps (days without follower data, platforms missing for an institution).
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { channelDaysSql } from './channelSeries'
import { withScope, type Scope } from './scope'

export interface Methodology {
  from: string
  to: string
  posts: number
  accounts: number
  /** Account-days with a daily channel figure in the range. */
  channelDays: number
  sources: string[]
  /** The same files with their import id and SHA-256 (what an export records to be reproduced). */
  sourceFiles: { importId: number; fileName: string; sha256: string }[]
  /** Human-readable notices: peer set too small, missing platforms, follower gaps. */
  gaps: string[]
}

export async function methodology(conn: DuckDBConnection, s: Scope): Promise<Methodology> {
  const scope = withScope(s)
  const days = s.posts === 'days'
  const q = async <T>(sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as T[]
  const [counts] = await q<{ posts: number; accounts: number }>(
    `${scope} SELECT (SELECT ${days ? 'coalesce(sum(posts), 0)::BIGINT FROM spd' : 'count(*) FROM sp'}) AS posts, (SELECT count(*) FROM acc) AS accounts`
  )
  const [channel] = await q<{ n: number }>(channelDaysSql(s))
  const files = await q<{ import_id: number; file_name: string; file_sha256: string }>(
    `${withScope(
      s,
      `used AS (
       ${days ? 'SELECT DISTINCT import_id FROM spd' : 'SELECT DISTINCT p.import_id FROM posts p JOIN sp USING (platform, post_id)'}
       UNION SELECT DISTINCT d.import_id FROM account_daily d JOIN acc USING (account_id)
         WHERE d.day BETWEEN DATE '${s.from}' AND DATE '${s.to}')`
    )}
     SELECT i.import_id, i.file_name, i.file_sha256 FROM imports i JOIN used u ON u.import_id = i.import_id
     ORDER BY i.file_name, i.import_id`
  )
  const gaps: string[] = []
  if (s.institutionIds.length < 3) {
    gaps.push(
      `The peer set has ${s.institutionIds.length} institution${s.institutionIds.length === 1 ? '' : 's'}; peer medians and bands need at least 3.`
    )
  }
  // Only platforms some peer is on: "no TikTok" is news only when another institution in the set has TikTok.
  const missing = await q<{ name: string; platform: string }>(
    `${scope}
     SELECT i.name, p.platform FROM institutions i CROSS JOIN (SELECT DISTINCT platform FROM acc) p
     WHERE i.institution_id IN (${s.institutionIds.join(', ') || 'NULL'})
       AND NOT EXISTS (SELECT 1 FROM acc a WHERE a.institution_id = i.institution_id AND a.platform = p.platform)
     ORDER BY 1, 2`
  )
  const byInst = new Map<string, string[]>()
  for (const m of missing) byInst.set(m.name, [...(byInst.get(m.name) ?? []), m.platform])
  for (const [name, platforms] of byInst) gaps.push(`${name} has no account on ${platforms.join(', ')}.`)
  const followerGaps = await q<{ institution: string; platform: string; missing: number; total: number }>(
    `${scope} SELECT institution, platform, count(*) FILTER (WHERE followers IS NULL) AS missing, count(*) AS total
     FROM ifol GROUP BY ALL HAVING count(*) FILTER (WHERE followers IS NULL) > 0 ORDER BY 1, 2`
  )
  for (const g of followerGaps) {
    gaps.push(
      `${g.institution} (${g.platform}): no follower data on ${Number(g.missing)} of ${Number(g.total)} days (gaps longer than ${s.maxGapDays} days are not filled).`
    )
  }
  const derived = await q<{ institution: string; platform: string; n: number }>(
    `${scope} SELECT acc.institution, acc.platform, count(*) AS n FROM known k JOIN acc USING (account_id)
     WHERE k.derived AND k.day BETWEEN DATE '${s.from}' AND DATE '${s.to}' GROUP BY ALL ORDER BY 1, 2`
  )
  for (const d of derived) {
    const n = Number(d.n)
    gaps.push(
      `${d.institution} (${d.platform}): follower counts on ${n} day${n === 1 ? '' : 's'} derived from a reported total plus the daily follows gained (less unfollows where exported).`
    )
  }
  const noFollowers = await q<{ name: string }>(
    `${scope} SELECT i.name FROM institutions i WHERE i.institution_id IN (${s.institutionIds.join(', ') || 'NULL'})
       AND i.institution_id NOT IN (SELECT institution_id FROM ifol) ORDER BY 1`
  )
  for (const n of noFollowers) gaps.push(`${n.name}: no follower counts in the selected platforms.`)
  return {
    from: s.from,
    to: s.to,
    posts: Number(counts.posts),
    accounts: Number(counts.accounts),
    channelDays: Number(channel.n),
    sources: [...new Set(files.map((r) => r.file_name))],
    sourceFiles: files.map((r) => ({ importId: Number(r.import_id), fileName: r.file_name, sha256: r.file_sha256 })),
    gaps
  }
}
