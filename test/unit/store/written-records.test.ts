import { describe, expect, it } from 'vitest';
import { inTimeSlices } from '../../../electron/store/time-slices';
import { WrittenAnswers, WrittenAssets } from '../../../electron/store/written-records';

describe('what a snapshot wrote, in columns', () => {
  it('gives back each asset with its place, and its source only when written from memory', () => {
    const written = new WrittenAssets();
    const fromMemory = { hash: 'b' };
    written.push('a', null, { file: 'records/aa.2.json', start: 10, end: 20 });
    written.push('b', fromMemory, { file: 'records/bb.3.json', start: 0, end: 9 });
    expect(written.length).toBe(2);
    expect(written.slice(0, 5)).toEqual([
      { hash: 'a', source: null, span: { file: 'records/aa.2.json', start: 10, end: 20 } },
      { hash: 'b', source: fromMemory, span: { file: 'records/bb.3.json', start: 0, end: 9 } },
    ]);
    expect(written.slice(1, 2)[0].source).toBe(fromMemory);
    expect(written.slice(2, 4)).toEqual([]);
  });

  it('gives back each answer with the key it is cached under, a slice at a time', async () => {
    const written = new WrittenAnswers();
    for (let i = 0; i < 600; i++) {
      const key = { hash: `h${i}`, requestedModelId: 'haiku', promptVersion: 'v1' };
      written.push(key, null, { file: 'records/aa.2.json', start: i * 10, end: i * 10 + 9 });
    }
    const seen: string[] = [];
    await inTimeSlices(written, (chunk) => chunk.forEach((answer) => seen.push(`${answer.hash}@${answer.span.start}`)));
    expect(seen).toHaveLength(600);
    expect(seen[599]).toBe('h599@5990');
    expect(written.slice(3, 4)).toEqual([
      {
        hash: 'h3',
        source: null,
        span: { file: 'records/aa.2.json', start: 30, end: 39 },
        requestedModelId: 'haiku',
        promptVersion: 'v1',
      },
    ]);
  });
});
