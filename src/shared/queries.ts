/**
 * Saved queries: their shapes (zod, so the contract, the store and the .sbq.json importer validate alike) and the
 * pure SQL scanner that finds `$name` parameters and forbidden function calls outside strings and comments.
 * Pure TS: the renderer uses it for live parameter inputs, the engine for the sandbox's checks.
 */
import { z } from 'zod'
import { packTopic } from './topics'
import { findInvisible } from './invisibleChars'

/** What a parameter's input looks like and how its value is bound: text → VARCHAR, number → DOUBLE,
 *  date → DATE, institutions → VARCHAR[] of institution names (empty list = all). */
export const PARAM_TYPES = ['text', 'number', 'date', 'institutions'] as const
export type ParamType = (typeof PARAM_TYPES)[number]

const paramName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'a parameter name is letters, digits and _')

/** A value as it crosses IPC: dates as 'YYYY-MM-DD' text, institutions as a list of names. */
export const paramValue = z.union([
  z.string().max(10_000),
  z.number(),
  z.array(z.string().max(500)).max(1000),
  z.null()
])
export type ParamValue = z.infer<typeof paramValue>

export const paramDef = z
  .object({
    name: paramName,
    type: z.enum(PARAM_TYPES),
    label: z.string().max(200).optional(),
    default: paramValue.optional()
  })
  .strict()
export type ParamDef = z.infer<typeof paramDef>

export const CHART_MARKS = ['line', 'bar', 'dot', 'area', 'cell'] as const
export type ChartMark = (typeof CHART_MARKS)[number]

const column = z.string().min(1).max(300)
/** What to draw from a result: Observable Plot mark plus the columns for its channels. */
export const chartSpec = z
  .object({
    mark: z.enum(CHART_MARKS),
    x: column,
    y: column,
    color: column.nullable().optional(),
    facet: column.nullable().optional()
  })
  .strict()
export type ChartSpec = z.infer<typeof chartSpec>

/** The rows a query's chart draws, on screen and in its exported image. */
export const QUERY_CHART_ROWS = 2000

/**
 * A query name shows in the library, in file names and in the CLI: no bidirectional overrides or isolates
 * (U+202A-202E, U+2066-2069), which can make a shared query look like another one, and no other invisible controls.
 */
const queryName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .superRefine((name, ctx) => {
    const bad = findInvisible(name)
    if (bad) {
      ctx.addIssue({
        code: 'custom',
        message: `A query name cannot hold invisible or direction-changing characters (${bad.codePoint} at position ${bad.position}).`
      })
    }
  })

/** Everything a user writes about a query; what a .sbq.json file carries (never any data). */
export const queryDraft = z
  .object({
    name: queryName,
    description: z.string().max(5000).default(''),
    tags: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
    sql: z.string().min(1).max(100_000),
    params: z.array(paramDef).max(50).default([]),
    chart: chartSpec.nullable().default(null)
  })
  .strict()
export type QueryDraft = z.infer<typeof queryDraft>

export interface SavedQuery extends QueryDraft {
  id: number
  /** One of the starter queries seeded into every workspace. */
  starter: boolean
  /** ISO 8601, UTC. */
  createdAt: string
  updatedAt: string
}

/**
 * The share format: `.sbq.json`. Bump the version only for changes an older app cannot read. Version 2 adds
 * `topics` (the workspace's topic rules); a pack without topics is still written as version 1, which every
 * Socialbench reads. Version 3 adds a topic's keywords per language (`languages`), written only when one has them.
 */
export const QUERY_PACK_FORMAT = 'socialbench-queries'
export const QUERY_PACK_VERSION = 3
export const queryPack = z
  .object({
    format: z.literal(QUERY_PACK_FORMAT),
    version: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    exportedAt: z.string().max(100).optional(),
    queries: z.array(queryDraft).max(500),
    topics: z.array(packTopic).max(500).optional()
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.topics && p.version < 2)
      ctx.addIssue({ code: 'custom', path: ['topics'], message: 'topics need format version 2' })
    for (const [n, t] of (p.topics ?? []).entries())
      if (t.languages && p.version < 3)
        ctx.addIssue({
          code: 'custom',
          path: ['topics', n, 'languages'],
          message: 'keywords per language need format version 3'
        })
    if (p.queries.length === 0 && !p.topics?.length)
      ctx.addIssue({ code: 'custom', path: ['queries'], message: 'the file holds no queries and no topics' })
  })
export type QueryPack = z.infer<typeof queryPack>

/** A query of a pack that can never run as it is (packCheck.ts); `index` is its place in `queries`. */
export interface QueryPackWarning {
  index: number
  name: string
  message: string
}

/** A pack as read for import: its queries and what is wrong with any of them, before anything is saved. */
export type QueryPackPreview = QueryPack & { warnings: QueryPackWarning[] }

