import { describe, expect, it } from 'vitest';
import { readablePartialJson } from '../../../../renderer/components/partial-json';

const ANSWER = JSON.stringify({
  productType: 'table lamp',
  materials: ['linen', 'brass'],
  colours: [{ name: 'warm white', hex: '#f5efe0' }],
  sellingPoints: ['soft "warm" light'],
});

describe('readablePartialJson', () => {
  it('reads a whole answer as lines of key and values', () => {
    expect(readablePartialJson(ANSWER)).toEqual([
      'Product type: table lamp',
      'Materials: linen, brass',
      'Name: warm white',
      'Hex: #f5efe0',
      'Selling points: soft "warm" light',
    ]);
  });

  it('shows a value cut off mid-word as far as it got, and nothing of a key not yet finished', () => {
    const cut = ANSWER.indexOf('lamp') + 2;
    expect(readablePartialJson(ANSWER.slice(0, cut))).toEqual(['Product type: table la']);
    expect(readablePartialJson('{"productTy')).toEqual([]);
    expect(readablePartialJson('')).toEqual([]);
  });

  it('grows line by line as the answer arrives, never showing structure', () => {
    let shown: string[] = [];
    for (let end = 1; end <= ANSWER.length; end += 7) {
      const lines = readablePartialJson(ANSWER.slice(0, end));
      expect(lines.length).toBeGreaterThanOrEqual(shown.length - 1);
      for (const line of lines) expect(line).not.toMatch(/[{}[\]]/);
      shown = lines;
    }
  });
});
