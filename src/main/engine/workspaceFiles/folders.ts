/** The folders a workspace is copied or extracted into: new or empty, never one that already holds something. */
import { mkdir, readdir, realpath, stat } from 'node:fs/promises'
import { relative, resolve, isAbsolute } from 'node:path'
import { AppFailure } from '../../../shared/result'

/** Files a file manager leaves in any folder it shows; an "empty" folder may hold them. */
const HARMLESS = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini'])

/**
 * Make `into` ready to receive a workspace: created when missing, refused when it holds files or lies inside
 * the workspace being copied (a copy inside itself would be copied again by the next export).
 */
export async function prepareNewFolder(into: string, current: string | null): Promise<string> {
  const dir = resolve(into)
  const inside = current === null ? '..' : relative(await realpathOr(current), await realpathOr(dir))
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new AppFailure(
      'BAD_INPUT',
      `${dir} is the open workspace or a folder inside it; choose a folder outside ${current}.`
    )
  }
  const existing = await stat(dir).catch(() => null)
  if (existing && !existing.isDirectory()) {
    throw new AppFailure('BAD_INPUT', `${dir} is a file, not a folder; choose a new or empty folder.`)
  }
  if (existing) {
    const entries = (await readdir(dir)).filter((e) => !HARMLESS.has(e))
    if (entries.length > 0) {
      throw new AppFailure(
        'BAD_INPUT',
        `${dir} already holds ${entries.length === 1 ? `“${entries[0]}”` : `${entries.length} files`}; choose a new or empty folder, so nothing in it is overwritten.`
      )
    }
  }
  try {
    await mkdir(dir, { recursive: true })
  } catch (err) {
    throw new AppFailure('WORKSPACE_UNWRITABLE', `Cannot create the folder ${dir}: ${(err as Error).message}.`)
  }
  return dir
}

async function realpathOr(p: string): Promise<string> {
  return realpath(p).catch(() => resolve(p))
}
