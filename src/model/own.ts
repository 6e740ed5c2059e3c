// Lookups of keys that come from outside (the command line, files, responses, the environment) in
// plain objects: own properties only, so that a key named like a built-in property of every object
// (`constructor`, `toString`, `__proto__`, `hasOwnProperty`, …) is just an absent key.

/** `o[key]` when `key` is an own property of `o`, else undefined. */
export function own<T>(o: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return o != null && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** Whether `key` is an own property of `o` (the `in` operator without the prototype chain). */
export function hasOwn(o: object | undefined | null, key: string): boolean {
  return o != null && Object.prototype.hasOwnProperty.call(o, key);
}
