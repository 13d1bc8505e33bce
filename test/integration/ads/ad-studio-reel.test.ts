/**
 * A Nova Reel video of a variant, end to end through the ad studio: the real Bedrock and S3 clients
 * against the fake (which plays the asynchronous job and the user's bucket), cost checked and logged,
 * the video kept beside the variant and exported with it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, InvalidRequestError } from '../../../shared/errors';
import { fakeBedrockEnv, startFakeBedrock, type FakeBedrock } from '../../support/fake-bedrock';
import { bottleCampaign, openAdsFixture, type AdsFixture } from './ads-fixture';

const OUTPUT = 's3://swatchbook-reels/ads';
let fake: FakeBedrock;
let fixture: AdsFixture;

beforeEach(async () => {
  fake = await startFakeBedrock();
  Object.assign(process.env, fakeBedrockEnv(fake));
  fixture = await openAdsFixture();
});
afterEach(async () => {
  await fixture.close();
  await fake.close();
});

async function renderedVariant() {
  const { ads } = fixture.engine;
  const campaign = await bottleCampaign(fixture);
  const [variant] = ads.generate(campaign.id, { generator: 'local', count: 1, seed: 3 });
  await ads.queue.settled();
  return { campaign, variant };
}

describe('Nova Reel videos of a variant', () => {
  it('makes the video asynchronously, logs its cost, keeps it and exports it beside the still', async () => {
    const { ads, analysis } = fixture.engine;
    analysis.updateSettings({ videoOutputS3Uri: OUTPUT });
    const { campaign, variant } = await renderedVariant();
    fake.script({ kind: 'asyncJob', inProgressPolls: 0, outcome: { status: 'Completed' } });

    expect(ads.makeReel(variant.id).reel).toMatchObject({ state: 'running', costUsd: 0.48, seconds: 6 });
    await ads.reels.settled();
    const made = fixture.engine.store.ads.getVariant(variant.id)!;
    expect(made.reel).toMatchObject({ state: 'done', error: null, costUsd: 0.48 });
    expect(made.reel?.s3Uri).toMatch(/^s3:\/\/swatchbook-reels\/ads\/.+\/output\.mp4$/);
    const mp4 = await fs.readFile(ads.reelFile(variant.id));
    expect(mp4.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const [start] = fake.requests.filter((r) => r.api === 'startAsyncInvoke');
    expect(JSON.stringify(start.body)).toContain('studio product photograph');
    const logged = fixture.engine.store.analysis.listInvocations().filter((c) => c.modelId === 'amazon.nova-reel-v1:1');
    expect(logged.map((c) => [c.outcome, c.costUsd])).toEqual([['ok', 0.48]]);

    ads.review(variant.id, 'approved', 'mia');
    const out = await ads.export(campaign.id, path.join(fixture.dataDir, 'out'));
    const manifest = JSON.parse(await fs.readFile(out.manifest, 'utf8'));
    expect(manifest.variants[0].reel).toMatchObject({ file: 'square/bottle-square-studio-1-reel.mp4', costUsd: 0.48 });
    expect(manifest.totalCostUsd).toBe(0.48);
    await fs.access(path.join(out.folder, 'square/bottle-square-studio-1-reel.mp4'));
  });

  it('says what went wrong: no S3 location (before anything is sent), over budget, a failed job', async () => {
    const { ads, analysis } = fixture.engine;
    const { variant } = await renderedVariant();
    expect(() => ads.makeReel(variant.id)).toThrow(InvalidRequestError);
    expect(() => ads.makeReel(variant.id)).toThrow(/S3 output location/);

    analysis.updateSettings({ videoOutputS3Uri: OUTPUT, monthlyBudgetUsd: 0.1 });
    expect(() => ads.makeReel(variant.id)).toThrow(ConflictError);

    analysis.updateSettings({ monthlyBudgetUsd: 10 });
    fake.script({ kind: 'asyncJob', inProgressPolls: 0, outcome: { status: 'Failed', failureMessage: 'no capacity' } });
    ads.makeReel(variant.id);
    await ads.reels.settled();
    const failed = fixture.engine.store.ads.getVariant(variant.id)!.reel!;
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/no capacity/);
    expect(failed.costUsd).toBe(0);
    expect(fake.requests.filter((r) => r.api === 'startAsyncInvoke')).toHaveLength(1);
  });
});
