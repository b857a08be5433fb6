import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { headlessDocument } from './composeSvg'
import { strictXmlText } from './hostileText.testdata'
import { escapeXmlAttr, serializeXml, withXmlChars, xmlChars } from './xml'

describe('XML text', () => {
  it('drops only what XML 1.0 forbids: C0 controls but TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF', () => {
    expect(xmlChars('a\u0000b\u0008c\u000bd\u001fe\tf\ng\rh')).toBe('abcde\tf\ng\rh')
    expect(xmlChars('x\ud800y\udfffz\ufffe\uffff')).toBe('xyz')
    expect(xmlChars('😀 مستشفى \u202e\u0085\u007f')).toBe('😀 مستشفى \u202e\u0085\u007f')
  })

  it('serialises attributes as XML (linkedom outerHTML leaves < and & raw there) and keeps TAB/LF/CR in them', () => {
    const doc = headlessDocument()
    const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg')
    svg.setAttribute('aria-description', 'St. Mary\'s & <Center> "x"\t\n\r')
    const clip = doc.createElementNS('http://www.w3.org/2000/svg', 'clipPath')
    clip.appendChild(doc.createTextNode('A & B < C \u0000'))
    svg.appendChild(clip)
    const xml = serializeXml(svg)
    expect(xml).toBe(
      `<svg aria-description="${escapeXmlAttr('St. Mary\'s & <Center> "x"\t\n\r')}"><clipPath>A &amp; B &lt; C </clipPath></svg>`
    )
    expect(xml).toContain('&amp; &lt;Center&gt; &quot;x&quot;&#9;&#10;&#13;')
    // A strict parser reads back the very attribute value, TAB, LF and CR included (raw ones would become spaces).
    const parser = new SaxesParser()
    let description: unknown
    parser.on('opentag', (t) => (description ??= t.attributes['aria-description']))
    parser.write(xml).close()
    expect(description).toBe('St. Mary\'s & <Center> "x"\t\n\r')
    expect(strictXmlText(xml)).toEqual(['A & B < C '])
  })

  it('withXmlChars cleans every string in nested data and leaves dates and bytes alone', () => {
    const day = new Date(0)
    const bytes = new Uint8Array([0])
    expect(withXmlChars({ a: ['x\u0000'], b: { c: 'y\u0001', day, bytes, n: 1, z: null } })).toEqual({
      a: ['x'],
      b: { c: 'y', day, bytes, n: 1, z: null }
    })
  })
})
