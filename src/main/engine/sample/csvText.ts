/**
 * Serialisation helpers that reproduce how each real exporter writes values: which fields are quoted,
 * how numbers look (Python floats, "." thousands, "," decimals) and the byte encoding of the file.
 */

/** Quote only when needed (comma, quote, line break, or leading/trailing space would be lost). */
export function quoteIfNeeded(value: string): string {
  return /[",\r\n]/.test(value) ? quoteAlways(value) : value
}

export function quoteAlways(value: string): string {
  return `"${value.replaceAll('"', '""')}"`
}

/** One CSV record from already formatted cells. */
export const csvLine = (cells: readonly string[], quote: (v: string) => string = quoteIfNeeded): string =>
  cells.map(quote).join(',')

/**
 * Python's `repr(float)`, which the classic X export used: "1938.0", "0.009287925696594427", "5e-05".
 * JS's shortest round-trip digits match Python's; only the integer and exponent spellings differ.
 */
export function pyFloat(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`
  if (Math.abs(x) < 1e-4 && x !== 0) {
    const [mantissa, exponent] = x.toExponential().split('e')
    const sign = exponent.startsWith('-') ? '-' : '+'
    return `${mantissa}e${sign}${exponent.replace(/^[-+]/, '').padStart(2, '0')}`
  }
  return String(x)
}

/** CrowdTangle's pt-BR-ish integers: "." every three digits (407137 → "407.137"). */
export function dotThousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

/** A decimal with "," as separator and no trailing zeros ("1,4", "105,68"). */
export function commaDecimal(x: number, digits = 2): string {
  return String(Number(x.toFixed(digits))).replace('.', ',')
}

/** Up to `digits` decimals, trailing zeros trimmed ("48.878", "59.0217"). */
export function trimmedDecimal(x: number, digits: number): string {
  return String(Number(x.toFixed(digits)))
}

export const UTF8_BOM = '\ufeff'

export function utf8(text: string, bom = false): Buffer {
  return Buffer.from((bom ? UTF8_BOM : '') + text, 'utf8')
}

/** UTF-16 little endian with the FF FE byte-order mark, as Meta Business Suite writes its CSVs. */
export function utf16leWithBom(text: string): Buffer {
  return Buffer.from('\ufeff' + text, 'utf16le')
}
