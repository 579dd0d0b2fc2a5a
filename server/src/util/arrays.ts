// Array helpers that stay safe on very large inputs (spreading 100k items into push() overflows the stack).

/** Appends every item of `items` to `target`. */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The first `limit` items, plus one summary made from the number left out. */
export function capped<T>(items: T[], limit: number, summary: (omitted: number) => T): T[] {
  return items.length <= limit ? items : [...items.slice(0, limit), summary(items.length - limit)];
}