export interface QueryResultInfo {
  /** Handle for queryPage; results are kept for a while, then dropped (ask again to re-run). */
  resultId: string
  columns: { name: string; type: string }[]
  /** Rows held (at most the cap); `truncated` says there were more. */
  rowCount: number
  truncated: boolean
  elapsedMs: number
  statementType: string
}

export interface SqlSchema {
  tables: { name: string; kind: 'table' | 'view'; columns: { name: string; type: string }[] }[]
  functions: string[]
}

// ---- The scanner ------------------------------------------------------------------------------------

/**
 * The SQL with every comment and string literal blanked to spaces (same length, so offsets still match),
 * and quoted identifiers unquoted in place. Handles -- and nested /* *\/ comments, '' and E'\'' strings,
 * $tag$ dollar quotes and "quoted ""identifiers""".
 */
export function codeOnly(sql: string): string {
  const out = sql.split('')
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' '
  }
  let i = 0
  while (i < sql.length) {
    const c = sql[i]
    const next = sql[i + 1]
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i)
      const stop = end < 0 ? sql.length : end
      blank(i, stop)
      i = stop
    } else if (c === '/' && next === '*') {
      let depth = 1
      let j = i + 2
      while (j < sql.length && depth > 0) {
        if (sql[j] === '/' && sql[j + 1] === '*') {
          depth++
          j += 2
        } else if (sql[j] === '*' && sql[j + 1] === '/') {
          depth--
          j += 2
        } else j++
      }
      blank(i, j)
      i = j
    } else if (c === "'") {
      const escapes = i > 0 && /[eE]/.test(sql[i - 1]) && (i < 2 || !/[A-Za-z0-9_]/.test(sql[i - 2]))
      let j = i + 1
      while (j < sql.length) {
        if (escapes && sql[j] === '\\') j += 2
        else if (sql[j] === "'" && sql[j + 1] === "'") j += 2
        else if (sql[j] === "'") break
        else j++
      }
      blank(i, j + 1)
      i = j + 1
    } else if (c === '$' && /[A-Za-z_$]/.test(next ?? '')) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))
      if (tag && (i === 0 || !/[A-Za-z0-9_]/.test(sql[i - 1]))) {
        const end = sql.indexOf(tag[0], i + tag[0].length)
        const stop = end < 0 ? sql.length : end + tag[0].length
        blank(i, stop)
        i = stop
      } else i++
    } else if (c === '"') {
      let j = i + 1
      while (j < sql.length) {
        if (sql[j] === '"' && sql[j + 1] === '"') j += 2
        else if (sql[j] === '"') break
        else j++
      }
      // Keep the name, drop the quotes: "enable_logging"() must look like enable_logging().
      out[i] = ' '
      if (j < sql.length) out[j] = ' '
      i = j + 1
    } else i++
  }
  return out.join('')
}

/** `$name` parameters in order of first use, ignoring strings, comments and dollar quotes. */
export function paramNames(sql: string): string[] {
  const code = codeOnly(sql)
  const names: string[] = []
  for (const m of code.matchAll(/(?<![A-Za-z0-9_$])\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (!names.includes(m[1])) names.push(m[1])
  }
  return names
}

const NUMBER_TYPES = 'TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC'

/**
 * A sensible input type for a parameter the user has not described yet: from its name, else from how the SQL uses
 * it. `range * $factor`, `LIMIT $k`, `$x::INT` are numbers (a text value there is a type error the user had to fix
 * by hand); `$d::DATE` is a date.
 */
export function guessParamType(name: string, sql = ''): ParamType {
  const n = name.toLowerCase()
  if (/^institutions?$|^orgs?$|^brands?$/.test(n)) return 'institutions'
  if (/^(from|to|since|until|start|end|day|date)$|_(date|day|from|to)$|^(date|day)_/.test(n)) return 'date'
  if (/^(n|limit|top|min|max|threshold)$|_(count|min|max|n)$/.test(n)) return 'number'
  const code = codeOnly(sql)
  const p = String.raw`\$${name}(?![A-Za-z0-9_])`
  const used = (re: string) => new RegExp(re, 'i').test(code)
  if (used(String.raw`${p}\s*::\s*(DATE|TIMESTAMP)`) || used(String.raw`CAST\s*\(\s*${p}\s+AS\s+(DATE|TIMESTAMP)`))
    return 'date'
  if (
    used(String.raw`${p}\s*::\s*(${NUMBER_TYPES})\b`) ||
    used(String.raw`CAST\s*\(\s*${p}\s+AS\s+(${NUMBER_TYPES})\b`) ||
    used(String.raw`\b(LIMIT|OFFSET)\s+${p}`) ||
    used(String.raw`[*/%+-]\s*${p}`) ||
    used(String.raw`${p}\s*[*/%+-]`)
  ) {
    return 'number'
  }
  return 'text'
}
