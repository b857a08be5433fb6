/**
 * `socialbench query`: the saved-query library from the command line. `run` binds --param values (never pastes
 * them into SQL) and runs in the same sandbox as the app; `import` saves a .sbq.json pack, it never runs it.
 */
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { ParamValue, QueryResultInfo, SavedQuery } from '../shared/queries'
import { AppFailure } from '../shared/result'
import { invoke, type Engine } from '../main/engine/api'
import { print, reportFailure, type CliContext } from './context'
import { escapeControls, formatTable } from './formatTable'
import { inputFromFlags } from './input'

interface QueryOptions {
  workspace?: string
  json?: boolean
  param?: string[]
  out?: string
  search?: string
}

const collect = (value: string, previous: string[] = []) => [...previous, value]

/** `k=v` pairs to values typed by the query's parameter definitions (institutions: comma-separated). */
export function paramValues(query: SavedQuery, pairs: string[]): Record<string, ParamValue> {
  const values: Record<string, ParamValue> = {}
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq < 1) throw new AppFailure('BAD_INPUT', `--param needs name=value, got "${pair}".`)
    const name = pair.slice(0, eq).replace(/^\$/, '')
    const raw = pair.slice(eq + 1)
    const def = query.params.find((p) => p.name === name)
    if (!def)
      throw new AppFailure(
        'BAD_INPUT',
        `"${query.name}" has no parameter $${name} (it has: ${query.params.map((p) => `$${p.name}`).join(', ') || 'none'}).`
      )
    values[name] =
      def.type === 'institutions'
        ? raw
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : def.type === 'number'
          ? Number(raw)
          : raw === ''
            ? null
            : raw
  }
  return values
}

/** The saved query of that name (any case). */
async function savedQuery(engine: Engine, name: string): Promise<SavedQuery> {
  const q = (await invoke(engine, 'listQueries')).find((s) => s.name.toLowerCase() === name.toLowerCase())
  if (!q) throw new AppFailure('NOT_FOUND', `There is no saved query named "${name}".`)
  return q
}

/** A saved query's whole result as row objects, read page by page the way the app's grid reads it. */
async function runSaved(
  engine: Engine,
  q: SavedQuery,
  values: Record<string, ParamValue>
): Promise<{ info: QueryResultInfo; rows: Record<string, unknown>[] }> {
  const info = await invoke(engine, 'runQuery', { runId: randomUUID(), sql: q.sql, params: q.params, values })
  // Only this command decodes Arrow: the module loads here, not at start-up.
  const { tableFromIPC } = await import('apache-arrow')
  const rows: Record<string, unknown>[] = []
  while (rows.length < info.rowCount) {
    const page = await invoke(engine, 'queryPage', { resultId: info.resultId, offset: rows.length, limit: 2000 })
    const before = rows.length
    for (const row of tableFromIPC(page.arrow).toArray()) rows.push({ ...row.toJSON() })
    if (rows.length === before) break
  }
  return { info, rows }
}

