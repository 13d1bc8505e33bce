import { describe, expect, it } from 'vitest';
import { SlotPaths } from '../../../electron/store/slot-paths';

describe("an index's paths per slot", () => {
  it('tells none, one and several paths as lists, and answers without making one', () => {
    const paths = new SlotPaths(3);
    paths.set(1, ['/a/one.jpg']);
    paths.set(2, ['/a/two.jpg', '/b/two.jpg']);
    paths.setOne(4, '/c/four.jpg');
    expect([0, 1, 2, 3, 4].map((slot) => paths.of(slot))).toEqual([
      [],
      ['/a/one.jpg'],
      ['/a/two.jpg', '/b/two.jpg'],
      [],
      ['/c/four.jpg'],
    ]);
    expect([0, 1, 2, 4].map((slot) => paths.first(slot))).toEqual([
      undefined,
      '/a/one.jpg',
      '/a/two.jpg',
      '/c/four.jpg',
    ]);
    expect(paths.some(2, (p) => p.startsWith('/b/'))).toBe(true);
    expect(paths.some(1, (p) => p.startsWith('/b/'))).toBe(false);
    expect(paths.some(0, () => true)).toBe(false);
    expect(paths.holds(1, ['/a/one.jpg'])).toBe(true);
    expect(paths.holds(2, ['/b/two.jpg', '/a/two.jpg'])).toBe(false);
    expect(paths.holds(0, [])).toBe(true);
    paths.set(2, []);
    expect(paths.of(2)).toEqual([]);
  });
});
