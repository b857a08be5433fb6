/**
 * Every file the docs point at exists, in README.md, ARCHITECTURE.md and docs/*.md:
 * - relative markdown links, resolved from the linking file;
 * - repository paths in backticks (`src/…`, `docs/…`, `e2e/…`, `test/…`, `scripts/…`, `bin/…`, `resources/…`),
 *   files or folders, from the repository root;
 * - shorter file names in backticks (`queries/sqlPolicy.ts`, `security.test.ts`): some file of the repository
 *   ends with that path.
 * Skipped: globs and placeholders (`*.test.ts`, `<domain>/slice.ts`), file types (`.sbq.json`), and a path right
 * after another repository's name (`owner/repo` `src/utils/constants.js`, a source of a field name).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
const DOCS = ['README.md', 'ARCHITECTURE.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
const ROOTS = ['src', 'docs', 'e2e', 'test', 'scripts', 'bin', 'resources']
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'release', '.git'])
// Not .js or .json: in the docs those are mostly names of files inside exports (`tweet.js`, `Follows.json`).
const FILE = /\.(ts|tsx|mts|mjs|cjs|md|yml|py|html|css)$/

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    if (SKIP_DIRS.has(e.name)) continue
    const p = dir ? `${dir}/${e.name}` : e.name
    if (e.isDirectory()) walk(p, out)
    else out.push(p)
  }
  return out
}
const FILES = walk('')

type Target = { line: number; written: string; exists: boolean }

function targets(file: string, text: string): Target[] {
  const out: Target[] = []
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      const href = m[1].split('#')[0]
      if (!href || /^[a-z]+:/i.test(href)) continue
      const path = relative(ROOT, join(ROOT, dirname(file), decodeURI(href)))
      out.push({ line: i + 1, written: m[1], exists: existsSync(join(ROOT, path)) })
    }
    for (const m of line.matchAll(/`([^`\s]+)`/g)) {
      const p = m[1].replace(/[.,;:)]+$/, '').replace(/\/$/, '')
      if (/[*<>{}$…]/.test(p) || p.startsWith('.') || p.includes('://')) continue
      if (/`[\w.-]+\/[\w.-]+` *$/.test(line.slice(0, m.index))) continue
      if (ROOTS.some((r) => p.startsWith(`${r}/`))) {
        out.push({ line: i + 1, written: m[1], exists: existsSync(join(ROOT, p)) })
      } else if (FILE.test(p) && !p.startsWith('/')) {
        out.push({ line: i + 1, written: m[1], exists: FILES.some((f) => f === p || f.endsWith(`/${p}`)) })
      }
    }
  })
  return out
}

describe('the docs point at files that exist', () => {
  it.each(DOCS)('%s', (file) => {
    const missing = targets(file, readFileSync(join(ROOT, file), 'utf8'))
      .filter((t) => !t.exists)
      .map((t) => `${file}:${t.line}: ${t.written}`)
    expect(missing).toEqual([])
  })
})
