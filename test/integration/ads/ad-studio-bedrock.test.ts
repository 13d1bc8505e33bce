import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from '../../support/fake-bedrock';
import { bottleCampaign, noisyImage, openAdsFixture, type AdsFixture } from './ads-fixture';

const CANVAS = 'amazon.nova-canvas-v1:0';
let fake: FakeBedrock;
let fixture: AdsFixture;

beforeEach(async () => {
  fake = await startFakeBedrock();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.runtimeEndpoint,
    AWS_ACCESS_KEY_ID: 'AKIDADSTEST000000001',
    AWS_SECRET_ACCESS_KEY: 'ads-test-secret',
    AWS_REGION: 'us-east-1',
  });
  fixture = await openAdsFixture();
  fixture.engine.analysis.updateSettings({ imageModel: CANVAS });
});
afterEach(async () => {
  await fixture.close();
  await fake.close();
});

const campaign = (brand = {}) => bottleCampaign(fixture, brand);

describe('the ad studio with Amazon Nova Canvas', () => {
  it('outpaints around the product mask, keeps the product pixel for pixel, and logs the cost', async () => {
    const c = await campaign();
    fake.script({ kind: 'invoke', body: { images: [await noisyImage(1024, 1024)], error: null } });
    expect(fixture.engine.ads.estimate(c.id, { generator: 'bedrock', count: 1 })).toMatchObject({
      images: 1,
      costUsd: 0.04,
      modelId: CANVAS,
    });
    fixture.engine.ads.generate(c.id, { generator: 'bedrock', count: 1, seed: 7 });
    await fixture.engine.ads.queue.settled();

    const [variant] = fixture.engine.store.ads.listVariants(c.id);
    expect(variant).toMatchObject({ state: 'ready', generator: CANVAS, costUsd: 0.04, seed: 7 });
    const [request] = fake.requests.filter((r) => r.api === 'invoke');
    expect(request.modelId).toBe(CANVAS);
    const body = request.body as {
      taskType: string;
      outPaintingParams: { image: string; maskImage: string; text: string; outPaintingMode: string };
      imageGenerationConfig: { seed: number };
    };
    expect(body).toMatchObject({
      taskType: 'OUTPAINTING',
      imageGenerationConfig: { seed: 7 },
      outPaintingParams: { outPaintingMode: 'PRECISE' },
    });
    // Black keeps, white is repainted: the mask is black exactly where the product is.
    const mask = await sharp(Buffer.from(body.outPaintingParams.maskImage, 'base64'))
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const values = new Set(mask.data);
    expect([...values].sort((a, b) => a - b)).toEqual([0, 255]);
    const black = mask.data.filter((v) => v === 0).length / mask.data.length;
    expect(black).toBeGreaterThan(0.02);
    expect(black).toBeLessThan(0.3);

    // Inside the mask, the ad shows the cut-out's own pixels, not the model's noise.
    const cutout = await fixture.engine.ads.cutouts.product(c);
    const box = variant.productBox!;
    const expected = await sharp(cutout.rgba, { raw: { width: cutout.width, height: cutout.height, channels: 4 } })
      .resize(box.width, box.height, { fit: 'fill' })
      .raw()
      .toBuffer();
    const actual = await sharp(fixture.engine.ads.variantFile(variant.id))
      .extract({ left: box.x, top: box.y, width: box.width, height: box.height })
      .removeAlpha()
      .raw()
      .toBuffer();
    let compared = 0,
      differing = 0;
    for (let p = 0; p < box.width * box.height; p++) {
      if (expected[p * 4 + 3] !== 255) continue;
      compared++;
      for (let k = 0; k < 3; k++)
        if (actual[p * 3 + k] !== expected[p * 4 + k]) {
          differing++;
          break;
        }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(differing).toBe(0);

    expect(fixture.engine.store.analysis.listInvocations()).toMatchObject([
      { modelId: CANVAS, costUsd: 0.04, outcome: 'ok', hashes: [fixture.productHash] },
    ]);
  });

  it('retries a failed variant on request, cancels queued ones and deletes one', async () => {
    const c = await campaign();
    fake.script(
      { kind: 'error', type: 'ServiceUnavailableException' },
      { kind: 'invoke', body: { images: [await noisyImage(1024, 1024)] } },
    );
    const [variant] = fixture.engine.ads.generate(c.id, { generator: 'bedrock', count: 1 });
    await fixture.engine.ads.queue.settled();
    expect(fixture.engine.store.ads.getVariant(variant.id)).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/could not answer right now/),
    });
    fixture.engine.ads.retry(variant.id);
    await fixture.engine.ads.queue.settled();
    expect(fixture.engine.store.ads.getVariant(variant.id)?.state).toBe('ready');

    fixture.engine.analysis.updateSettings({ monthlyBudgetUsd: 10 });
    const more = fixture.engine.ads.generate(c.id, { generator: 'local', count: 3 });
    expect(fixture.engine.ads.cancelQueued(c.id)).toBeGreaterThanOrEqual(2);
    await fixture.engine.ads.queue.settled();
    const cancelled = more
      .map((v) => fixture.engine.store.ads.getVariant(v.id)!)
      .filter((v) => v.state === 'cancelled');
    expect(cancelled.length).toBeGreaterThanOrEqual(2);
    expect(cancelled.every((v) => v.error === 'cancelled by you')).toBe(true);
    expect(['queued', 'generating']).toContain(fixture.engine.ads.retry(cancelled[0].id).state);
    await fixture.engine.ads.queue.settled();
    expect(fixture.engine.store.ads.getVariant(cancelled[0].id)?.state).toBe('ready');
    await fixture.engine.ads.deleteVariant(variant.id);
    expect(fixture.engine.store.ads.getVariant(variant.id)).toBeUndefined();
  });

  it('reports an image the service filtered as blocked and does not retry it', async () => {
    const c = await campaign();
    fake.script({
      kind: 'error',
      type: 'ValidationException',
      message: 'This request has been blocked by our content filters.',
    });
    fixture.engine.ads.generate(c.id, { generator: 'bedrock', count: 1 });
    await fixture.engine.ads.queue.settled();
    const [variant] = fixture.engine.store.ads.listVariants(c.id);
    expect(variant.state).toBe('blocked');
    expect(variant.error).toMatch(/content filters/);
    expect(fake.requests.filter((r) => r.api === 'invoke')).toHaveLength(1);
    expect(fixture.engine.store.analysis.listInvocations()[0]).toMatchObject({ outcome: 'blocked', costUsd: 0 });
  });

  it("applies the brand's Bedrock Guardrail to the prompt before anything is generated", async () => {
    const c = await campaign({ guardrailId: 'gr-brand', guardrailVersion: '3' });
    fake.setGuardrail({ action: 'GUARDRAIL_INTERVENED', message: 'Prompts about competitors are not allowed.' });
    fixture.engine.ads.generate(c.id, { generator: 'bedrock', count: 1 });
    await fixture.engine.ads.queue.settled();
    const [variant] = fixture.engine.store.ads.listVariants(c.id);
    expect(variant).toMatchObject({
      state: 'blocked',
      error: expect.stringMatching(/guardrail blocked the prompt: Prompts about competitors/),
    });
    expect(fake.requests.map((r) => r.api)).toEqual(['applyGuardrail']);
    expect(fake.requests[0].url).toBe('/guardrail/gr-brand/version/3/apply');
  });

  it('never sends a prompt with a forbidden word, and stops at the monthly budget', async () => {
    const c = await campaign({ forbiddenWords: ['studio'] });
    fixture.engine.ads.generate(c.id, { generator: 'bedrock', count: 1 });
    await fixture.engine.ads.queue.settled();
    expect(fixture.engine.store.ads.listVariants(c.id)[0]).toMatchObject({
      state: 'blocked',
      error: expect.stringMatching(/not sent: forbidden word "studio"/),
    });

    fixture.engine.analysis.updateSettings({ monthlyBudgetUsd: 0 });
    const d = await campaign();
    fixture.engine.ads.generate(d.id, { generator: 'bedrock', count: 1 });
    await fixture.engine.ads.queue.settled();
    expect(fixture.engine.store.ads.listVariants(d.id)[0]).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/monthly budget/),
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('paints with a Stability model behind the product, and reports its filter as a block', async () => {
    const stability = 'stability.stable-image-core-v1:1';
    fixture.engine.analysis.updateSettings({ imageModel: stability });
    const c = await campaign();
    fake.script(
      { kind: 'invoke', body: { images: [await noisyImage(1024, 1024)], finish_reasons: [null] } },
      { kind: 'invoke', body: { images: [], finish_reasons: ['Filter reason: prompt'] } },
    );
    fixture.engine.ads.generate(c.id, { generator: 'bedrock', count: 2, seed: 1 });
    await fixture.engine.ads.queue.settled();
    const variants = fixture.engine.store.ads.listVariants(c.id);
    expect(variants.map((v) => v.state)).toEqual(['ready', 'blocked']);
    expect(variants[1].error).toMatch(/Filter reason: prompt/);
    const body = fake.requests.find((r) => r.api === 'invoke')!.body as Record<string, unknown>;
    expect(body).toMatchObject({ aspect_ratio: '1:1', seed: 1, output_format: 'png' });
    expect(body.prompt).toMatch(/studio product photograph/);
  });

  it('replaces a cut-out with Nova Canvas background removal, and describes the product with the model', async () => {
    const c = await campaign();
    const alpha = Buffer.alloc(1024 * 1024 * 4);
    for (let y = 300; y < 700; y++) for (let x = 400; x < 600; x++) alpha.set([255, 127, 80, 255], (y * 1024 + x) * 4);
    fake.script({
      kind: 'invoke',
      body: {
        images: [
          (
            await sharp(alpha, { raw: { width: 1024, height: 1024, channels: 4 } })
              .png()
              .toBuffer()
          ).toString('base64'),
        ],
      },
    });
    const refined = await fixture.engine.ads.refineCutoutWithModel(c.id);
    expect(refined.cutout).toMatchObject({ method: 'bedrock', edited: false });
    expect((fake.requests[0].body as { taskType: string }).taskType).toBe('BACKGROUND_REMOVAL');

    fake.script({
      kind: 'toolUse',
      input: {
        productType: 'water bottle',
        materials: ['stainless steel'],
        colours: [{ name: 'coral', hex: '#FF7F50' }],
        sellingPoints: ['keeps drinks cold for 24 hours'],
      },
    });
    const described = await fixture.engine.ads.describeProduct(c.id);
    expect(described.features).toMatchObject({
      productType: 'water bottle',
      colours: [{ hex: '#ff7f50' }],
      source: 'anthropic.claude-3-haiku-20240307-v1:0',
    });
    expect(fixture.engine.store.analysis.listInvocations().map((i) => i.modelId)).toEqual([
      CANVAS,
      'anthropic.claude-3-haiku-20240307-v1:0',
    ]);
  });

  it('logs a failed product description with its reason and answers the API with the fix, as a 502', async () => {
    const c = await campaign();
    fake.script({ kind: 'error', type: 'AccessDeniedException' });
    const error = await fixture.engine.ads.describeProduct(c.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, message: expect.stringMatching(/^Access denied to .*claude-3-haiku/) });
    expect(fixture.engine.store.analysis.listInvocations()).toMatchObject([
      { outcome: 'denied', costUsd: 0, detail: (error as Error).message, hashes: [fixture.productHash] },
    ]);
    expect(fixture.engine.store.ads.getCampaign(c.id)?.features?.source).toBe('local');
  });
});
