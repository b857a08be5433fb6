import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { detectEncoding } from './encoding'

/** What scanFile would report: is the buffer valid UTF-8? */
const isUtf8 = (b: Buffer) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b)
    return true
  } catch {
    return false
  }
}
const detect = (b: Buffer) => detectEncoding(b, isUtf8(b))
const table = 'Name,City,Followers\nAnna,Berlin,10\nBen,Paris,20\n'

describe('detectEncoding', () => {
  it('reads plain UTF-8 (with non-ASCII letters) as utf-8 without BOM', () => {
    expect(detect(Buffer.from('Name;Stadt\nZoë;Köln\n', 'utf8'))).toEqual({ encoding: 'utf-8', bom: false })
  })

  it('recognises the UTF-8 BOM', () => {
    const b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(table)])
    expect(detect(b)).toEqual({ encoding: 'utf-8', bom: true })
  })

  it('recognises UTF-16 LE and BE by their BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(table, 'utf-16le')])
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(table, 'utf-16be')])
    expect(detect(le)).toEqual({ encoding: 'utf-16le', bom: true })
    expect(detect(be)).toEqual({ encoding: 'utf-16be', bom: true })
  })

  it('recognises UTF-16 without a BOM from the zero bytes of ASCII characters', () => {
    expect(detect(iconv.encode(table, 'utf-16le'))).toEqual({ encoding: 'utf-16le', bom: false })
    expect(detect(iconv.encode(table, 'utf-16be'))).toEqual({ encoding: 'utf-16be', bom: false })
  })

  it('falls back to Windows-1252 for Western European legacy bytes', () => {
    const text = 'Name;Ort;Notiz\n' + 'Café;Müller;Grüße aus Köln\n'.repeat(20)
    const b = iconv.encode(text, 'windows-1252')
    expect(isUtf8(b)).toBe(false)
    expect(detect(b)).toEqual({ encoding: 'windows-1252', bom: false })
  })

  it('picks Windows-1251 for Cyrillic legacy bytes', () => {
    const text =
      'Дата;Подписчики;Комментарий\n' +
      '2024-01-01;120;Привет, как дела? Хорошая новость для всех читателей\n'.repeat(20)
    const b = iconv.encode(text, 'windows-1251')
    expect(detect(b)).toEqual({ encoding: 'windows-1251', bom: false })
  })

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], /PNG/],
    ['zip/xlsx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], /xlsx/],
    ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], /PDF/],
    ['gzip', [0x1f, 0x8b, 0x08, 0x00], /gzip/]
  ])('names a %s header as binary', (_name, bytes, kind) => {
    const b = Buffer.concat([Buffer.from(bytes), Buffer.alloc(200, 0x41)])
    const r = detect(b)
    expect(r).toHaveProperty('binary')
    expect((r as { binary: string }).binary).toMatch(kind)
  })

  it('calls random bytes with many NULs binary', () => {
    const b = Buffer.alloc(4096)
    for (let i = 0; i < b.length; i++) b[i] = (i * 7919) % 3 === 0 ? 0 : (i * 31) % 251
    expect(detect(b)).toHaveProperty('binary')
  })
})
