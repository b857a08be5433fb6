/** Validate a raw call against the contract, run its handler, and always answer with a Result. */
import { CHANNELS, type Channel } from '../../shared/channels'
import { inputs, type Handlers } from '../../shared/contract'
import { issueText } from '../../shared/inputIssue'
import { fail, toFailure, type Result } from '../../shared/result'

export async function dispatch(handlers: Handlers, channel: string, raw: unknown): Promise<Result<unknown>> {
  if (!(CHANNELS as readonly string[]).includes(channel)) return fail('BAD_INPUT', `Unknown channel ${channel}`)
  const c = channel as Channel
  const parsed = inputs[c].safeParse(raw)
  if (!parsed.success) {
    return fail('BAD_INPUT', `${c}: ${issueText(parsed.error.issues)}`)
  }
  try {
    const handler = handlers[c] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (err) {
    return toFailure(err)
  }
}
