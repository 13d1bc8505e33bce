import type { AdCopy, AdFormatId, BrandRules, Theme } from '../../shared/model';

/** The new-campaign form's state: everything createCampaign takes but the product. */
export interface CampaignDraft {
  name: string;
  productName: string;
  notes: string;
  copy: AdCopy;
  formats: AdFormatId[];
  themes: Theme[];
  logoHash: string | null;
  brand: BrandRules;
}

const NO_BRAND_RULES: BrandRules = {
  forbiddenWords: [],
  requiredDisclaimer: '',
  allowedColours: [],
  guardrailId: '',
  guardrailVersion: '',
};

/** A readable product name from an image's file name: "steel_bottle-02.png" → "steel bottle 02". */
export function productNameFromFile(fileName: string): string {
  return fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim()
    .slice(0, 80);
}

export function newDraft(productName: string): CampaignDraft {
  return {
    name: '',
    productName,
    notes: '',
    copy: { headline: '', subline: '', cta: 'Shop now' },
    formats: ['square'],
    themes: ['studio'],
    logoHash: null,
    brand: NO_BRAND_RULES,
  };
}
