/**
 * Model answers a person waits for stream in through the API: the client names the stream, live events carry
 * the answer so far, Stop ends it and keeps nothing, and only a whole, valid answer changes anything.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import { ApiHost } from '../../../electron/api';
import { fakeBedrockEnv, startFakeBedrock, type FakeBedrock } from '../../support/fake-bedrock';
import { bottleCampaign, openAdsFixture, type AdsFixture } from './ads-fixture';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const FEATURES = {
  productType: 'water bottle',
  materials: ['steel'],
  colours: [{ name: 'coral', hex: '#FF7F50' }],
  sellingPoints: ['keeps drinks cold for 24 hours', 'fits a cup holder'],
};

let fake: FakeBedrock;
let fixture: AdsFixture;
let host: ApiHost;
let events: ApiEvent[];

beforeEach(async () => {
  fake = await startFakeBedrock();
  Object.assign(process.env, fakeBedrockEnv(fake));
  fixture = await openAdsFixture();
  host = new ApiHost(fixture.engine);
  events = [];
  host.events.subscribe((event) => events.push(event));
});
afterEach(async () => {
  host.events.close();
  await fixture.close();
  await fake.close();
});

const campaignId = async () => (await bottleCampaign(fixture)).id;

const textsOf = (streamId: string) =>
  events.flatMap((e) => (e.type === 'modelText' && e.streamId === streamId ? [e.text] : []));

describe('product features streamed to the marketer', () => {
  it('sends the answer so far as live events, over ConverseStream, and records the features once whole', async () => {
    const id = await campaignId();
    fake.script({ kind: 'stream', reply: { kind: 'toolUse', input: FEATURES }, chunkChars: 20, gapMs: 2 });
    const streamId = randomUUID();
    const result = await host.call('describeProduct', { id, streamId });
    expect(result).toMatchObject({ ok: true, value: { features: { productType: 'water bottle', source: HAIKU } } });
    const texts = textsOf(streamId);
    expect(texts.length).toBeGreaterThan(3);
    expect(texts[0]).toBe(JSON.stringify(FEATURES).slice(0, 20));
    expect(JSON.parse(texts.at(-1)!)).toEqual(FEATURES);
    expect(fake.requests.map((r) => r.api)).toEqual(['converseStream']);
    expect(fixture.engine.store.analysis.listInvocations()).toMatchObject([{ outcome: 'ok', modelId: HAIKU }]);
  });

  it('stops on Stop: nothing of the answer is kept, the call is logged as stopped, and the API says so', async () => {
    const id = await campaignId();
    fake.script({ kind: 'stream', reply: { kind: 'toolUse', input: FEATURES }, chunkChars: 6, gapMs: 30 });
    const streamId = randomUUID();
    const describing = host.call('describeProduct', { id, streamId });
    while (textsOf(streamId).length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await host.call('stopModelStream', { streamId })).toEqual({ ok: true, value: { stopped: true } });
    const result = await describing;
    expect(result).toMatchObject({ ok: false, status: 409, error: expect.stringMatching(/^Stopped by you/) });
    expect(fixture.engine.store.ads.getCampaign(id)?.features?.source).toBe('local');
    expect(fixture.engine.store.analysis.listInvocations()).toMatchObject([{ outcome: 'stopped', costUsd: 0 }]);
    expect(await host.call('stopModelStream', { streamId })).toEqual({ ok: true, value: { stopped: false } });
  });

  it('keeps nothing from a stream that breaks off half-way, and says why', async () => {
    const id = await campaignId();
    fake.script({
      kind: 'stream',
      reply: { kind: 'toolUse', input: FEATURES },
      chunkChars: 10,
      cutAfter: 3,
      cut: { kind: 'exception', type: 'modelStreamErrorException', message: 'The model stopped unexpectedly.' },
    });
    const result = await host.call('describeProduct', { id, streamId: randomUUID() });
    expect(result).toMatchObject({ ok: false, status: 502 });
    expect(fixture.engine.store.ads.getCampaign(id)?.features?.source).toBe('local');
    expect(fixture.engine.store.analysis.listInvocations()).toMatchObject([{ outcome: 'error', costUsd: 0 }]);
  });

  it('answers without streaming when the client does not watch', async () => {
    const id = await campaignId();
    fake.script({ kind: 'toolUse', input: FEATURES });
    expect(await host.call('describeProduct', { id })).toMatchObject({ ok: true });
    expect(fake.requests.map((r) => r.api)).toEqual(['converse']);
    expect(events.filter((e) => e.type === 'modelText')).toEqual([]);
  });
});
