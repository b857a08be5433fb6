/** `socialbench events list|add|import|export|observances`: the events drawn on time charts, from the command line. */
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { AppFailure } from '../shared/result'
import { EVENT_KIND_LABELS, parseEventKind, type TimelineEvent } from '../shared/timeline'
import { invoke } from '../main/engine/api'
import { print, reportFailure, type CliContext, type CommonOptions } from './context'
import { formatTable } from './formatTable'
import { inputFromFlags } from './input'

interface ListOptions extends CommonOptions {
  from?: string
  to?: string
}

interface AddOptions extends CommonOptions {
  date?: string
  end?: string
  title?: string
  kind?: string
  institution?: string
  source?: string
  notes?: string
}

const ADD_FLAGS = {
  start: '--date',
  end: '--end',
  title: '--title',
  kind: '--kind',
  institutionId: '--institution',
  source: '--source',
  notes: '--notes'
}

const eventRow = (e: TimelineEvent) => ({
  id: e.eventId,
  date: e.end ? `${e.start} – ${e.end}` : e.start,
  kind: EVENT_KIND_LABELS[e.kind],
  title: e.title,
  institution: e.institutionName ?? ''
})

export function registerEvents(program: Command, ctx: CliContext): void {
  const events = program
    .command('events')
    .description('Events drawn on time charts: campaigns, awareness days, crises, platform changes')

  events
    .command('list')
    .description('List events in date order')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--from <YYYY-MM-DD>', 'only events on or after this day')
    .option('--to <YYYY-MM-DD>', 'only events on or before this day')
    .option('--json', 'print JSON')
    .action(async (opts: ListOptions) => {
      try {
        const range = await inputFromFlags(
          'listEvents',
          { from: opts.from, to: opts.to },
          { from: '--from', to: '--to' }
        )
        const list = await ctx.withEngine(opts, (e) => invoke(e, 'listEvents', range))
        if (opts.json) print(list)
        else if (!list.length)
          console.log('No events. Add one with: socialbench events add --date YYYY-MM-DD --title TEXT --kind campaign')
        else console.log(formatTable(['id', 'date', 'kind', 'title', 'institution'], list.map(eventRow)))
      } catch (err) {
        reportFailure(ctx, opts, 'events list', err)
      }
    })

  events
    .command('add')
    .description('Add an event (a day, or a range with --end)')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--date <YYYY-MM-DD>', 'the day, or the first day of a range')
    .option('--end <YYYY-MM-DD>', 'the last day of a range')
    .option('--title <text>', 'what happened')
    .option('--kind <kind>', 'campaign, awareness-day, crisis, platform-change or other')
    .option('--institution <name>', 'the institution it concerns (default: everyone)')
    .option('--source <text>', 'where the date comes from')
    .option('--notes <text>', 'notes')
    .option('--json', 'print JSON')
    .action(async (opts: AddOptions) => {
      try {
        const added = await ctx.withEngine(opts, async (e) => {
          let institutionId: number | null = null
          if (opts.institution !== undefined) {
            const name = opts.institution.trim().toLowerCase()
            const found = (await invoke(e, 'listInstitutions')).find((i) => i.name.toLowerCase() === name)
            if (!found)
              throw new AppFailure(
                'BAD_INPUT',
                `--institution: no institution is called "${opts.institution}" (see socialbench institutions).`
              )
            institutionId = found.institutionId
          }
          // "awareness day", "Awareness-Day" and the like; anything else goes to the contract as typed, to be refused by name.
          const kind = opts.kind === undefined ? undefined : (parseEventKind(opts.kind) ?? opts.kind)
          const input = await inputFromFlags(
            'addEvent',
            {
              start: opts.date,
              end: opts.end,
              title: opts.title,
              kind,
              institutionId,
              source: opts.source,
              notes: opts.notes
            },
            ADD_FLAGS
          )
          return invoke(e, 'addEvent', input)
        })
        if (opts.json) print(added)
        else console.log(`Added event ${added.eventId}: ${eventRow(added).date} ${added.title}`)
      } catch (err) {
        reportFailure(ctx, opts, 'events add', err)
      }
    })

  events
    .command('import <file>')
    .description(
      'Add the events of a CSV (columns start, end, title, kind, institution, source, notes): all rows, or none'
    )
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: CommonOptions) => {
      try {
        const out = await ctx.withEngine(opts, (e) => invoke(e, 'importEvents', { path: resolve(file) }))
        if (opts.json) print(out)
        else console.log(`Imported ${out.imported} ${out.imported === 1 ? 'event' : 'events'}.`)
      } catch (err) {
        reportFailure(ctx, opts, 'events import', err)
      }
    })

  events
    .command('export')
    .description('Print every event as CSV (the format events import reads)')
    .option('-w, --workspace <dir>', 'workspace folder')
    .action(async (opts: CommonOptions) => {
      try {
        const { text } = await ctx.withEngine(opts, (e) => invoke(e, 'exportEvents'))
        process.stdout.write(text)
      } catch (err) {
        reportFailure(ctx, opts, 'events export', err)
      }
    })

  events
    .command('observances')
    .description(
      'Add the built-in international health observances as awareness-day events (again: only those missing); --off removes them'
    )
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--off', 'switch the calendar off: remove its events, except those edited since they were added')
    .option('--json', 'print JSON')
    .action(async (opts: CommonOptions & { off?: boolean }) => {
      try {
        if (opts.off) {
          const out = await ctx.withEngine(opts, (e) => invoke(e, 'disableObservances'))
          if (opts.json) print(out)
          else
            console.log(
              `Removed ${out.removed} health observances.${out.kept ? ` Kept ${out.kept} edited since they were added.` : ''}`
            )
          return
        }
        const out = await ctx.withEngine(opts, (e) => invoke(e, 'enableObservances'))
        if (opts.json) print(out)
        else
          console.log(`Added ${out.added} health observances for ${out.years[0]}–${out.years[out.years.length - 1]}.`)
      } catch (err) {
        reportFailure(ctx, opts, opts.off ? 'events observances --off' : 'events observances', err)
      }
    })
}
