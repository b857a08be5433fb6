/**
 * Text for XML documents (the exported SVGs, and the strings handed to pptxgenjs for the deck's XML parts).
 * Names, post texts and file names come from user data: `&`, `<` and quotes must be escaped, and characters that
 * XML 1.0 forbids outright (C0 controls other than TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF) must go, or every
 * strict reader (resvg, PowerPoint, LibreOffice) rejects the whole file.
 */

/** Anything outside XML 1.0's `Char` production; with the `u` flag a lone surrogate counts as one code point. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** The string without the characters XML 1.0 cannot carry at all (not even as character references). */
export const xmlChars = (s: string): string => s.replace(NOT_XML_CHAR, '')

/** Character data: `&` and `<` must be escaped; `>` too, so `]]>` never appears; CR kept (a parser turns a raw CR into LF). */
export const escapeXmlText = (s: string): string =>
  xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;')

/** A double-quoted attribute value: also `"`, and TAB/LF/CR as references (a parser normalises raw ones to spaces). */
export const escapeXmlAttr = (s: string): string =>
  escapeXmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')

/**
 * A copy of `value` with `xmlChars` applied to every string in it (plain objects and arrays; Dates and byte arrays
 * kept as they are). For libraries that escape `&` and `<` but pass forbidden characters through (pptxgenjs).
 */
export function withXmlChars<T>(value: T): T {
  if (typeof value === 'string') return xmlChars(value) as T
  if (Array.isArray(value)) return value.map(withXmlChars) as T
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withXmlChars(v)])) as T
  }
  return value
}

const ELEMENT = 1
const TEXT = 3
const CDATA = 4

/**
 * A DOM subtree as XML. linkedom's `outerHTML` is HTML serialisation: it leaves `<` and `&` raw inside attribute
 * values (Plot's `aria-description` carries institution names), which is fine for an HTML parser and malformed XML.
 * Comments and processing instructions are dropped: an exported image has no use for them.
 */
export function serializeXml(node: Node): string {
  if (node.nodeType === TEXT || node.nodeType === CDATA) return escapeXmlText(node.nodeValue ?? '')
  if (node.nodeType !== ELEMENT) return ''
  const el = node as Element
  const attrs = Array.from(el.attributes, (a) => ` ${a.name}="${escapeXmlAttr(a.value)}"`).join('')
  const tag = el.localName
  const children = Array.from(el.childNodes, serializeXml).join('')
  return children ? `<${tag}${attrs}>${children}</${tag}>` : `<${tag}${attrs} />`
}
