import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvedCsv, type ApprovedRecord } from '../../../electron/review';
import { parseCsv } from '../../support/csv';

const record = (description: string): ApprovedRecord => ({
  path: 'a.png',
  library: 'prints',
  hash: 'ab'.repeat(32),
  status: 'accepted',
  attributes: { description },
  provenance: {},
  labels: { patterns: ['stripes'], colours: ['navy'], repeat: null },
  corrections: {},
});

/** The description cell of a one-record export, as a spreadsheet would read it. */
function exported(description: string): string {
  const [header, row, ...rest] = parseCsv(approvedCsv([record(description)]));
  expect(rest).toEqual([]);
  expect(row).toHaveLength(header.length);
  return row[header.indexOf('description')];
}

/** What a spreadsheet may pass over before it sees a formula sign. */
const INVISIBLE = [
  ' ',
  '\t',
  '\r',
  '\n',
  '\v',
  '\f',
  '\0',
  '\x01',
  '\x1b',
  '\x7f',
  '\x85',
  '\u00a0',
  '\u2028',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
];
const SIGNS = ['=', '+', '-', '@'];

/** Reads like a formula: after any run of invisible characters, a formula sign. */
function looksLikeFormula(text: string): boolean {
  const first = [...text].find((ch) => !INVISIBLE.includes(ch) && ch.trim() !== '' && ch >= ' ' && ch !== '\x7f');
  return first !== undefined && SIGNS.includes(first);
}

const formulaAfterInvisible = fc
  .tuple(fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 6 }), fc.constantFrom(...SIGNS), fc.string())
  .map(([lead, sign, rest]) => `${lead.join('')}${sign}${rest}`);

describe('approved CSV: formulas', () => {
  it('neutralises a formula sign behind whitespace, control, zero-width or BOM characters', () => {
    fc.assert(
      fc.property(formulaAfterInvisible, (text) => {
        expect(exported(text)).toBe(`'${text}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets a formula through, and changes nothing else, whatever the text', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), formulaAfterInvisible, fc.string());
    fc.assert(
      fc.property(text, (value) => {
        const cell = exported(value);
        if (cell === value) expect(looksLikeFormula(value)).toBe(false);
        else expect(cell).toBe(`'${value}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves ordinary text and inner signs alone', () => {
    for (const text of ['navy roses', 'half-drop', 'a = b', 'e-mail: x@y.z', '']) expect(exported(text)).toBe(text);
  });
});
