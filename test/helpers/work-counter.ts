/**
 * Counts the work that built-ins do, so that a test can tell linear code from quadratic code
 * without timing anything: every element an array method hands to a callback, every step of an
 * array, Map or Set iterator (for…of, spread), every string slice, and every character that a
 * whole-string method (toLowerCase, split, replace, …) reads. Loops written by hand over indexes
 * are not seen, but the scans that made stages quadratic (`find` over all mentions, a map rebuilt
 * from every mention, spreading a growing array) all go through these.
 */

const CALLBACK_METHODS = ['every', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'forEach', 'map', 'reduce', 'some'] as const;
const WHOLE_STRING_METHODS = ['normalize', 'replace', 'replaceAll', 'split', 'toLowerCase', 'toUpperCase', 'trim'] as const;

/**
 * Makes the built-ins count from now on; `read` gives the operations so far, `stop` puts the
 * built-ins back (call it in a `finally`). One counter at a time.
 */
export function startCounting(): { read(): number; stop(): void } {
  let count = 0;
  const restore: (() => void)[] = [];
  const patch = (target: object, name: string, replacement: (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown) => {
    const original = (target as Record<string, (...args: unknown[]) => unknown>)[name]!;
    Object.defineProperty(target, name, { value: replacement(original), writable: true, configurable: true });
    restore.push(() => Object.defineProperty(target, name, { value: original, writable: true, configurable: true }));
  };
  for (const name of CALLBACK_METHODS) {
    patch(Array.prototype, name, (original) =>
      function (this: unknown, callback: unknown, ...rest: unknown[]) {
        if (typeof callback !== 'function') return original.call(this, callback, ...rest);
        return original.call(
          this,
          function (this: unknown, ...args: unknown[]) {
            count += 1;
            return (callback as (...args: unknown[]) => unknown).apply(this, args);
          },
          ...rest,
        );
      } as (...args: unknown[]) => unknown,
    );
  }
  for (const iterable of [[], new Map(), new Set()]) {
    const prototype = Object.getPrototypeOf((iterable as Iterable<unknown>)[Symbol.iterator]()) as object;
    patch(prototype, 'next', (original) =>
      function (this: unknown) {
        count += 1;
        return original.call(this);
      },
    );
  }
  patch(String.prototype, 'slice', (original) =>
    function (this: unknown, ...args: unknown[]) {
      count += 1;
      return original.apply(this, args);
    },
  );
  for (const name of WHOLE_STRING_METHODS) {
    patch(String.prototype, name, (original) =>
      function (this: unknown, ...args: unknown[]) {
        count += String(this).length;
        return original.apply(this, args);
      },
    );
  }
  return {
    read: () => count,
    stop: () => {
      while (restore.length > 0) restore.pop()!();
    },
  };
}
