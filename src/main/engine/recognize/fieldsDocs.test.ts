/**
 * docs/export-families.md is the list of what each family accepts: every built-in recognizer has a section naming
 * its id, and every header name in a recognizer's field table is written there (as `name`), so a name added in code
 * without its documented source fails here.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RECOGNIZERS } from './registry'

const DOC = readFileSync(resolve(__dirname, '../../../../docs/export-families.md'), 'utf8')
const documented = (name: string) => DOC.toLowerCase().includes(`\`${name.toLowerCase()}\``)

describe('docs/export-families.md', () => {
  it('names every built-in recognizer', () => {
    expect(RECOGNIZERS.map((r) => r.id).filter((id) => !DOC.includes(id))).toEqual([])
  })

  it('lists every header name of every field table', () => {
    const missing = RECOGNIZERS.flatMap((r) =>
      Object.values(r.fields ?? {}).flatMap((f) => f.names.filter((n) => !documented(n)).map((n) => `${r.id}: ${n}`))
    )
    expect(missing).toEqual([])
  })
})
