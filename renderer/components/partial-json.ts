/**
 * A model's tool answer as it streams in is JSON cut anywhere (`{"productType":"table la`). For a person
 * watching, it reads as lines of `key: values`: every string seen so far, the last one as far as it got.
 * Numbers, booleans and structure are left out; the whole answer is validated and shown properly when done.
 */
export function readablePartialJson(json: string): string[] {
  const lines: { key: string; values: string[] }[] = [];
  /** Whether each open container is an object (strings in it alternate key, value) or an array. */
  const open: ('object' | 'array')[] = [];
  let key = '';
  let expectingKey = false;
  let i = 0;
  while (i < json.length) {
    const c = json[i];
    if (c !== '"') {
      if (c === '{' || c === '[') open.push(c === '{' ? 'object' : 'array');
      if (c === '}' || c === ']') open.pop();
      if (c === '{' || (c === ',' && open.at(-1) === 'object')) expectingKey = true;
      i++;
      continue;
    }
    const { value, end } = readString(json, i + 1);
    if (expectingKey) {
      // A key still arriving says nothing yet.
      if (end <= json.length) key = value;
      expectingKey = false;
    } else if (lines.at(-1)?.key === key) lines.at(-1)!.values.push(value);
    else lines.push({ key, values: [value] });
    i = end;
  }
  return lines.map((line) => `${label(line.key)}: ${line.values.join(', ')}`);
}

/** The string starting at `start` (just after its quote), unescaped, and where reading stopped. */
function readString(json: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start;
  while (i < json.length && json[i] !== '"') {
    if (json[i] === '\\' && i + 1 < json.length) {
      const escaped = json[i + 1];
      value +=
        escaped === 'n'
          ? ' '
          : escaped === 'u'
            ? String.fromCharCode(parseInt(json.slice(i + 2, i + 6), 16) || 32)
            : escaped;
      i += escaped === 'u' ? 6 : 2;
    } else value += json[i++];
  }
  return { value, end: i + 1 };
}

/** `sellingPoints` → `Selling points`. */
function label(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
