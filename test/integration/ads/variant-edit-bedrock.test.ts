import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBedrockEnv, startFakeBedrock, type FakeBedrock } from '../../support/fake-bedrock';
import { noisyImage, openAdsFixture, type AdsFixture } from './ads-fixture';
import {
  countSet,
  differing,
  pixelsOf,
  productOf,
  regionOf,
  renderedVariant,
  strokeIntoProduct,
} from './variant-edit-bed';

const CANVAS = 'amazon.nova-canvas-v1:0';
let fake: FakeBedrock;
let fixture: AdsFixture;

beforeEach(async () => {
  fake = await startFakeBedrock();
  Object.assign(process.env, fakeBedrockEnv(fake));
  fixture = await openAdsFixture();
  fixture.engine.analysis.updateSettings({ imageModel: CANVAS });
});
afterEach(async () => {
  await fixture.close();
  await fake.close();
});

const invokes = () => fake.requests.filter((r) => r.api === 'invoke');

describe('editing a variant with Nova Canvas', () => {
  it('inpaints the brushed region with a mask that leaves the product out, and keeps the product exact', async () => {
    const { campaign, parent } = await renderedVariant(fixture);
    fake.script({ kind: 'invoke', body: { images: [await noisyImage(1024, 1024)], error: null } });
    const queued = await fixture.engine.ads.edits.request(parent.id, {
      region: { strokes: [strokeIntoProduct(parent, 60)] },
      prompt: 'a sprig of lavender',
      generator: 'bedrock',
    });
    await fixture.engine.ads.queue.settled();

    const child = fixture.engine.store.ads.getVariant(queued.id)!;
    expect(child).toMatchObject({
      parentId: parent.id,
      generator: CANVAS,
      costUsd: 0.04,
      seed: parent.seed,
      edit: { kind: 'inpaint', prompt: 'a sprig of lavender', region: 'strokes' },
      recipe: null,
    });
    expect(child.state).toMatch(/^(ready|needs-attention)$/);
    const [request] = invokes();
    const body = request.body as {
      taskType: string;
      inPaintingParams: { image: string; maskImage: string; text: string };
      imageGenerationConfig: { seed: number };
    };
    expect(body).toMatchObject({ taskType: 'INPAINTING', imageGenerationConfig: { seed: parent.seed } });
    expect(body.inPaintingParams.text).toMatch(/^a sprig of lavender\. /);

    // Black is what Nova changes: the stroke, never the product (read at the model's 1024 px).
    const mask = await sharp(Buffer.from(body.inPaintingParams.maskImage, 'base64'))
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(mask.info).toMatchObject({ width: 1024, height: 1024 });
    expect([...new Set(mask.data)].sort((a, b) => a - b)).toEqual([0, 255]);
    const box = parent.productBox!;
    const scale = 1024 / parent.width;
    const centreY = Math.round((box.y + box.height / 2) * scale);
    const row = (x: number) => mask.data[centreY * 1024 + Math.round(x * scale)];
    expect(row(box.x - 30)).toBe(0);
    expect(row(box.x + box.width * 0.4)).toBe(255);

    const [before, after, region, product] = await Promise.all([
      pixelsOf(fixture, parent),
      pixelsOf(fixture, child),
      regionOf(fixture, child),
      productOf(fixture, campaign, parent),
    ]);
    expect(differing(before, after, product)).toBe(0);
    expect(differing(before, after, region, false)).toBe(0);
    expect(differing(before, after, region)).toBeGreaterThan(countSet(region) * 0.9);
    expect(fixture.engine.store.analysis.listInvocations()).toMatchObject([
      { modelId: CANVAS, costUsd: 0.04, outcome: 'ok', hashes: [fixture.productHash] },
    ]);
  });

  it('asks for a variation at the chosen similarity, and a removal without text', async () => {
    const { parent } = await renderedVariant(fixture);
    const image = await noisyImage(1024, 1024);
    fake.script(
      { kind: 'invoke', body: { images: [image], error: null } },
      { kind: 'invoke', body: { images: [image] } },
    );
    const { ads } = fixture.engine;
    const variation = await ads.edits.request(parent.id, {
      region: 'background',
      prompt: 'warmer light',
      generator: 'bedrock',
      mode: 'variation',
      similarity: 0.5,
    });
    await ads.queue.settled();
    await ads.edits.request(parent.id, {
      region: { strokes: [strokeIntoProduct(parent)] },
      prompt: 'remove',
      generator: 'bedrock',
    });
    await ads.queue.settled();

    expect(fixture.engine.store.ads.getVariant(variation.id)).toMatchObject({
      index: 2,
      edit: { kind: 'variation', similarity: 0.5, region: 'background' },
    });
    const [varied, removed] = invokes().map((r) => r.body as Record<string, Record<string, unknown>>);
    expect(varied).toMatchObject({
      taskType: 'IMAGE_VARIATION',
      imageVariationParams: { similarityStrength: 0.5, text: expect.stringMatching(/^warmer light\. /) },
      imageGenerationConfig: { width: 1024, height: 1024 },
    });
    expect(varied.imageVariationParams.images).toHaveLength(1);
    expect(removed.taskType).toBe('INPAINTING');
    expect(removed.inPaintingParams).not.toHaveProperty('text');
  });

  it('refuses an edit prompt the brand rules forbid, before anything is sent', async () => {
    const { campaign, parent } = await renderedVariant(fixture, { forbiddenWords: ['lamp'] });
    await expect(
      fixture.engine.ads.edits.request(parent.id, {
        region: 'background',
        prompt: 'a brass Lamp',
        generator: 'bedrock',
      }),
    ).rejects.toThrow(/forbidden word "lamp"/);
    expect(invokes()).toHaveLength(0);
    expect(fixture.engine.store.ads.listVariants(campaign.id)).toHaveLength(1);
  });
});
