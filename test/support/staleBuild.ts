/** Whether a build output is missing or older than any of the sources it is built from (vitest global setups). */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

export function isStale(built: string, sources: readonly string[]): boolean {
  const builtAt = existsSync(join(ROOT, built)) ? statSync(join(ROOT, built)).mtimeMs : 0
  return sources.some((s) => newestMtime(join(ROOT, s)) >= builtAt)
}
