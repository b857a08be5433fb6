/**
 * The `.sbq.json` share format: queries (SQL, parameters, chart spec), never data. Reading one only validates and
 * returns it; saving is a separate, explicit step, and nothing in a pack ever runs by itself.
 */
import { readFile, stat } from 'node:fs/promises'
import { QUERY_PACK_FORMAT, QUERY_PACK_VERSION, queryPack, type QueryPack, type SavedQuery } from '../../../shared/queries'
import { AppFailure } from '../../../shared/result'

const MAX_PACK_BYTES = 5 * 1024 * 1024

export function toPack(queries: SavedQuery[], now = new Date()): QueryPack {
  return {
    format: QUERY_PACK_FORMAT,
    version: QUERY_PACK_VERSION,
    exportedAt: now.toISOString(),
    queries: queries.map(({ name, description, tags, sql, params, chart }) => ({ name, description, tags, sql, params, chart }))
  }
}

export function packFileName(queries: SavedQuery[]): string {
  const base = queries.length === 1 ? queries[0].name : `socialbench-queries-${queries.length}`
  return `${base.replace(/[^\p{L}\p{N} _.-]+/gu, '_').trim().slice(0, 80) || 'queries'}.sbq.json`
}

export function parsePack(text: string): QueryPack {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    throw new AppFailure('BAD_INPUT', `This is not a query file (.sbq.json): ${(err as Error).message}`)
  }
  const format = (raw as { format?: unknown } | null)?.format
  if (format !== QUERY_PACK_FORMAT) throw new AppFailure('BAD_INPUT', 'This is not a Socialbench query file (.sbq.json).')
  const version = (raw as { version?: unknown }).version
  if (typeof version === 'number' && version > QUERY_PACK_VERSION) {
    throw new AppFailure('BAD_INPUT', `This query file was written by a newer Socialbench (format version ${version}).`)
  }
  const parsed = queryPack.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppFailure('BAD_INPUT', `The query file is damaged: ${issue.path.join('.') || 'file'}: ${issue.message}`)
  }
  return parsed.data
}

export async function readPackFile(path: string): Promise<QueryPack> {
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) throw new AppFailure('NOT_FOUND', `No file at ${path}.`)
  if (info.size > MAX_PACK_BYTES) throw new AppFailure('BAD_INPUT', 'This query file is too large (over 5 MB) to be a query pack.')
  return parsePack(await readFile(path, 'utf8'))
}
