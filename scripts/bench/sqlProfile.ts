/**
 * Where an import's time goes, measured from outside the engine: wrap the connections' run/runAndReadAll and add up
 * each statement's wall time by kind. Whatever happens before the first statement is the file scan (SHA-256,
 * encoding, line lengths) in prepareSource.
 */
import type { DuckDBConnection } from '@duckdb/node-api'

export type Phase =
  | 'scan+hash (before SQL)'
  | 'read CSV into raw table'
  | 'plan/sniff'
  | 'staging'
  | 'change counts'
  | 'recognizer checks'
  | 'upsert'
  | 'post_days'
  | 'commit'
  | 'other SQL'
  | 'between statements (JS)'

export function classify(sql: string): Exclude<Phase, 'scan+hash (before SQL)' | 'between statements (JS)'> {
  const s = sql.replace(/\s+/g, ' ').trim()
  if (/^(BEGIN|COMMIT|ROLLBACK)/i.test(s)) return 'commit'
  // The dashboard's day sums kept with the posts (canonical/postDays.ts).
  if (/post_days/i.test(s)) return 'post_days'
  if (/^CREATE TABLE "?ds_\d+/i.test(s)) return 'read CSV into raw table'
  if (/^(INSERT|MERGE) INTO (posts|account_daily|accounts)/i.test(s)) return 'upsert'
  if (/sniff_csv|DESCRIBE|LIMIT \d+\s*$/i.test(s) && /read_csv|sniff_csv/i.test(s)) return 'plan/sniff'
  if (/LEFT JOIN (posts|account_daily) t/i.test(s)) return 'change counts'
  // A recognizer's own consistency checks and the redaction counts read the raw table once more.
  if (/IS DISTINCT FROM|regexp_matches.*count|count\(\*\).*FROM \(SELECT _row/i.test(s) && !/^CREATE|^INSERT/i.test(s))
    return 'recognizer checks'
  if (/stage_|parsed_/i.test(s)) return 'staging'
  if (/read_csv|read_json/i.test(s)) return 'plan/sniff'
  return 'other SQL'
}

export interface Profile {
  stop(): Record<Phase, number>
}

/** Start profiling the given connections; `stop()` restores them and returns ms per phase. */
export function profileConnections(conns: DuckDBConnection[]): Profile {
  const t0 = performance.now()
  let first: number | null = null
  let inSql = 0
  let depth = 0
  const totals = new Map<Phase, number>()
  const add = (p: Phase, ms: number) => totals.set(p, (totals.get(p) ?? 0) + ms)
  const restore: (() => void)[] = []
  for (const conn of conns) {
    for (const method of ['run', 'runAndReadAll'] as const) {
      const original = conn[method]
      const wrapped = async function (this: DuckDBConnection, sql: string, ...rest: unknown[]) {
        // runAndReadAll calls run: only the outermost call is timed, or its statement would count twice.
        if (depth > 0) return (original as (...a: unknown[]) => Promise<unknown>).call(this, sql, ...rest)
        const start = performance.now()
        first ??= start
        depth++
        try {
          return await (original as (...a: unknown[]) => Promise<unknown>).call(this, sql, ...rest)
        } finally {
          depth--
          const ms = performance.now() - start
          inSql += ms
          add(classify(sql), ms)
        }
      }
      ;(conn as unknown as Record<string, unknown>)[method] = wrapped
      restore.push(() => {
        ;(conn as unknown as Record<string, unknown>)[method] = original
      })
    }
  }
  return {
    stop() {
      const end = performance.now()
      restore.forEach((r) => r())
      const before = (first ?? end) - t0
      add('scan+hash (before SQL)', before)
      add('between statements (JS)', Math.max(0, end - t0 - before - inSql))
      return Object.fromEntries(totals) as Record<Phase, number>
    }
  }
}
