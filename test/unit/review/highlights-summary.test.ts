import { describe, expect, it } from 'vitest';
import { summaryFigures } from '../../../electron/review/highlights-summary';
import type { ReviewHighlights } from '../../../shared/model/review';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

const highlights: ReviewHighlights = {
  corrections: [
    { modelId: HAIKU, field: 'motifs', change: 'calls peonies “roses”', count: 3, reviewed: 4, examples: ['h1', 'h2'] },
    {
      modelId: HAIKU,
      field: 'description',
      change: 'says “Roses on navy.” for A private note a reviewer typed',
      count: 1,
      reviewed: 4,
      examples: ['h3'],
    },
  ],
  rejections: [{ modelId: HAIKU, field: 'mood', rejected: 1, reviewed: 4 }],
  disagreements: [],
  overturned: [],
  items: 4,
};

describe('what the summary model is given', () => {
  it('is the counts and the vocabulary sentences: no free text, no item hashes', () => {
    const figures = summaryFigures(highlights);
    expect(figures).toContain(`- ${HAIKU}, motifs: calls peonies “roses”; 3 of 4 reviewed (75%)`);
    expect(figures).toContain(`- ${HAIKU}, mood: rejected 1 of 4 (25%)`);
    expect(figures).not.toContain('private note');
    expect(figures).not.toMatch(/h1|h2|h3/);
  });
});
