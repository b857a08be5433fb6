import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { tags as t } from '@lezer/highlight'

/**
 * SQL syntax colours from the theme's tokens (styles/theme.css), so they follow light and dark. CodeMirror's default
 * style is fixed light-theme colours (#708 keywords at 1.6:1 on the dark editor); basicSetup installs it only as a
 * fallback, so this one takes over.
 */
const sqlHighlightStyle = HighlightStyle.define([
  { tag: [t.keyword, t.operatorKeyword, t.modifier], color: 'var(--syntax-keyword)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--syntax-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--syntax-number)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--syntax-comment)', fontStyle: 'italic' },
  { tag: [t.typeName, t.standard(t.name)], color: 'var(--syntax-type)' },
  { tag: [t.function(t.variableName), t.special(t.name)], color: 'var(--syntax-function)' },
  { tag: t.invalid, color: 'var(--danger)' }
])

export const sqlHighlighting = syntaxHighlighting(sqlHighlightStyle)
