import { describe, expect, it } from 'vitest'
import { detectFormat } from './detectFormat'

describe('detectFormat', () => {
  it('sees a JSON array', () => {
    expect(detectFormat('  [{"a":1},{"a":2}]', 'x.json')).toMatchObject({
      format: 'json',
      jsonTop: 'array',
      startAt: null
    })
  })

  it('sees a JSON object (pretty-printed, so not NDJSON)', () => {
    const text = '{\n  "data": [\n    {"a": 1}\n  ]\n}\n'
    expect(detectFormat(text, 'x.json')).toMatchObject({ format: 'json', jsonTop: 'object' })
  })

  it('sees NDJSON from two object lines, whatever the extension', () => {
    expect(detectFormat('{"a":1}\n{"a":2}\n', 'x.json')).toMatchObject({ format: 'ndjson', jsonTop: null })
  })

  it('sees a one-line .ndjson file as NDJSON', () => {
    expect(detectFormat('{"a":1}\n', 'one.ndjson').format).toBe('ndjson')
    expect(detectFormat('{"a":1}\n', 'one.json')).toMatchObject({ format: 'json', jsonTop: 'object' })
  })

  it('strips the JavaScript prefix of an X archive file', () => {
    const g = detectFormat('window.YTD.tweets.part0 = [\n  { "tweet": {} }\n]', 'tweets.js')
    expect(g).toMatchObject({ format: 'json', jsonTop: 'array', startAt: '[' })
  })

  it('reads an Excel sep= line as the declared delimiter and drops it', () => {
    expect(detectFormat('sep=;\r\nA;B\r\n1;2\r\n', 'x.csv')).toEqual({
      format: 'csv',
      declaredDelimiter: ';',
      dropLeadingLines: 1,
      startAt: null,
      jsonTop: null
    })
  })

  it('treats plain text as csv with nothing to strip', () => {
    expect(detectFormat('a,b\n1,2\n', 'x.csv')).toEqual({
      format: 'csv',
      declaredDelimiter: null,
      dropLeadingLines: 0,
      startAt: null,
      jsonTop: null
    })
  })
})
