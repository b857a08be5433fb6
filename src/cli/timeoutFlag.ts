import { InvalidArgumentError } from 'commander'

/** `--timeout <seconds>`: a positive number of seconds (fractions allowed), at most a day. */
export function parseTimeout(value: string): number {
  const seconds = Number(value)
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value) || !(seconds > 0) || seconds > 86_400) {
    throw new InvalidArgumentError('Give a number of seconds above 0 and at most 86400, e.g. --timeout 120.')
  }
  return seconds
}
