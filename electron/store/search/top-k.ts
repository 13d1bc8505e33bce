/**
 * Positions of the `k` smallest keys, in order (ties: lower position first), without
 * sorting all of them: a quickselect finds the k-th key in O(n), then only the k winners
 * are sorted. A page of 100 out of 100,000 matches costs ~1 ms.
 */
export function smallestK(keys: Float64Array, k: number): number[] {
  return rankedRange(keys, 0, k);
}

/**
 * Positions ranked `from` to `to` − 1 by key (ties: lower position first). A deep page
 * (results 62,500–62,600 of 100,000) costs two quickselects and a sort of the page, not a
 * sort of everything before it.
 */
export function rankedRange(keys: Float64Array, from: number, to: number): number[] {
  const n = keys.length;
  const end = Math.min(to, n);
  if (from >= end) return [];
  const low = from === 0 ? -Infinity : kthSmallest(Float64Array.from(keys), from);
  const high = kthSmallest(Float64Array.from(keys), end - 1);
  let before = 0;
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    if (keys[i] < low) before++;
    else if (keys[i] <= high) candidates.push(i);
  }
  candidates.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
  return candidates.slice(from - before, end - before);
}

/** Hoare-style quickselect; reorders `values`. Keys must not be NaN. */
function kthSmallest(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    // The middle element as pivot keeps already-sorted input (ingest order = date order) linear.
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i++] = values[j];
        values[j--] = swap;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k];
  }
  return values[k];
}
