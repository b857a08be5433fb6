/** `socialbench topics`: keyword rules saved in the workspace, and each institution's figures on them. */
import type { Command } from 'commander'
import { ENGAGEMENT_CONVENTIONS, type EngagementConvention } from '../shared/metrics'
import { parseRuleText, ruleText } from '../shared/topics'
import { PLATFORMS } from '../shared/types'
import { AppFailure } from '../shared/result'
import { invoke } from '../main/engine/api'
import { BENCHMARK_FLAGS, scopeFromFlags } from './benchmarkCommand'
import { writeInsightCsv } from './insightCsv'
import { reportFailure, type CliContext } from './context'
import { formatTable } from './formatTable'
import { inputFromFlags, listFlag, type FlagNames } from './input'

interface Common {
  workspace?: string
  json?: boolean
}
const FLAGS: FlagNames = Object.fromEntries(Object.entries(BENCHMARK_FLAGS).map(([k, v]) => [`request.${k}`, v]))
const pct = (v: number | null, d = 1) => (v === null ? null : `${(v * 100).toFixed(d)}%`)
const print = (v: unknown) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`)

export function registerTopics(program: Command, ctx: CliContext): void {
  const topics = program
    .command('topics')
    .description('Topics as keyword rules (case- and accent-insensitive), hashtags and share of voice per topic')

  topics
    .command('list')
    .description('List the saved topics and their keywords')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--json', 'print JSON')
    .action(async (opts: Common) => {
      try {
        const list = await ctx.withEngine(opts, (e) => invoke(e, 'listTopics'))
        if (opts.json) print(list)
        else if (!list.length) console.log('No topics. Add one with: socialbench topics add NAME --keywords "a,b,c"')
        else
          console.log(
            formatTable(
              ['id', 'topic', 'keywords'],
              list.map((t) => ({ id: t.topicId, topic: t.name, keywords: ruleText(t) }))
            )
          )
      } catch (err) {
        reportFailure(ctx, opts, 'topics list', err)
      }
    })

  topics
    .command('add <name>')
    .description('Add a topic, or replace the keywords of the topic of that name')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option(
      '--keywords <list>',
      'comma-separated keywords or phrases for every language; "LANG: a, b" groups after a ";" are that language’s ("vaccine, flu shot; es: vacuna, gripe")'
    )
    .option(
      '--in <LANG:list>',
      'keywords that match only posts in that language (and posts of unknown language); repeatable: --in "es:vacuna,gripe"',
      (v: string, all: string[]) => [...all, v],
      [] as string[]
    )
    .option('--language <code>', 'the language the --keywords are in (the same as --in)')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: Common & { keywords?: string; in: string[]; language?: string }) => {
      try {
        const saved = await ctx.withEngine(opts, async (e) => {
          const existing = (await invoke(e, 'listTopics')).find(
            (t) => t.name.toLowerCase() === name.trim().toLowerCase()
          )
          const rule = opts.language
            ? { keywords: listFlag(opts.keywords) ?? [], languages: [] }
            : parseRuleText(opts.keywords ?? '')
          for (const group of opts.in) {
            const at = group.indexOf(':')
            if (at < 0) throw new AppFailure('BAD_INPUT', `--in: write a language and its keywords, "es:vacuna,gripe".`)
            rule.languages.push({ language: group.slice(0, at), keywords: listFlag(group.slice(at + 1)) ?? [] })
          }
          const input = await inputFromFlags(
            'saveTopic',
            { topicId: existing?.topicId, name, ...rule, language: opts.language },
            { name: 'NAME', keywords: '--keywords', language: '--language', languages: '--in' }
          )
          return invoke(e, 'saveTopic', input)
        })
        if (opts.json) print(saved)
        else console.log(`Saved topic ${saved.topicId}: ${saved.name} (${ruleText(saved)})`)
      } catch (err) {
        reportFailure(ctx, opts, 'topics add', err)
      }
    })

  topics
    .command('remove <name>')
    .description('Delete a topic')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: Common) => {
      try {
        const out = await ctx.withEngine(opts, async (e) => {
          const t = (await invoke(e, 'listTopics')).find((x) => x.name.toLowerCase() === name.trim().toLowerCase())
          if (!t) throw new AppFailure('NOT_FOUND', `NAME: no topic is called "${name}" (see socialbench topics list).`)
          return invoke(e, 'deleteTopic', { topicId: t.topicId })
        })
        if (opts.json) print(out)
        else console.log(`Removed topic ${name}`)
      } catch (err) {
        reportFailure(ctx, opts, 'topics remove', err)
      }
    })

  topics
    .command('report')
    .description(
      'Per institution: share of posts per topic, engagement vs the peer median, share of voice, top hashtags'
    )
    .option('-w, --workspace <dir>', 'workspace folder')
    .requiredOption('--institutions <names>', 'comma-separated institution names (see `socialbench institutions`)')
    .option('--from <YYYY-MM-DD>', 'first day, inclusive (default: first day with data)')
    .option('--to <YYYY-MM-DD>', 'last day, inclusive (default: last day with data)')
    .option('--platforms <list>', `comma-separated, of ${PLATFORMS.join(', ')} (default: all)`)
    .option('--convention <name>', `per-post rate: ${ENGAGEMENT_CONVENTIONS.join(', ')}`, ENGAGEMENT_CONVENTIONS[0])
    .option('--csv <file>', 'also write a row per institution and topic as CSV')
    .option('--json', 'print JSON (shares and rates as fractions, null where the data cannot give a value)')
    .action(
      async (
        opts: Common & {
          institutions: string
          from?: string
          to?: string
          platforms?: string
          convention: string
          csv?: string
        }
      ) => {
        try {
          const out = await ctx.withEngine(opts, async (engine) => {
            const input = await inputFromFlags(
              'topicReport',
              {
                request: {
                  ...(await scopeFromFlags(engine, opts)),
                  convention: opts.convention as EngagementConvention
                }
              },
              FLAGS
            )
            if (opts.csv) await writeInsightCsv(engine, 'topics', input.request, opts.csv)
            return invoke(engine, 'topicReport', input)
          })
          if (opts.json) {
            print(out)
            return
          }
          console.log(`Topics ${out.from} … ${out.to} (rate: ${out.convention})`)
          if (!out.topics.length) console.log('No topics yet: socialbench topics add NAME --keywords "a,b"')
          for (const i of out.institutions) {
            console.log(`\n${i.name}: ${i.posts} posts`)
            console.log(
              formatTable(
                ['topic', 'posts', 'share', 'rate', 'vs peer', 'share of voice'],
                i.topics.map((t) => ({
                  topic: t.topic,
                  posts: t.posts,
                  share: pct(t.share),
                  rate: pct(t.rate, 3),
                  'vs peer': t.vsPeer === null ? null : `${t.vsPeer >= 0 ? '+' : ''}${(t.vsPeer * 100).toFixed(3)} pts`,
                  'share of voice': pct(t.shareOfVoice)
                }))
              )
            )
            console.log(`Top hashtags: ${i.topHashtags.map((h) => `#${h.tag} (${h.posts})`).join(', ') || 'none'}`)
          }
          console.log('')
          for (const m of out.methods) console.log(m)
        } catch (err) {
          reportFailure(ctx, opts, 'topics report', err)
        }
      }
    )
}
