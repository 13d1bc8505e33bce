import type { LocalAnalysis } from '../../shared/model/asset';
import { meaningfulColourNames, type LocalLabels } from '../../shared/model/correction';
import type { PatternLabel } from '../../shared/vocabulary/pattern-labels';
import type { StandingCorrections } from './correction-state';

/** What the local analyzer said, as the labels a person can correct. */
export function localLabels(analysis: LocalAnalysis): LocalLabels {
  const { pattern, palette } = analysis;
  return {
    patterns: pattern.labels?.length ? [...pattern.labels] : [pattern.label],
    colours: meaningfulColourNames(palette),
    repeat: pattern.repeat ? { width: pattern.repeat.width, height: pattern.repeat.height } : null,
  };
}

/**
 * The labels that count: a person's standing correction per field, else the local answer. The
 * local answer may be newer than the correction (re-analysis); the person still wins.
 */
export function effectiveLabels(analysis: LocalAnalysis, standing: StandingCorrections): LocalLabels {
  const local = localLabels(analysis);
  return {
    patterns: standing.pattern ? (standing.pattern.value as PatternLabel[]) : local.patterns,
    colours: standing.colours ? (standing.colours.value as string[]) : local.colours,
    repeat: standing.repeat ? (standing.repeat.value as LocalLabels['repeat']) : local.repeat,
  };
}
