/**
 * `socialbench explain`: what is behind one institution's week (or day) on the engagement or a channel chart, the
 * `explainPeriod` channel the dashboard's "Explain a spike" panel shows: the value against the institution's own
 * median with a robust z-score, the posts ranked by contribution, the post types and the events of the period.
 */
import type { Command } from 'commander'
import { describeZ, EXPLAIN_UNITS, type ExplainedPeriod } from '../shared/explain'
import { CHANNEL_METRICS, ENGAGEMENT_CONVENTIONS } from '../shared/metrics'
import { AppFailure } from '../shared/result'
import { PLATFORMS } from '../shared/types'
import { invoke } from '../main/engine/api'
import { BENCHMARK_FLAGS, institutionIdsByName, scopeFromFlags } from './benchmarkCommand'
import { reportFailure, type CliContext } from './context'
import { formatTable } from './formatTable'
import { inputFromFlags, type FlagNames } from './input'

interface ExplainOptions {
  workspace?: string
  json?: boolean
  institution: string
  institutions?: string
  day: string
  unit: string
  metric: string
  from?: string
  to?: string
  platforms?: string
  convention: string
}

const EXPLAIN_FLAGS: FlagNames = {
  ...Object.fromEntries(Object.entries(BENCHMARK_FLAGS).map(([k, v]) => [`request.${k}`, v])),
  institutionId: '--institution',
  metric: '--metric',
  unit: '--unit',
  day: '--day'
}

/** The engine names the input field it refuses ("day: … is outside the range"); the CLI user typed a flag. */
function withFlagNames(err: unknown): unknown {
  if (!(err instanceof AppFailure)) return err
  const m = /^(day|institutionId): /.exec(err.message)
  return m ? new AppFailure(err.code, `${EXPLAIN_FLAGS[m[1]]}: ${err.message.slice(m[0].length)}`) : err
}

const signed = (v: number, text: string) => `${v >= 0 ? '+' : '−'}${text}`

/** A value as the chart shows it: a rate in percent, a channel figure as a count. */
function formatter(e: ExplainedPeriod): (v: number | null) => string {
  return e.metric === 'engagement'
    ? (v) => (v === null ? '–' : `${(v * 100).toFixed(3)}%`)
    : (v) => (v === null ? '–' : Math.round(v).toLocaleString('en-US'))
}

function printText(e: ExplainedPeriod): void {
  const fmt = formatter(e)
  const b = e.baseline
  const what = e.metric === 'engagement' ? `engagement (${e.convention})` : e.metric
  const period = e.period.start === e.period.end ? e.period.start : `${e.period.start} … ${e.period.end}`
  console.log(`${e.institution.name}, ${e.unit} ${period}: ${what} ${fmt(e.value)}`)
  const units = e.unit === 'week' ? 'weeks' : 'days'
  if (b.median === null) console.log(`No ${units} of the range have a value to compare with.`)
  else {
    const change =
      b.change === null
        ? ''
        : e.metric === 'engagement'
          ? `, ${signed(b.change, `${Math.abs(b.change * 100).toFixed(2)} pts`)}`
          : `, ${signed(b.change, Math.abs(Math.round(b.change)).toLocaleString('en-US'))}`
    const pct = b.changePct === null ? '' : ` (${signed(b.changePct, `${Math.abs(b.changePct * 100).toFixed(0)}%`)})`
    console.log(
      `Own median over ${b.periods} ${units}: ${fmt(b.median)}${change}${pct}; MAD ${fmt(b.mad)}; ${describeZ(b)}`
    )
  }
  if (b.zNote) console.log(b.zNote)
  console.log(`\nPosts (${e.postCount}${e.postCount > e.posts.length ? `, the first ${e.posts.length}` : ''}):`)
  if (e.posts.length)
    console.log(
      formatTable(
        ['published', 'type', 'interactions', 'value', 'contribution', 'share', 'text'],
        e.posts.map((p) => ({
          published: p.published_at,
          type: p.post_type ?? 'unknown',
          interactions: p.interactions,
          value: fmt(p.value),
          contribution: fmt(p.contribution),
          share: `${(p.share * 100).toFixed(1)}%`,
          text: p.text.length > 60 ? `${p.text.slice(0, 59)}…` : p.text
        }))
      )
    )
  if (e.postTypes.length) {
    console.log('\nPost types:')
    console.log(
      formatTable(
        ['type', 'posts', 'interactions', 'share'],
        e.postTypes.map((t) => ({
          type: t.postType,
          posts: t.posts,
          interactions: t.interactions,
          share: `${(t.share * 100).toFixed(1)}%`
        }))
      )
    )
  }
  console.log(e.events.length ? '\nEvents:' : '\nEvents: none')
  for (const ev of e.events)
    console.log(`  ${ev.start}${ev.end && ev.end !== ev.start ? ` … ${ev.end}` : ''} ${ev.title} (${ev.kind})`)
  if (e.notes.length) console.log('')
  for (const n of e.notes) console.log(n)
}

export function registerExplain(program: Command, ctx: CliContext): void {
  program
    .command('explain')
    .description('Explain a spike: the posts, robust z-score, post types and events behind one week or day')
    .option('-w, --workspace <dir>', 'workspace folder')
    .requiredOption('--institution <name>', 'the institution whose period is explained')
    .requiredOption('--day <YYYY-MM-DD>', 'the day, or any day of the week (Monday to Sunday), to explain')
    .option('--unit <unit>', `${EXPLAIN_UNITS.join(' or ')}`, 'week')
    .option(
      '--metric <metric>',
      `engagement (the weekly rate) or a channel figure: ${CHANNEL_METRICS.join(', ')}`,
      'engagement'
    )
    .option(
      '--institutions <names>',
      'the compared institutions, whose data sets the default range (default: the explained one)'
    )
    .option(
      '--from <YYYY-MM-DD>',
      'first day of the range the median is taken over, inclusive (default: first day with data)'
    )
    .option('--to <YYYY-MM-DD>', 'last day, inclusive (default: last day with data)')
    .option('--platforms <list>', `comma-separated, of ${PLATFORMS.join(', ')} (default: all)`)
    .option('--convention <id>', `engagement convention: ${ENGAGEMENT_CONVENTIONS.join(', ')}`, 'followers_at_post')
    .option('--json', 'print the explainPeriod channel’s answer as JSON (rates as fractions)')
    .action(async (opts: ExplainOptions) => {
      try {
        const out = await ctx.withEngine(opts, async (engine) => {
          const [institutionId] = await institutionIdsByName(engine, [opts.institution.trim()])
          const scope = await scopeFromFlags(engine, {
            ...opts,
            institutions: opts.institutions ?? opts.institution
          })
          // The explained institution is always one of the compared ones (the channel requires it).
          if (!scope.institutionIds.includes(institutionId)) scope.institutionIds.unshift(institutionId)
          const input = await inputFromFlags(
            'explainPeriod',
            {
              request: { ...scope, convention: opts.convention },
              institutionId,
              metric: opts.metric,
              unit: opts.unit,
              day: opts.day
            },
            EXPLAIN_FLAGS
          )
          return invoke(engine, 'explainPeriod', input).catch((err: unknown) => {
            throw withFlagNames(err)
          })
        })
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
          return
        }
        printText(out)
      } catch (err) {
        reportFailure(ctx, opts, 'explain', err)
      }
    })
}
