/**
 * Ad render time on drawn product photos (an apple and a mug on backdrops, a cup on a wooden table framed
 * whole): every theme in every channel format with the local compositor, timed per variant, against a
 * floor measured in the same run: the product alone composited on a flat background and PNG-encoded at
 * the same sizes (the least any compositor must do).
 * Then the same product in every format rendered also as a live loop, timed per live variant (still + loop).
 *   ads <scratchDir>   prints one JSON line: { variants, msPerVariant, msPerLiveVariant, floorMsPerVariant, ... }
 */
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { AD_FORMATS, AD_FORMAT_IDS, THEMES } from '../../shared/model/ads';
import { openGeneratedLibrary } from '../support/generated-library';
import { appleShot, backdropFiles, cupOnTable, mugOnBackdrop } from '../support/product-photos';

const [scratch] = process.argv.slice(2);
process.env.TMPDIR = scratch;

const library = await openGeneratedLibrary(
  {
    'apple.png': appleShot(),
    'mug.jpg': mugOnBackdrop(),
    'cup.jpg': cupOnTable(),
    ...backdropFiles(),
  },
  { prefix: 'bench-ads' },
);
const { ads } = library.engine;
const copy = { headline: 'Crisp from the orchard', subline: 'Picked this week', cta: 'Shop now' };
const campaigns = [];
for (const file of ['apple.png', 'mug.jpg', 'cup.jpg']) {
  let campaign = await ads.createCampaign({
    name: file,
    productHash: library.hashOf(file),
    productName: file,
    notes: '',
    copy,
    formats: [...AD_FORMAT_IDS],
    themes: [...THEMES],
  });
  if (file === 'cup.jpg') campaign = await ads.chooseCutout(campaign.id, 'whole-photo');
  campaigns.push(campaign);
}

const started = performance.now();
let variants = 0;
for (const campaign of campaigns)
  variants += ads.generate(campaign.id, { generator: 'local', count: 1, seed: 1 }).length;
await ads.queue.settled();
const seconds = (performance.now() - started) / 1000;
const rendered = campaigns.flatMap((c) => library.engine.store.ads.listVariants(c.id));
const ready = rendered.filter((v) => v.state === 'ready').length;
const attention = rendered.filter((v) => v.state === 'needs-attention').length;

// Live: the apple in every format, studio theme, rendered also as a 4 s loop (WebP, and MP4 with ffmpeg).
const studio = campaigns[0].concepts.find((c) => c.theme === 'studio')!;
const liveStart = performance.now();
const liveVariants = ads.generate(campaigns[0].id, {
  generator: 'local',
  count: 1,
  seed: 2,
  conceptIds: [studio.id],
  live: true,
});
await ads.queue.settled();
const liveSeconds = (performance.now() - liveStart) / 1000;
const lives = liveVariants.map((v) => library.engine.store.ads.getVariant(v.id)!.live);
const mp4s = lives.filter((l) => l?.mp4).length;

// The floor: product composited on a flat colour and encoded, per variant, at the same sizes.
const product = await sharp(await appleShot())
  .resize(600, 600)
  .ensureAlpha()
  .png()
  .toBuffer();
const floorStart = performance.now();
for (let round = 0; round < campaigns.length * THEMES.length; round++) {
  for (const format of AD_FORMATS) {
    const size = Math.min(format.width, format.height);
    const placed = await sharp(product).resize(size, size).toBuffer();
    await sharp({ create: { width: format.width, height: format.height, channels: 3, background: '#f2efe9' } })
      .composite([{ input: placed, left: 0, top: 0 }])
      .png()
      .toBuffer();
  }
}
const floorSeconds = (performance.now() - floorStart) / 1000;
const floorVariants = campaigns.length * THEMES.length * AD_FORMATS.length;
await library.close();
console.log(
  JSON.stringify({
    variants,
    ready,
    attention,
    msPerVariant: (seconds * 1000) / variants,
    liveVariants: liveVariants.length,
    msPerLiveVariant: (liveSeconds * 1000) / liveVariants.length,
    liveWithMp4: mp4s,
    liveWebpKb: lives.reduce((sum, l) => sum + (l?.webpBytes ?? 0), 0) / 1024 / liveVariants.length,
    floorMsPerVariant: (floorSeconds * 1000) / floorVariants,
  }),
);
