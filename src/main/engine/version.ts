/** The app version, read from package.json wherever the code runs from (repo, build output, packaged app). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

let version: string | null = null

export function packageVersion(): string {
  if (version) return version
  const candidates = [
    join(__dirname, '../../package.json'),
    join(__dirname, '../../../package.json'),
    join(__dirname, '../../../../package.json'),
    join(process.cwd(), 'package.json')
  ]
  for (const candidate of candidates) {
    try {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'socialbench' && pkg.version) return (version = pkg.version)
    } catch {
      // the layout differs between the repo, the build and a packaged app: try the next place
    }
  }
  return (version = '0.0.0')
}
