/**
 * The local analyzer as an attribute analyzer: what it measured, in the same attribute shape
 * the models answer in, with confidence 0 for what it cannot know (style, mood, products),
 * so reviewers can compare it side by side with a model's answer.
 */
import type { Analyzer } from './analyzer';
import type { Asset } from '../../shared/model/asset';
import type { ModelAttributes } from '../../shared/model/attributes';
import { ANALYZER_VERSION } from '../pixels';

export const LOCAL_MODEL_ID = `local@${ANALYZER_VERSION}`;

const MAX_COLOURS = 6;

export function localAttributes(asset: Pick<Asset, 'analysis' | 'metadata'>): ModelAttributes {
  const { pattern, palette } = asset.analysis;
  const label = pattern.label;
  const patternType = pattern.stripeOrientation && label === 'stripes' ? `${pattern.stripeOrientation} stripes` : label;
  const colours = palette.slice(0, MAX_COLOURS).map((c) => ({ name: c.name, hex: c.hex }));
  const colourNames = colours.map((c) => c.name);
  const motifs =
    label === 'floral/organic' ? ['floral'] : label === 'geometric' ? ['geometric'] : label === 'dots' ? ['dots'] : [];
  const scale = repeatScale(asset);
  const repeatText = pattern.repeat ? `, repeating every ${pattern.repeat.width} × ${pattern.repeat.height} px` : '';
  return {
    patternTypes: [patternType],
    motifs,
    colours: colours.length ? colours : [{ name: 'unknown', hex: '#808080' }],
    style: 'unspecified',
    repeatScale: scale,
    technique: 'unspecified',
    mood: [],
    suitableProducts: [],
    description: `${sentenceCase(listNames(colourNames.slice(0, 3)))} ${patternType}${repeatText}.`.slice(0, 200),
    keywords: [...new Set([label, ...colourNames])].slice(0, 8),
    confidence: {
      patternTypes: pattern.confidence,
      motifs: motifs.length ? pattern.confidence : 0,
      colours: 0.9,
      style: 0,
      repeatScale: pattern.repeat ? pattern.repeat.score : pattern.solid ? 0.9 : 0.5,
      technique: 0,
      mood: 0,
      suitableProducts: 0,
      description: pattern.confidence,
      keywords: pattern.confidence,
    },
  };
}

/** Repeat size against the image's long edge. */
function repeatScale(asset: Pick<Asset, 'analysis' | 'metadata'>): ModelAttributes['repeatScale'] {
  const repeat = asset.analysis.pattern.repeat;
  if (!repeat) return 'none';
  const fraction = Math.max(repeat.width, repeat.height) / Math.max(asset.metadata.width, asset.metadata.height);
  return fraction < 0.1 ? 'small' : fraction < 0.3 ? 'medium' : 'large';
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function sentenceCase(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

export const localAnalyzer: Analyzer = {
  kind: 'local',
  promptVersion: `local-${ANALYZER_VERSION}`,
  remote: false,
  models: () => ({ primary: LOCAL_MODEL_ID, escalation: null }),
  analyze: async (items) => ({
    answers: items.map(({ asset }) => ({ attributes: localAttributes(asset), error: null, modelId: LOCAL_MODEL_ID })),
    calls: [],
  }),
};
