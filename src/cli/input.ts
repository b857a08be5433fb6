/**
 * Flags become a channel's input, checked by the contract (src/shared/contract.ts) before the engine sees them;
 * a refusal names the flag the user typed ("--k: at most 10"), not the field behind it.
 */
import type { Channel } from '../shared/channels'
import type { Input } from '../shared/contract'
import { AppFailure } from '../shared/result'

/** Which flag fills which input field, by dotted path: { k: '--k', institutionIds: '--institutions' }. */
export type FlagNames = Readonly<Record<string, string>>

/** The field's flag: the longest path in `flags` that the issue's path starts with (institutionIds.0 → --institutions). */
export function flagFor(path: readonly PropertyKey[], flags: FlagNames): string | null {
  for (let n = path.length; n > 0; n--) {
    const hit = flags[path.slice(0, n).map(String).join('.')]
    if (hit) return hit
  }
  return null
}

export async function inputFromFlags<C extends Channel>(channel: C, raw: unknown, flags: FlagNames): Promise<Input<C>> {
  // Loaded here, not at the top: zod is not needed for --version or --help.
  const [{ inputs }, { issueText }] = await Promise.all([import('../shared/contract'), import('../shared/inputIssue')])
  const parsed = inputs[channel].safeParse(raw)
  if (parsed.success) return parsed.data as Input<C>
  throw new AppFailure(
    'BAD_INPUT',
    issueText(parsed.error.issues, (path) => flagFor(path, flags))
  )
}

/** A numeric flag as a number, or left as the text it was so the contract reports "expected a number". */
export function numberFlag(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  return value.trim() !== '' && Number.isFinite(n) ? n : value
}

/** A comma-separated flag as its items (trimmed, empties dropped), or undefined when the flag is absent. */
export function listFlag(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
}
