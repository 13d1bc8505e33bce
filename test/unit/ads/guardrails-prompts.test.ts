import { describe, expect, it } from 'vitest';
import { brandProblems } from '../../../electron/ads/guardrails';
import { buildConcepts, NEGATIVE_PROMPT } from '../../../electron/ads/prompts';
import type { BrandRules } from '../../../shared/model/ads';

const rules: BrandRules = {
  forbiddenWords: ['cheap', 'best ever'],
  requiredDisclaimer: 'T&Cs apply.',
  allowedColours: ['#0b3d2e', '#f7f3e9'],
  guardrailId: '',
  guardrailVersion: '',
};

describe('brand rules', () => {
  it('finds forbidden words as whole words, in any case, in copy and prompts', () => {
    const problems = brandProblems(rules, {
      copy: ['Not CHEAP, just fair', 'T&Cs apply.'],
      prompts: ['the best ever linen'],
      colours: [],
    });
    expect(problems).toEqual([
      'forbidden word "cheap" in "Not CHEAP, just fair"',
      'forbidden word "best ever" in "the best ever linen"',
    ]);
    expect(brandProblems(rules, { copy: ['Cheapside market', 'T&Cs apply.'], prompts: [], colours: [] })).toEqual([]);
  });

  it('demands the disclaimer and the brand colours', () => {
    expect(brandProblems(rules, { copy: ['Summer sale'], prompts: [], colours: ['#0B3D2E', '#ff0000'] })).toEqual([
      'the required disclaimer "T&Cs apply." is missing',
      "colour #ff0000 is not in the brand's allowed colours",
    ]);
  });
});

describe('concepts and prompts', () => {
  const features = {
    productType: 'tote bag',
    materials: ['canvas', 'leather'],
    colours: [{ name: 'navy', hex: '#1b2a4a' }],
    sellingPoints: ['roomy'],
    source: 'local',
  };

  it('writes one prompt per theme from the product, its materials, the season and the notes', () => {
    const concepts = buildConcepts({
      productName: 'Harbour Tote',
      features,
      notes: 'no beach scenes',
      palette: ['#1b2a4a', '#e1ad01'],
      pattern: { hash: 'p', label: 'stripes', colourNames: ['navy', 'white'], palette: ['#1b2a4a', '#ffffff'] },
      photo: { hash: 'photo' },
      themes: ['studio', 'seasonal', 'lifestyle', 'pattern'],
      now: Date.UTC(2026, 10, 24),
    });
    expect(concepts.map((c) => c.theme)).toEqual(['studio', 'seasonal', 'lifestyle', 'pattern']);
    expect(concepts[0].prompt).toMatch(/tote bag \(Harbour Tote\) in canvas and leather/);
    expect(concepts[1].prompt).toMatch(/^Autumn advertising photograph/);
    expect(concepts[1].season).toBe('autumn');
    expect(concepts[2].photoHash).toBe('photo');
    expect(concepts[3]).toMatchObject({ patternHash: 'p', palette: ['#1b2a4a', '#ffffff'] });
    expect(concepts[3].prompt).toMatch(/stripes print in navy, white/);
    for (const c of concepts) {
      expect(c.prompt).toMatch(/Respect: no beach scenes\.$/);
      expect(c.prompt.length).toBeLessThanOrEqual(1024);
      expect(c.negativePrompt).toBe(NEGATIVE_PROMPT);
    }
  });

  it('skips the pattern theme when the library has no pattern to offer', () => {
    const concepts = buildConcepts({
      productName: '',
      features,
      notes: '',
      palette: [],
      pattern: null,
      photo: null,
      themes: ['pattern', 'studio'],
      now: 0,
    });
    expect(concepts.map((c) => c.theme)).toEqual(['studio']);
  });
});
