/**
 * Lookups keyed by file content (a payer name, a code, a key) must never reach a plain
 * object's prototype: `byPayerName["constructor"]` would be Object itself. These read own
 * properties only, and build objects without a prototype.
 */

/** obj[key] when obj has its own property `key`, else undefined. */
export function own<T>(obj: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return obj !== null && obj !== undefined && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** An empty record with no prototype: `__proto__` and `constructor` are ordinary keys in it. */
export function bareRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
