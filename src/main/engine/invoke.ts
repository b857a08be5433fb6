/**
 * `engine.call` for code that prefers exceptions to Results (tests, scripts): the value, or the call's
 * AppFailure thrown with its code. The input still goes through the contract's validation.
 */
import type { Channel } from '../../shared/channels'
import type { Outputs } from '../../shared/contract'
import { AppFailure } from '../../shared/result'
import type { CallArgs, Engine } from './engine'

export async function invoke<C extends Channel>(
  engine: Pick<Engine, 'call'>,
  channel: C,
  ...input: CallArgs<C>
): Promise<Outputs[C]> {
  const r = await engine.call(channel, ...input)
  if (!r.ok) throw new AppFailure(r.error.code, r.error.message, r.error.at)
  return r.value
}
