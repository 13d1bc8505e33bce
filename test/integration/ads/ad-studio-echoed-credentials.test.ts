/**
 * The ad studio passes some Bedrock failures on as the SDK raised them (describing the product,
 * background removal), to an API reply and the log: what AWS echoes of the request's
 * credentials must be gone from them, as from the variants and the invocation log.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { ApiHost } from '../../../electron/api/api-host';
import { startFakeBedrock, type FakeBedrock } from '../../support/fake-bedrock';
import { allFiles, captureConsole, expectNone } from '../../support/leak-check';
import { bottleCampaign, openAdsFixture, type AdsFixture } from './ads-fixture';

const KEY_ID = 'ASIAADSECHOKEY000001';
const SECRET = 'ads-echoed-secret-K7MDENG/bPxRfiCY';
const TOKEN = `IQoJb3JpZ2luX2VjEJr${Buffer.from('ads session token '.repeat(20)).toString('base64')}`;

let fake: FakeBedrock | null = null;
let fixture: AdsFixture | null = null;
let host: ApiHost | null = null;
afterEach(async () => {
  host?.events.close();
  await fixture?.close();
  await fake?.close();
  for (const key of ['AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME']) delete process.env[key];
  vi.restoreAllMocks();
});

it('keeps echoed credentials out of the ad studio’s replies, records and logs', async () => {
  const echo = { kind: 'error', type: 'IncompleteSignatureException', echoCredentials: true } as const;
  fake = await startFakeBedrock({ fallback: echo });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.runtimeEndpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: KEY_ID,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_SESSION_TOKEN: TOKEN,
  });
  fixture = await openAdsFixture();
  const printed = captureConsole();
  host = new ApiHost(fixture.engine);
  const campaign = await bottleCampaign(fixture, {}, 'Echo');

  const replies = [
    await host.call('describeProduct', { id: campaign.id }),
    await host.call('refineCutout', { id: campaign.id }),
    await host.call('generateAds', { id: campaign.id, request: { generator: 'bedrock', count: 1 } }),
  ];
  await fixture.engine.ads.queue.settled();
  replies.push(await host.call('getCampaign', { id: campaign.id }));
  await fixture.engine.store.flush();

  // Every call was refused with the echo, so the checks below are about something.
  expect(fake.requests.filter((r) => r.headers['x-amz-security-token'] === TOKEN)).toHaveLength(3);
  expect(replies.map((r) => r.ok)).toEqual([false, false, true, true]);
  expectNone([KEY_ID, SECRET, TOKEN, TOKEN.slice(0, 40)], {
    'data folder': await allFiles(fixture.dataDir),
    'API replies': JSON.stringify(replies),
    console: printed.join('\n'),
  });
});
