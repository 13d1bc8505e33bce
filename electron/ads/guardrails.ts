/**
 * Brand rules on everything a variant says and shows: no forbidden word (as a whole word,
 * any case, in the copy or the generation prompt), the required disclaimer present, and text
 * colours from the brand's allowed list.
 */
import type { BrandRules } from '../../shared/model/ads';

export interface CheckedText {
  copy: string[];
  prompts: string[];
  colours: string[];
}

export function brandProblems(rules: BrandRules, checked: CheckedText): string[] {
  const problems: string[] = [];
  const texts = [...checked.copy, ...checked.prompts];
  for (const word of rules.forbiddenWords) {
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word)}($|[^\\p{L}\\p{N}])`, 'iu');
    const hit = texts.find((t) => pattern.test(t));
    if (hit !== undefined) problems.push(`forbidden word "${word}" in "${hit.slice(0, 80)}"`);
  }
  if (rules.requiredDisclaimer && !checked.copy.some((t) => t.includes(rules.requiredDisclaimer))) {
    problems.push(`the required disclaimer "${rules.requiredDisclaimer}" is missing`);
  }
  if (rules.allowedColours.length) {
    const allowed = new Set(rules.allowedColours.map((c) => c.toLowerCase()));
    for (const colour of checked.colours)
      if (!allowed.has(colour.toLowerCase())) problems.push(`colour ${colour} is not in the brand's allowed colours`);
  }
  return problems;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
