/**
 * Time to first token: a product description streamed from the fake Bedrock through the whole path a
 * marketer's screen sees (the SDK's ConverseStream, event decoding, the engine's stream registry, the API's
 * live events), against the same answer asked without streaming. The fake plays a model that thinks for
 * THINK_MS, then writes ~200 characters a second (16 characters every 80 ms).
 *   streaming
 * Prints one JSON line: { runs, thinkMs, streamedFirstP50Ms, streamedFirstP95Ms, streamedWholeP50Ms, wholeP50Ms }.
 */
import { randomUUID } from 'node:crypto';
import { ApiHost } from '../../electron/api';
import { fakeBedrockEnv, startFakeBedrock } from '../support/fake-bedrock';
import { bottleCampaign, openAdsFixture } from '../integration/ads/ads-fixture';

const RUNS = 15;
const THINK_MS = 400;
const CHUNK = 16;
const GAP_MS = 80;
const FEATURES = {
  productType: 'insulated water bottle',
  materials: ['brushed stainless steel', 'silicone seal'],
  colours: [
    { name: 'coral', hex: '#ff7f50' },
    { name: 'navy', hex: '#1b2a4a' },
  ],
  sellingPoints: ['keeps drinks cold for 24 hours', 'leak-proof lid', 'fits a car cup holder'],
};

const fake = await startFakeBedrock();
Object.assign(process.env, fakeBedrockEnv(fake));
const fixture = await openAdsFixture();
const host = new ApiHost(fixture.engine);
const campaign = await bottleCampaign(fixture);
const writingMs = Math.ceil(JSON.stringify(FEATURES).length / CHUNK) * GAP_MS;

const firsts: number[] = [];
const streamedWholes: number[] = [];
const wholes: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const streamId = randomUUID();
  let first: number | null = null;
  const started = performance.now();
  const unsubscribe = host.events.subscribe((event) => {
    if (event.type === 'modelText' && event.streamId === streamId) first ??= performance.now() - started;
  });
  fake.script({
    kind: 'stream',
    reply: { kind: 'toolUse', input: FEATURES },
    firstEventMs: THINK_MS,
    chunkChars: CHUNK,
    gapMs: GAP_MS,
  });
  const streamed = await host.call('describeProduct', { id: campaign.id, streamId });
  unsubscribe();
  if (!streamed.ok || first === null) throw new Error(`the streamed call failed: ${JSON.stringify(streamed)}`);
  firsts.push(first);
  streamedWholes.push(performance.now() - started);

  // The same model time, answered whole: the first word shows when the last one is written.
  fake.script({ kind: 'delay', ms: THINK_MS + writingMs, then: { kind: 'toolUse', input: FEATURES } });
  const wholeStarted = performance.now();
  const whole = await host.call('describeProduct', { id: campaign.id });
  if (!whole.ok) throw new Error(`the whole call failed: ${JSON.stringify(whole)}`);
  wholes.push(performance.now() - wholeStarted);
}
host.events.close();
await fixture.close();
await fake.close();

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
console.log(
  JSON.stringify({
    runs: RUNS,
    thinkMs: THINK_MS,
    streamedFirstP50Ms: quantile(firsts, 0.5),
    streamedFirstP95Ms: quantile(firsts, 0.95),
    streamedWholeP50Ms: quantile(streamedWholes, 0.5),
    wholeP50Ms: quantile(wholes, 0.5),
  }),
);
