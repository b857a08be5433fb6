/** `socialbench institutions` and `socialbench assign`: who owns which account, from the command line. */
import type { Command } from 'commander'
import type { AccountSummary, Institution } from '../shared/canonical'
import { AppFailure } from '../shared/result'
import { invoke } from '../main/engine/api'
import { print, reportFailure, type CliContext } from './context'
import { formatTable } from './formatTable'
import { inputFromFlags } from './input'

interface Options {
  workspace?: string
  json?: boolean
  account?: string
  institution?: string
}

const accountJson = (a: AccountSummary) => ({
  accountId: a.accountId,
  platform: a.platform,
  handle: a.handle,
  displayName: a.displayName,
  posts: a.posts,
  days: a.days,
  firstDate: a.firstDate,
  lastDate: a.lastDate
})

export function registerInstitutions(program: Command, ctx: CliContext): void {
  program
    .command('institutions')
    .description('List institutions with their accounts (and the accounts no institution owns yet)')
    .option('-w, --workspace <dir>', 'workspace folder')
    .option('--json', 'print JSON')
    .action(async (opts: Options) => {
      try {
        const { institutions, accounts } = await ctx.withEngine(opts, async (e) => ({
          institutions: await invoke(e, 'listInstitutions'),
          accounts: await invoke(e, 'listAccounts')
        }))
        const owned = (i: Institution | null) => accounts.filter((a) => a.institutionId === (i?.institutionId ?? null))
        if (opts.json) {
          print({
            institutions: institutions.map((i) => ({ ...i, accounts: owned(i).map(accountJson) })),
            unassigned: owned(null).map(accountJson)
          })
          return
        }
        if (!institutions.length)
          console.log('No institutions yet. Create one with: socialbench assign --account ID --institution NAME')
        for (const i of [...institutions, null]) {
          const list = owned(i)
          if (!i && !list.length) continue
          console.log(i ? `${i.name}${i.kind ? ` (${i.kind})` : ''} ${i.color}` : 'Unassigned')
          if (!list.length) console.log('  (no accounts)')
          else
            console.log(
              formatTable(
                ['account', 'handle', 'posts', 'days', 'from', 'to'],
                list.map((a) => ({
                  account: a.accountId,
                  handle: a.handle,
                  posts: a.posts,
                  days: a.days,
                  from: a.firstDate,
                  to: a.lastDate
                }))
              ).replace(/^/gm, '  ')
            )
        }
      } catch (err) {
        reportFailure(ctx, opts, 'institutions', err)
      }
    })

  program
    .command('assign')
    .description('Assign an account to an institution (created if it does not exist yet)')
    .option('-w, --workspace <dir>', 'workspace folder')
    .requiredOption('--account <id>', 'account id, e.g. x:quillmeregh (see `socialbench institutions`)')
    .requiredOption('--institution <name>', 'institution name')
    .option('--json', 'print JSON')
    .action(async (opts: Options) => {
      try {
        const out = await ctx.withEngine(opts, async (e) => {
          const wanted = String(opts.account).trim()
          const accounts = await invoke(e, 'listAccounts')
          // Accept the id in any case, or a bare handle when exactly one account has it.
          const account =
            accounts.find((a) => a.accountId.toLowerCase() === wanted.toLowerCase()) ??
            single(
              accounts.filter((a) => a.handle?.toLowerCase() === wanted.replace(/^@/, '').toLowerCase()),
              wanted
            )
          const name = String(opts.institution).trim()
          const existing = (await invoke(e, 'listInstitutions')).find(
            (i) => i.name.toLowerCase() === name.toLowerCase()
          )
          const institution =
            existing ??
            (await invoke(
              e,
              'createInstitution',
              await inputFromFlags('createInstitution', { name }, { name: '--institution' })
            ))
          await invoke(e, 'assignAccount', { accountId: account.accountId, institutionId: institution.institutionId })
          return {
            accountId: account.accountId,
            institution: institution.name,
            institutionId: institution.institutionId,
            created: !existing
          }
        })
        if (opts.json) print(out)
        else console.log(`${out.accountId} → ${out.institution}${out.created ? ' (new institution)' : ''}`)
      } catch (err) {
        reportFailure(ctx, opts, 'assign', err)
      }
    })
}

function single(matches: AccountSummary[], wanted: string): AccountSummary {
  if (matches.length === 1) return matches[0]
  if (matches.length > 1) {
    throw new AppFailure(
      'BAD_INPUT',
      `"${wanted}" is a handle on several platforms: use one of ${matches.map((a) => a.accountId).join(', ')}.`
    )
  }
  throw new AppFailure('NOT_FOUND', `No account "${wanted}". List them with: socialbench institutions`)
}
