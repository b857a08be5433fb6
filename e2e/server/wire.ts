/**
 * JSON on the harness wire. Binary fields (DataPage.arrow) cannot ride in JSON, so a Uint8Array travels as
 * {"$bytes": "<base64>"}; the base64 functions are passed in because Node (Buffer) and the browser (atob) differ.
 * Also the token's header and fragment key. No imports: the browser shim bundles this file.
 */
export const BYTES_KEY = '$bytes'

/** The custom header that carries the launch's token on every /__api, /__stage and /__events request (auth.ts). */
export const TOKEN_HEADER = 'x-socialbench-token'
/** The key in the URL fragment (`#token=…`) the harness prints and the shim reads. */
export const TOKEN_KEY = 'token'

export function encodeJson(value: unknown, toBase64: (bytes: Uint8Array) => string): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    // Read the raw value: Buffer.toJSON runs before the replacer and would hand us {type:'Buffer', data}.
    const raw = this[key]
    return raw instanceof Uint8Array ? { [BYTES_KEY]: toBase64(raw) } : v
  })
}

export function decodeJson(text: string, fromBase64: (b64: string) => Uint8Array): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v)
      const b64 = (v as Record<string, unknown>)[BYTES_KEY]
      if (keys.length === 1 && typeof b64 === 'string') return fromBase64(b64)
    }
    return v
  })
}
