/**
 * `socialbench workspace export|open|duplicate`: a workspace as one .sbw file for a colleague, and back. The same
 * channels the app's workspace menu calls; `open` extracts without opening any workspace first, then opens the
 * new one once, which upgrades an older schema (keeping a backup next to it) and says what it holds.
 */
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { invoke, withoutWorkspace } from '../main/engine/api'
import type { WorkspaceCounts } from '../shared/workspaces'
import { print, reportFailure, type CliContext, type CommonOptions } from './context'

const countLine = (c: WorkspaceCounts) =>
  `${c.datasets} datasets, ${c.institutions} institutions, ${c.accounts} accounts, ${c.posts} posts, ${c.events} events, ${c.queries} saved queries`

export function registerWorkspace(program: Command, ctx: CliContext): void {
  const workspace = program.command('workspace').description('Export a workspace as one .sbw file, open one, duplicate')

  workspace
    .command('export')
    .description('Write the workspace as one .sbw file (its database and a manifest) to share with a colleague')
    .option('-w, --workspace <dir>', 'workspace folder')
    .requiredOption('--out <file.sbw>', 'the file to write')
    .option('--json', 'print JSON')
    .action(async (opts: CommonOptions & { out: string }) => {
      try {
        const out = await ctx.withEngine(opts, (e) => invoke(e, 'exportWorkspace', { out: resolve(opts.out) }))
        if (opts.json) print(out)
        else console.log(`Wrote ${out.path} (${formatSize(out.bytes)}): ${countLine(out.manifest.counts)}`)
      } catch (err) {
        reportFailure(ctx, opts, 'workspace export', err)
      }
    })

  workspace
    .command('open <file.sbw>')
    .description('Extract a .sbw into a new (or empty) folder and open it there once (an older schema is upgraded)')
    .requiredOption('--into <dir>', 'the new workspace folder')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { into: string; json?: boolean }) => {
      try {
        const opened = await invoke(withoutWorkspace(), 'openWorkspaceArchive', {
          archive: resolve(file),
          into: resolve(opts.into)
        })
        const info = await ctx.withEngine({ workspace: opened.path }, (e) => invoke(e, 'workspaceInfo'))
        if (opts.json) print({ ...opened, schemaVersion: info.schemaVersion, upgrade: info.upgrade })
        else {
          console.log(`Opened ${file} into ${opened.path}: ${countLine(opened.manifest.counts)}`)
          if (info.upgrade) {
            console.log(
              `Upgraded from schema ${info.upgrade.from} to ${info.upgrade.to}; the original is kept as ${info.upgrade.backupPath}`
            )
          }
        }
      } catch (err) {
        reportFailure(ctx, opts, 'workspace open', err)
      }
    })

  workspace
    .command('duplicate')
    .description('Copy the workspace into a new (or empty) folder')
    .option('-w, --workspace <dir>', 'workspace folder')
    .requiredOption('--into <dir>', 'the new workspace folder')
    .option('--json', 'print JSON')
    .action(async (opts: CommonOptions & { into: string }) => {
      try {
        const copy = await ctx.withEngine(opts, (e) => invoke(e, 'duplicateWorkspace', { into: resolve(opts.into) }))
        if (opts.json) print(copy)
        else console.log(`Copied the workspace to ${copy.path}`)
      } catch (err) {
        reportFailure(ctx, opts, 'workspace duplicate', err)
      }
    })
}

function formatSize(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}
