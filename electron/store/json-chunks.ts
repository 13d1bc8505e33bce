const ITEMS_PER_CHUNK = 250;

/**
 * The same text as JSON.stringify(value), in pieces: its top-level lists 250 items at a
 * time. JSON.stringify of a large library in one go blocks the event loop for seconds and
 * holds a second copy of it as one string; written piece by piece with a yield between
 * writes, neither happens. Safe only because records are never mutated in place (see LibraryState).
 */
export function* jsonChunks(value: object): Generator<string> {
  let separator = '{';
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    yield `${separator}${JSON.stringify(key)}:`;
    separator = ',';
    if (!Array.isArray(field)) {
      yield JSON.stringify(field);
      continue;
    }
    yield '[';
    for (let i = 0; i < field.length; i += ITEMS_PER_CHUNK) {
      const items = field.slice(i, i + ITEMS_PER_CHUNK).map((item) => JSON.stringify(item) ?? 'null');
      yield (i > 0 ? ',' : '') + items.join(',');
    }
    yield ']';
  }
  yield separator === '{' ? '{}' : '}';
}