export function registerQueries(program: Command, ctx: CliContext): void {
  const query = program.command('query').description('Saved queries: list, run, export and import (.sbq.json)')
  const fail = (opts: QueryOptions, err: unknown, what: string) => reportFailure(ctx, opts, `query ${what}`, err)

  query
    .command('list')
    .description('List the saved queries')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--search <text>', 'only queries whose name, description, tags or SQL contain this')
    .option('--json', 'print JSON')
    .action(async (opts: QueryOptions) => {
      const list = await ctx.withEngine(opts, async (e) =>
        invoke(e, 'listQueries', await inputFromFlags('listQueries', { search: opts.search }, { search: '--search' }))
      )
      if (opts.json)
        print(list.map(({ id, name, description, tags, params }) => ({ id, name, description, tags, params })))
      else
        console.log(
          formatTable(
            ['name', 'parameters', 'tags'],
            list.map((q) => ({
              name: q.name,
              parameters: q.params.map((p) => `$${p.name}`).join(' '),
              tags: q.tags.join(', ')
            }))
          )
        )
    })

  query
    .command('run')
    .description(
      'Run a saved query by name, e.g. query run "Top posts by interactions" --param top=5 --param from=2024-01-01'
    )
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('-p, --param <name=value>', 'a parameter value (repeatable; institutions comma-separated)', collect, [])
    .option('--json', 'print a JSON array of row objects')
    .argument('<name>')
    .action(async (name: string, opts: QueryOptions) => {
      try {
        const out = await ctx.withEngine(opts, async (e) => {
          const q = await savedQuery(e, name)
          return runSaved(e, q, paramValues(q, opts.param ?? []))
        })
        if (opts.json) print(out.rows)
        else {
          console.log(
            formatTable(
              out.info.columns.map((c) => c.name),
              out.rows
            )
          )
          console.error(
            `${out.info.rowCount} rows${out.info.truncated ? ' (truncated)' : ''} in ${out.info.elapsedMs} ms`
          )
        }
      } catch (err) {
        fail(opts, err, 'run')
      }
    })

  query
    .command('export')
    .description('Write saved queries (SQL, parameters, chart; no data) to a .sbq.json file')
    .option('-w, --workspace <dir>', 'workspace folder')
    .requiredOption('-o, --out <file>', 'the .sbq.json file to write')
    .option('--topics', 'carry every saved topic rule too (then no query names are needed)')
    .argument('[names...]')
    .action(async (names: string[], opts: QueryOptions & { topics?: boolean }) => {
      try {
        if (names.length === 0 && !opts.topics)
          throw new AppFailure('BAD_INPUT', 'name at least one saved query, or pass --topics')
        const { text, count } = await ctx.withEngine(opts, async (e) => {
          const ids: number[] = []
          for (const n of names) ids.push((await savedQuery(e, n)).id)
          return { ...(await invoke(e, 'exportQueries', { ids, topics: opts.topics })), count: ids.length }
        })
        const topics = (JSON.parse(text) as { topics?: unknown[] }).topics?.length ?? 0
        const also = opts.topics ? ` and ${topics} ${topics === 1 ? 'topic' : 'topics'}` : ''
        await writeFile(resolve(opts.out!), text)
        console.log(`Wrote ${count} ${count === 1 ? 'query' : 'queries'}${also} to ${opts.out}`)
      } catch (err) {
        fail(opts, err, 'export')
      }
    })

  query
    .command('import')
    .description('Save the queries and topic rules of a .sbq.json file into the workspace (queries are not run)')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--json', 'print the saved queries as JSON')
    .argument('<file>')
    .action(async (file: string, opts: QueryOptions) => {
      try {
        const { saved, topics, warnings } = await ctx.withEngine(opts, async (e) => {
          // The engine reads the file: it refuses devices, pipes and packs over 5 MB before reading them.
          const pack = await invoke(e, 'readQueryPack', { path: resolve(file) })
          return {
            saved: pack.queries.length ? await invoke(e, 'importQueries', { queries: pack.queries }) : [],
            topics: pack.topics?.length ? await invoke(e, 'importTopics', { topics: pack.topics }) : null,
            warnings: pack.warnings
          }
        })
        const warningsOf = (i: number) => warnings.filter((w) => w.index === i).map((w) => w.message)
        if (opts.json) print(saved.map(({ id, name }, i) => ({ id, name, warnings: warningsOf(i) })))
        else {
          saved.forEach((q, i) => {
            console.log(`✓ saved "${escapeControls(q.name)}"`)
            for (const w of warningsOf(i)) console.log(`    warning: can never run as it is: ${escapeControls(w)}`)
          })
          for (const t of topics?.saved ?? []) console.log(`✓ saved topic "${escapeControls(t.name)}"`)
          for (const name of topics?.kept ?? [])
            console.log(`= kept topic "${escapeControls(name)}" as it was (the name is taken in this workspace)`)
        }
      } catch (err) {
        fail(opts, err, 'import')
      }
    })
}
