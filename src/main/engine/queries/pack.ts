/**
 * The `.sbq.json` share format: queries (SQL, parameters, chart spec), never data. Reading one only validates and
 * returns it; saving is a separate, explicit step, and nothing in a pack ever runs by itself.
 */
import { open, stat } from 'node:fs/promises'
import {
  QUERY_PACK_FORMAT,
  QUERY_PACK_VERSION,
  queryPack,
  type QueryPack,
  type SavedQuery
} from '../../../shared/queries'
import type { Topic } from '../../../shared/topics'
import { AppFailure } from '../../../shared/result'

const MAX_PACK_BYTES = 5 * 1024 * 1024

/**
 * `topics`: the topic rules to carry too (version 2; 3 when one has keywords per language); without any the pack
 * is version 1, as older apps read.
 */
export function toPack(queries: SavedQuery[], topics: Topic[] = [], now = new Date()): QueryPack {
  return {
    format: QUERY_PACK_FORMAT,
    version: topics.some((t) => t.languages.length) ? QUERY_PACK_VERSION : topics.length ? 2 : 1,
    exportedAt: now.toISOString(),
    queries: queries.map(({ name, description, tags, sql, params, chart }) => ({
      name,
      description,
      tags,
      sql,
      params,
      chart
    })),
    ...(topics.length
      ? {
          topics: topics.map(({ name, keywords, languages }) => ({
            name,
            keywords,
            ...(languages.length ? { languages } : {})
          }))
        }
      : {})
  }
}

export function packFileName(queries: SavedQuery[]): string {
  const base =
    queries.length === 1
      ? queries[0].name
      : queries.length === 0
        ? 'socialbench-topics'
        : `socialbench-queries-${queries.length}`
  return `${
    base
      .replace(/[^\p{L}\p{N} _.-]+/gu, '_')
      .trim()
      .slice(0, 80) || 'queries'
  }.sbq.json`
}

export function parsePack(text: string): QueryPack {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    throw new AppFailure('BAD_INPUT', `This is not a query file (.sbq.json): ${(err as Error).message}`)
  }
  const format = (raw as { format?: unknown } | null)?.format
  if (format !== QUERY_PACK_FORMAT)
    throw new AppFailure('BAD_INPUT', 'This is not a Socialbench query file (.sbq.json).')
  const version = (raw as { version?: unknown }).version
  if (typeof version === 'number' && version > QUERY_PACK_VERSION) {
    throw new AppFailure('BAD_INPUT', `This query file was written by a newer Socialbench (format version ${version}).`)
  }
  const parsed = queryPack.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const why = issue.code === 'custom' ? 'is refused' : 'is damaged'
    throw new AppFailure('BAD_INPUT', `The query file ${why}: ${issue.path.join('.') || 'file'}: ${issue.message}`)
  }
  return parsed.data
}

/**
 * Read a pack from disk, refusing before reading anything that is not a regular file (a device such as /dev/zero,
 * a pipe, a folder) or is over the 5 MB cap, and reading at most the cap even if the file grows meanwhile.
 */
export async function readPackFile(path: string): Promise<QueryPack> {
  const before = await stat(path).catch(() => null)
  if (!before) throw new AppFailure('NOT_FOUND', `No file at ${path}.`)
  const tooLarge = () => new AppFailure('BAD_INPUT', `${path} is too large (over 5 MB) to be a query pack.`)
  const notFile = () =>
    new AppFailure('BAD_INPUT', `${path} is not a regular file (a folder, device or pipe), so it is not a query pack.`)
  if (!before.isFile()) throw notFile()
  if (before.size > MAX_PACK_BYTES) throw tooLarge()
  const handle = await open(path, 'r')
  try {
    // The path may have been swapped between stat and open: check what was opened.
    const opened = await handle.stat()
    if (!opened.isFile()) throw notFile()
    const buffer = Buffer.alloc(MAX_PACK_BYTES + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
      if (length > MAX_PACK_BYTES) throw tooLarge()
    }
    return parsePack(buffer.subarray(0, length).toString('utf8'))
  } finally {
    await handle.close()
  }
}
