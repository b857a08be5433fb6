/** `socialbench conventions`: the rates per platform under every vendor's convention, with each one's source. */
import type { Command } from 'commander'
import { ENGAGEMENT_CONVENTIONS } from '../shared/metrics'
import { PLATFORMS } from '../shared/types'
import { VENDOR_COLUMNS, VENDOR_CONVENTIONS } from '../shared/vendorConventions'
import { invoke } from '../main/engine/api'
import { BENCHMARK_FLAGS, scopeFromFlags } from './benchmarkCommand'
import { writeInsightCsv } from './insightCsv'
import { reportFailure, type CliContext } from './context'
import { formatTable } from './formatTable'
import { inputFromFlags, type FlagNames } from './input'

interface ConventionsOptions {
  workspace?: string
  json?: boolean
  csv?: string
  institutions: string
  from?: string
  to?: string
  platforms?: string
}

const FLAGS: FlagNames = Object.fromEntries(Object.entries(BENCHMARK_FLAGS).map(([k, v]) => [`request.${k}`, v]))
const pct = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(3)}%`)

export function registerConventions(program: Command, ctx: CliContext): void {
  program
    .command('conventions')
    .description(
      'Engagement rates per platform as Rival IQ, Socialinsider and Fanpage Karma compute them, and by reach, impressions, views'
    )
    .option('-w, --workspace <dir>', 'workspace folder')
    .requiredOption('--institutions <names>', 'comma-separated institution names (see `socialbench institutions`)')
    .option('--from <YYYY-MM-DD>', 'first day, inclusive (default: first day with data)')
    .option('--to <YYYY-MM-DD>', 'last day, inclusive (default: last day with data)')
    .option('--platforms <list>', `comma-separated, of ${PLATFORMS.join(', ')} (default: all)`)
    .option('--csv <file>', 'also write the tables, with each column’s source, as CSV')
    .option('--json', 'print JSON (rates as fractions, null where the data cannot give a value)')
    .action(async (opts: ConventionsOptions) => {
      try {
        const out = await ctx.withEngine(opts, async (engine) => {
          const input = await inputFromFlags(
            'vendorConventions',
            {
              request: {
                ...(await scopeFromFlags(engine, opts)),
                convention: ENGAGEMENT_CONVENTIONS[0]
              }
            },
            FLAGS
          )
          if (opts.csv) await writeInsightCsv(engine, 'vendorConventions', input.request, opts.csv)
          return invoke(engine, 'vendorConventions', input)
        })
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
          return
        }
        console.log(`Engagement conventions ${out.from} … ${out.to}`)
        for (const t of out.tables) {
          console.log(`\n${t.platform}`)
          console.log(
            formatTable(
              ['institution', 'posts', ...VENDOR_COLUMNS.map((k) => VENDOR_CONVENTIONS[k].label)],
              [...t.rows, { ...t.median, name: 'median', posts: null }].map((r) => ({
                institution: r.name,
                posts: r.posts,
                ...Object.fromEntries(VENDOR_COLUMNS.map((k) => [VENDOR_CONVENTIONS[k].label, pct(r[k])]))
              }))
            )
          )
        }
        console.log('')
        for (const c of out.conventions) console.log(`${c.label}: ${c.formula} (${c.source.url})`)
      } catch (err) {
        reportFailure(ctx, opts, 'conventions', err)
      }
    })
}
