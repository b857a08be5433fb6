/**
 * Mutations of real-format export files for the import fuzzer, as fast-check arbitraries. Each mutation is plain
 * data (so fast-check can print and shrink it) applied to the bytes of a seed fixture by `applyMutation`.
 */
import fc from 'fast-check'
import iconv from 'iconv-lite'

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'strayQuote'; at: number; quote: '"' | "'" }
  | { kind: 'reencode'; encoding: 'utf16le' | 'utf16be' | 'win1252'; bom: boolean }
  | { kind: 'hugeField'; at: number; bytes: number; newlines: boolean }
  | { kind: 'nul'; at: number; count: number }
  | { kind: 'randomBytes'; at: number; bytes: number[] }
  | { kind: 'duplicateHeader'; times: number; atLine: number }
  | { kind: 'emptyLines'; atLine: number; count: number }
  | { kind: 'dropLines'; atLine: number; count: number }
  | { kind: 'crlf' }

/** Positions are fractions of the current length, so a mutation stays meaningful after earlier ones resized the file. */
const frac = fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true })

export function mutationArb(maxHugeBytes: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: frac }),
    fc.record({
      kind: fc.constant('strayQuote' as const),
      at: frac,
      quote: fc.constantFrom('"' as const, "'" as const)
    }),
    fc.record({
      kind: fc.constant('reencode' as const),
      encoding: fc.constantFrom('utf16le' as const, 'utf16be' as const, 'win1252' as const),
      bom: fc.boolean()
    }),
    fc.record({
      kind: fc.constant('hugeField' as const),
      at: frac,
      bytes: fc.integer({ min: 1024, max: maxHugeBytes }),
      newlines: fc.boolean()
    }),
    fc.record({ kind: fc.constant('nul' as const), at: frac, count: fc.integer({ min: 1, max: 64 }) }),
    fc.record({
      kind: fc.constant('randomBytes' as const),
      at: frac,
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 256 })
    }),
    fc.record({ kind: fc.constant('duplicateHeader' as const), times: fc.integer({ min: 1, max: 3 }), atLine: frac }),
    fc.record({ kind: fc.constant('emptyLines' as const), atLine: frac, count: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('dropLines' as const), atLine: frac, count: fc.integer({ min: 1, max: 50 }) }),
    fc.record({ kind: fc.constant('crlf' as const) })
  )
}

const pos = (buf: Buffer, at: number) => Math.min(buf.length, Math.floor(at * buf.length))

function splitLines(buf: Buffer): Buffer[] {
  const lines: Buffer[] = []
  let start = 0
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 0x0a) {
      lines.push(buf.subarray(start, i + 1))
      start = i + 1
    }
  }
  if (start < buf.length) lines.push(buf.subarray(start))
  return lines
}

export function applyMutation(buf: Buffer, m: Mutation): Buffer {
  switch (m.kind) {
    case 'truncate':
      return buf.subarray(0, pos(buf, m.at))
    case 'strayQuote': {
      const p = pos(buf, m.at)
      return Buffer.concat([buf.subarray(0, p), Buffer.from(m.quote), buf.subarray(p)])
    }
    case 'reencode': {
      // Read as UTF-8 (what the fixtures are, or a lossy view of them after other mutations) and write it out again.
      const text = buf.toString('utf8').replace(/^\uFEFF/, '')
      const enc = m.encoding === 'win1252' ? 'windows-1252' : m.encoding
      return iconv.encode(text, enc, { addBOM: m.bom })
    }
    case 'hugeField': {
      const p = pos(buf, m.at)
      const unit = m.newlines ? 'long text line\n' : 'x'.repeat(15)
      const field = Buffer.from(unit.repeat(Math.ceil(m.bytes / unit.length)).slice(0, m.bytes))
      return Buffer.concat([buf.subarray(0, p), Buffer.from('"'), field, Buffer.from('"'), buf.subarray(p)])
    }
    case 'nul': {
      const p = pos(buf, m.at)
      return Buffer.concat([buf.subarray(0, p), Buffer.alloc(m.count), buf.subarray(p)])
    }
    case 'randomBytes': {
      const p = pos(buf, m.at)
      const out = Buffer.from(buf)
      Buffer.from(m.bytes).copy(out, p)
      return out.length >= p + m.bytes.length ? out : Buffer.concat([out.subarray(0, p), Buffer.from(m.bytes)])
    }
    case 'duplicateHeader': {
      const lines = splitLines(buf)
      if (lines.length === 0) return buf
      const at = Math.min(lines.length, Math.floor(m.atLine * lines.length))
      const header = lines[0].at(-1) === 0x0a ? lines[0] : Buffer.concat([lines[0], Buffer.from('\n')])
      return Buffer.concat([...lines.slice(0, at), ...Array<Buffer>(m.times).fill(header), ...lines.slice(at)])
    }
    case 'emptyLines': {
      const lines = splitLines(buf)
      const at = Math.min(lines.length, Math.floor(m.atLine * lines.length))
      return Buffer.concat([...lines.slice(0, at), Buffer.from('\n'.repeat(m.count)), ...lines.slice(at)])
    }
    case 'dropLines': {
      const lines = splitLines(buf)
      const at = Math.min(lines.length, Math.floor(m.atLine * lines.length))
      return Buffer.concat([...lines.slice(0, at), ...lines.slice(at + m.count)])
    }
    case 'crlf':
      return Buffer.from(buf.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1')
  }
}

export const describeMutations = (ms: Mutation[]): string =>
  ms
    .map((m) => (m.kind === 'randomBytes' ? `randomBytes@${m.at.toFixed(3)}x${m.bytes.length}` : JSON.stringify(m)))
    .join(' | ')
