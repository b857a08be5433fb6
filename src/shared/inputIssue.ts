/**
 * A contract violation in words a person can act on ("at most 10", "expected a number"), for the engine's
 * BAD_INPUT answers and for the CLI, which names the flag instead of the field.
 */
import type { z } from 'zod'

type Issue = z.core.$ZodIssue

const limit = (issue: { origin?: string }, bound: string, n: number | bigint): string => {
  if (issue.origin === 'array' || issue.origin === 'set') return `${bound} ${n} ${n === 1 ? 'value' : 'values'}`
  if (issue.origin === 'string') return `${bound} ${n} ${n === 1 ? 'character' : 'characters'}`
  return `${bound} ${n}`
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`)

export function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      // z.number() given NaN (a flag that was not a number) reads as the type error it is.
      return issue.expected === 'int' ? 'expected a whole number' : `expected ${article(issue.expected)}`
    case 'too_big':
      return limit(issue, issue.inclusive === false ? 'less than' : 'at most', issue.maximum)
    case 'too_small':
      return limit(issue, issue.inclusive === false ? 'more than' : 'at least', issue.minimum)
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}`
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.join(', ')}`
    default:
      // Custom messages ('dates are YYYY-MM-DD') and the rarer codes say it best themselves.
      return issue.message
  }
}

/** "where: what" for the first issue; `where` is the dotted field path unless `name` says otherwise. */
export function issueText(
  issues: readonly Issue[],
  name: (path: readonly PropertyKey[]) => string | null = () => null
): string {
  const issue = issues[0]
  if (!issue) return 'invalid input'
  const where = name(issue.path) ?? issue.path.map(String).join('.')
  return where ? `${where}: ${describeIssue(issue)}` : describeIssue(issue)
}
