import fs from 'node:fs/promises';
import sharp from 'sharp';
import type { Engine } from '../engine';
import { UnknownRecordError } from '../store';
import type { Handlers } from './handlers';

type AdsMethod =
  | 'listCampaigns'
  | 'getCampaign'
  | 'createCampaign'
  | 'updateCampaign'
  | 'deleteCampaign'
  | 'rebuildConcepts'
  | 'getCutout'
  | 'editCutout'
  | 'refineCutout'
  | 'chooseCutout'
  | 'describeProduct'
  | 'estimateAds'
  | 'generateAds'
  | 'editAdVariant'
  | 'reviewAdVariant'
  | 'exportAds'
  | 'variantImage'
  | 'variantLive'
  | 'makeReel'
  | 'variantReel'
  | 'cancelAdVariants'
  | 'retryAdVariant'
  | 'deleteAdVariant';

const PREVIEW_EDGE = 480;
const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;

/** The ad studio half of the API. */
export function adsApi(engine: Engine): Handlers<AdsMethod> {
  const { ads, store } = engine;
  const ok = { ok: true as const };
  return {
    listCampaigns: async () => store.ads.listCampaigns(),
    getCampaign: async ({ id }) => {
      const campaign = store.ads.getCampaign(id);
      if (!campaign) throw new UnknownRecordError('campaign', id);
      return { campaign, variants: store.ads.listVariants(id) };
    },
    createCampaign: (input) => ads.createCampaign({ ...input, logoHash: input.logoHash ?? null }),
    updateCampaign: async ({ id, patch }) => ads.updateCampaign(id, patch),
    deleteCampaign: async ({ id }) => {
      await ads.deleteCampaign(id);
      return ok;
    },
    rebuildConcepts: async ({ id, themes }) => ads.rebuildConcepts(id, themes),
    getCutout: async ({ id }) => {
      const { product, mask, width, height } = await ads.cutoutImages(id);
      return { productDataUrl: dataUrl('image/jpeg', product), maskDataUrl: dataUrl('image/png', mask), width, height };
    },
    editCutout: ({ id, strokes }) => ads.editCutout(id, strokes),
    refineCutout: ({ id }) => ads.refineCutoutWithModel(id),
    chooseCutout: ({ id, use }) => ads.chooseCutout(id, use),
    describeProduct: ({ id, streamId }) => ads.describeProduct(id, streamId),
    estimateAds: async ({ id, request }) => ads.estimate(id, request),
    generateAds: async ({ id, request }) => ads.generate(id, request),
    editAdVariant: ({ id, ...edit }) => ads.edits.request(id, edit),
    cancelAdVariants: async ({ id }) => ({ cancelled: ads.cancelQueued(id) }),
    retryAdVariant: async ({ id }) => ads.retry(id),
    deleteAdVariant: async ({ id }) => {
      await ads.deleteVariant(id);
      return ok;
    },
    reviewAdVariant: async ({ id, decision, reviewer }) => ads.review(id, decision, reviewer),
    exportAds: ({ id }) => ads.export(id),
    makeReel: async ({ id }) => ads.makeReel(id),
    variantReel: async ({ id }) => ({ dataUrl: dataUrl('video/mp4', await fs.readFile(ads.reelFile(id))) }),
    variantLive: async ({ id, format }) => {
      const variant = store.ads.getVariant(id);
      const bytes = await fs.readFile(ads.liveFile(id, format));
      return {
        dataUrl: dataUrl(format === 'webp' ? 'image/webp' : 'video/mp4', bytes),
        width: variant?.width ?? 0,
        height: variant?.height ?? 0,
      };
    },
    variantImage: async ({ id, size }) => {
      const image = sharp(ads.variantFile(id));
      const { data, info } =
        size === 'full'
          ? await image.png().toBuffer({ resolveWithObject: true })
          : await image
              .resize(PREVIEW_EDGE, PREVIEW_EDGE, { fit: 'inside' })
              .webp({ quality: 82 })
              .toBuffer({ resolveWithObject: true });
      return {
        dataUrl: dataUrl(size === 'full' ? 'image/png' : 'image/webp', data),
        width: info.width,
        height: info.height,
      };
    },
  };
}
