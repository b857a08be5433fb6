/** File names the renderer suggests for saving: a suggestion only, never a path. Pure, so it is tested without Electron. */

/** Characters Windows refuses in a file name; control characters are dropped by code point (no control-char regex). */
const RESERVED = new Set(['<', '>', ':', '"', '|', '?', '*', '/', '\\'])

/** The last path segment of `name`, with reserved and control characters replaced and leading dots dropped. */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? ''
  const cleaned = Array.from(last, (ch) => (RESERVED.has(ch) || ch.charCodeAt(0) < 0x20 ? '_' : ch))
    .join('')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200)
  return cleaned || 'export'
}
