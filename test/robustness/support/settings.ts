/**
 * Fast settings for CI, long ones with SOAK=1 (`npm run test:soak`). SEED=<n> replays a run; every test prints the
 * seed it used so a failure can be reproduced exactly.
 */
import { mulberry32 } from '../../../src/main/engine/sample/prng'

export const SOAK = process.env.SOAK === '1'

export function seedFrom(envName: string, fallback: number): number {
  const v = process.env[envName] ?? process.env.SEED
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : fallback
}

export { mulberry32 }
