/**
 * A stand-in for `window.socialbench` in component tests: the browser boundary only. Each channel answers from a
 * handler the test gives (typed by the contract) and every call is recorded, so a test can assert what the UI sent.
 * A channel without a handler fails loudly, so a component reaching for something unexpected shows up.
 */
import type { Channel, EventName } from '../../../shared/channels'
import { CHANNELS } from '../../../shared/channels'
import type { Api, EventPayloads, Input, Outputs } from '../../../shared/contract'
import { toFailure, type Result } from '../../../shared/result'

export type FakeHandlers = { [C in Channel]?: (input: Input<C>) => Outputs[C] | Promise<Outputs[C]> }

export interface FakeBridge {
  /** Every call in order, with the input the component sent. */
  calls: { channel: Channel; input: unknown }[]
  /** The inputs sent on one channel, in order. */
  inputs<C extends Channel>(channel: C): Input<C>[]
  /** Push an engine event to the listeners the components registered. */
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
}

export function installFakeBridge(handlers: FakeHandlers): FakeBridge {
  const calls: FakeBridge['calls'] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const bridge: Record<string, unknown> = {
    on(event: string, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
    pathForFile: (file: File) => Promise.resolve(`/fake/${file.name}`),
    saveFile: () => Promise.resolve({ ok: true, value: false })
  }
  for (const channel of CHANNELS) {
    bridge[channel] = async (input: unknown): Promise<Result<unknown>> => {
      calls.push({ channel, input })
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined
      if (!handler)
        return { ok: false, error: { code: 'INTERNAL', message: `The fake bridge has no handler for ${channel}.` } }
      try {
        return { ok: true, value: await handler(input) }
      } catch (err) {
        return toFailure(err)
      }
    }
  }
  window.socialbench = bridge as unknown as Api
  return {
    calls,
    inputs: <C extends Channel>(channel: C) =>
      calls.filter((c) => c.channel === channel).map((c) => c.input as Input<C>),
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload))
  }
}
