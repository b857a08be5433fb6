import fc from 'fast-check'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scanFile } from './fileScan'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-scan-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** The obvious byte-by-byte definition the native scan must agree with. */
function reference(buf: Buffer) {
  let breaks = 0
  let line = 0
  let lineNumber = 1
  let maxLine = 0
  let maxLineNumber = 1
  let prevCR = false
  for (const b of buf) {
    if (b === 0x0a || b === 0x0d) {
      if (!(b === 0x0a && prevCR)) {
        breaks++
        if (line > maxLine) [maxLine, maxLineNumber] = [line, lineNumber]
        lineNumber++
        line = 0
      }
      prevCR = b === 0x0d
    } else {
      prevCR = false
      line++
    }
  }
  if (line > maxLine) [maxLine, maxLineNumber] = [line, lineNumber]
  let validUtf8 = true
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf)
  } catch {
    validUtf8 = false
  }
  return { breaks, maxLine, maxLineNumber, validUtf8 }
}

const pieces = ['a', 'bc', '\n', '\r', '\r\n', 'é', '€', '😀', '"', ',']
const content = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => Buffer.from(p.join(''))),
  // Random bytes: invalid UTF-8, lone continuation bytes, sequences cut anywhere.
  fc.uint8Array({ maxLength: 80 }).map((a) => Buffer.from(a))
)

describe('scanFile', () => {
  it('agrees with a byte-by-byte reference whatever the chunk boundaries cut', async () => {
    let n = 0
    await fc.assert(
      fc.asyncProperty(content, fc.integer({ min: 1, max: 7 }), async (buf, chunkBytes) => {
        const file = join(dir, `f${n++}.csv`)
        await writeFile(file, buf)
        const got = await scanFile(file, { chunkBytes })
        const want = reference(buf)
        expect({
          breaks: got.lineBreaks,
          maxLine: got.maxLineBytes,
          maxLineNumber: got.maxLineNumber,
          validUtf8: got.validUtf8
        }).toEqual(want)
      }),
      { numRuns: 300, seed: 7 }
    )
  })

  it('hashes the whole file and keeps its head', async () => {
    const file = join(dir, 'hash.csv')
    await writeFile(file, 'a,b\n1,2\n')
    const s = await scanFile(file, { chunkBytes: 3 })
    // sha256 of the same 8 bytes, computed outside Node (Python's hashlib).
    expect(s.sha256).toBe('492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470')
    expect(s.head.toString()).toBe('a,b\n1,2\n')
    expect(s.size).toBe(8)
  })
})
