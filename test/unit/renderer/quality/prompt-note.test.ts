import { describe, expect, it } from 'vitest';
import { promptNoteOf } from '../../../../renderer/quality/prompt-note';

const correction = (change: string) => ({
  modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
  field: 'patternTypes',
  change,
  count: 32,
  reviewed: 140,
  examples: [],
});

describe('a correction as a prompt note', () => {
  it('speaks to the model, with the counts', () => {
    expect(promptNoteOf(correction('calls paisley “floral”'), 'Pattern types')).toBe(
      'Pattern types: you often call paisley “floral” — reviewers corrected this in 23% of 140',
    );
    expect(promptNoteOf(correction('misses toile'), 'Pattern types')).toMatch(
      /^Pattern types: you often miss toile — /,
    );
  });

  it('stays within the 200 characters a note may have, keeping the counts', () => {
    const note = promptNoteOf(correction(`says “${'a, '.repeat(120)}” for b`), 'Pattern types');
    expect(note).toHaveLength(200);
    expect(note).toMatch(/reviewers corrected this in 23% of 140$/);
  });
});
