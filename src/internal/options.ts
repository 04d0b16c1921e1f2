import { InvalidOptionError } from '../errors.js';

/** `value` if it is an integer from `min` to `max`; otherwise InvalidOptionError naming `option` and `where`. */
export function checkCount(option: string, value: unknown, min: number, max: number, where?: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidOptionError(option, `must be an integer from ${min} to ${max}, got ${String(value)}`, where);
  }
  return value;
}
