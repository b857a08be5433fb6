import type { Api } from '../shared/contract'

declare global {
  interface Window {
    /** The only door from the renderer to the engine; built by the preload from CHANNELS. */
    socialbench: Api
  }
}

export {}
