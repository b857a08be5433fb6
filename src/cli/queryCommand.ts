/**
 * `socialbench query`: the saved-query library from the command line. `run` binds --param values (never pastes
 * them into SQL) and runs in the same sandbox as the app; `import` saves a .sbq.json pack, it never runs it.
 */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { ParamValue, SavedQuery } from '../shared/queries'
import { AppFailure, toFailure } from '../shared/result'
import type { Engine } from '../main/engine/engine'
import { formatTable } from './formatTable'

interface QueryOptions {
  workspace?: string
  json?: boolean
  param?: string[]
  out?: string
  search?: string
}

export interface QueryCliContext {
  withEngine<T>(opts: QueryOptions, fn: (engine: Engine) => Promise<T>): Promise<T>
  fail(): void
}

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
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
    if (!def) throw new AppFailure('BAD_INPUT', `"${query.name}" has no parameter $${name} (it has: ${query.params.map((p) => `$${p.name}`).join(', ') || 'none'}).`)
    values[name] =
      def.type === 'institutions' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : def.type === 'number' ? Number(raw) : raw === '' ? null : raw
  }
  return values
}

export function registerQueries(program: Command, ctx: QueryCliContext): void {
  const query = program.command('query').description('Saved queries: list, run, export and import (.sbq.json)')
  const fail = (opts: QueryOptions, err: unknown, what: string) => {
    const f = toFailure(err)
    const error = f.ok ? null : f.error
    if (opts.json) print({ error })
    else console.error(`socialbench query ${what}: ${error?.message}`)
    ctx.fail()
  }

  query
    .command('list')
    .description('List the saved queries')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--search <text>', 'only queries whose name, description, tags or SQL contain this')
    .option('--json', 'print JSON')
    .action(async (opts: QueryOptions) => {
      const list = await ctx.withEngine(opts, (e) => e.queries.list(opts.search))
      if (opts.json) print(list.map(({ id, name, description, tags, params }) => ({ id, name, description, tags, params })))
      else console.log(formatTable(['name', 'parameters', 'tags'], list.map((q) => ({ name: q.name, parameters: q.params.map((p) => `$${p.name}`).join(' '), tags: q.tags.join(', ') }))))
    })

  query
    .command('run')
    .description('Run a saved query by name, e.g. query run "Top posts by interactions" --param top=5 --param from=2024-01-01')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('-p, --param <name=value>', 'a parameter value (repeatable; institutions comma-separated)', collect, [])
    .option('--json', 'print a JSON array of row objects')
    .argument('<name>')
    .action(async (name: string, opts: QueryOptions) => {
      try {
        const out = await ctx.withEngine(opts, async (e) => {
          const q = (await e.queries.list()).find((s) => s.name.toLowerCase() === name.toLowerCase())
          if (!q) throw new AppFailure('NOT_FOUND', `There is no saved query named "${name}".`)
          return e.queries.runSaved(q.name, paramValues(q, opts.param ?? []))
        })
        if (opts.json) print(out.rows)
        else {
          console.log(formatTable(out.info.columns.map((c) => c.name), out.rows))
          console.error(`${out.info.rowCount} rows${out.info.truncated ? ' (truncated)' : ''} in ${out.info.elapsedMs} ms`)
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
    .argument('<names...>')
    .action(async (names: string[], opts: QueryOptions) => {
      try {
        const { text, count } = await ctx.withEngine(opts, async (e) => {
          const all = await e.queries.list()
          const ids = names.map((n) => {
            const q = all.find((s) => s.name.toLowerCase() === n.toLowerCase())
            if (!q) throw new AppFailure('NOT_FOUND', `There is no saved query named "${n}".`)
            return q.id
          })
          return { ...(await e.queries.exportQueries({ ids })), count: ids.length }
        })
        await writeFile(resolve(opts.out!), text)
        console.log(`Wrote ${count} ${count === 1 ? 'query' : 'queries'} to ${opts.out}`)
      } catch (err) {
        fail(opts, err, 'export')
      }
    })

  query
    .command('import')
    .description('Save the queries of a .sbq.json file into the workspace (they are not run)')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--json', 'print the saved queries as JSON')
    .argument('<file>')
    .action(async (file: string, opts: QueryOptions) => {
      try {
        const saved = await ctx.withEngine(opts, async (e) => {
          // The engine reads the file: it refuses devices, pipes and packs over 5 MB before reading them.
          const pack = await e.queries.readPack({ path: resolve(file) })
          return e.queries.importQueries({ queries: pack.queries })
        })
        if (opts.json) print(saved.map(({ id, name }) => ({ id, name })))
        else for (const q of saved) console.log(`✓ saved "${q.name}"`)
      } catch (err) {
        fail(opts, err, 'import')
      }
    })
}
