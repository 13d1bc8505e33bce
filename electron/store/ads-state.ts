import type { AdVariant, Campaign } from '../../shared/model/ads';
import type { AdsOp } from './library-ops';

export type VariantPatch = Partial<Omit<AdVariant, 'id' | 'campaignId'>>;

/** Ad campaigns and their variants. Records are replaced, never mutated in place. */
export class AdsState {
  readonly campaigns = new Map<string, Campaign>();
  readonly variants = new Map<string, AdVariant>();

  load(campaigns: readonly Campaign[], variants: readonly AdVariant[]): void {
    for (const c of campaigns) this.campaigns.set(c.id, c);
    for (const v of variants) this.variants.set(v.id, v);
  }

  apply(op: AdsOp): void {
    switch (op.type) {
      case 'putCampaign':
        this.campaigns.set(op.campaign.id, op.campaign);
        return;
      case 'deleteCampaign':
        this.campaigns.delete(op.id);
        for (const [id, v] of this.variants) if (v.campaignId === op.id) this.variants.delete(id);
        return;
      case 'putVariants':
        for (const v of op.variants) this.variants.set(v.id, v);
        return;
      case 'deleteVariant':
        this.variants.delete(op.id);
        return;
      case 'updateVariant': {
        const variant = this.variants.get(op.id);
        if (variant) this.variants.set(op.id, { ...variant, ...op.patch });
        return;
      }
    }
  }
}
