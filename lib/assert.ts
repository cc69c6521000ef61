// Indexed reads the algorithm guarantees, said once. Under `noUncheckedIndexedAccess` every `xs[i]`
// is `T | undefined`; where an index cannot be out of range (a loop bound, a just-built lookup
// table), `at(xs, i)` reads it as `T` and throws a RangeError naming the index if that guarantee is
// ever broken, instead of letting an `undefined` turn into a NaN or a wrong row far away.

/** `items[index]`, or a RangeError when `index` is not an integer in [0, items.length). */
export function at<T>(items: ArrayLike<T>, index: number): T {
  if (!Number.isInteger(index) || index < 0 || index >= items.length) {
    throw new RangeError(`index ${index} is out of range for length ${items.length}`);
  }
  return items[index] as T;
}
