import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { startFakeBedrock, type FakeBedrock } from '../../support/fake-bedrock';
import { tempDirs } from '../../support/temp-dirs';

let fake: FakeBedrock;
let engine: Engine;
const dirs = tempDirs();

beforeEach(async () => {
  fake = await startFakeBedrock();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.runtimeEndpoint,
    AWS_ACCESS_KEY_ID: 'AKIDSEARCHTEST000001',
    AWS_SECRET_ACCESS_KEY: 'search-test-secret',
    AWS_REGION: 'us-east-1',
  });
  engine = await Engine.open({ dataDir: await dirs.make('search-model-') });
  engine.analysis.updateSettings({ analyzer: 'bedrock' });
});
afterEach(async () => {
  await engine.close();
  await fake.close();
  await dirs.cleanup();
});

const converseCalls = () => fake.requests.filter((r) => r.api === 'converse').length;

describe('a sentence the built-in interpreter cannot fully read, with a model chosen', () => {
  it('is read by the model into the same query, once per sentence, logged and costed', async () => {
    fake.script({
      kind: 'toolUse',
      input: { colours: ['red', 'orange'], excludePatterns: ['stripes'], attributes: ['summer'] },
    });
    const read = await engine.sentences.interpret('something warm for a summer picnic, nothing stripy');
    expect(read).toMatchObject({ by: 'model', modelId: engine.analysis.settings().attributesModel, ignored: [] });
    expect(read.parts.map((p) => `${p.negated ? 'not ' : ''}${p.kind}:${p.value}`)).toEqual([
      'not pattern:stripes',
      'colour:red',
      'colour:orange',
      'attribute:summer',
    ]);
    const [call] = engine.store.analysis.listInvocations();
    expect(call).toMatchObject({ promptVersion: 'search-v1', outcome: 'ok', hashes: [] });
    expect(call.costUsd).toBeGreaterThan(0);

    // The same words again: from the cache, no second call.
    expect(await engine.sentences.interpret('Something warm for a summer picnic, nothing stripy')).toMatchObject({
      by: 'model',
    });
    expect(converseCalls()).toBe(1);
  });

  it('is not sent when the built-in reading is complete, or when the user chose the local analyzer', async () => {
    expect(await engine.sentences.interpret('red polka dots, no stripes')).toMatchObject({ by: 'local', note: null });
    engine.analysis.updateSettings({ analyzer: 'local' });
    expect(await engine.sentences.interpret('something warm for a picnic')).toMatchObject({
      by: 'local',
      ignored: ['warm', 'picnic'],
      note: null,
    });
    expect(converseCalls()).toBe(0);
  });

  it('keeps the built-in reading, and says why, when the model answers nonsense or cannot be reached', async () => {
    fake.script({ kind: 'toolUseRaw', input: { patterns: ['zigzag'] } });
    const nonsense = await engine.sentences.interpret('zigzag stuff in red');
    expect(nonsense).toMatchObject({ by: 'local', ignored: ['zigzag', 'stuff'] });
    expect(nonsense.parts.map((p) => p.value)).toEqual(['red']);
    expect(nonsense.note).toMatch(
      /could not read the words left over: .*did not answer the search in the expected form/,
    );

    fake.script({ kind: 'error', type: 'AccessDeniedException' });
    const refused = await engine.sentences.interpret('zigzag things in blue');
    expect(refused).toMatchObject({ by: 'local' });
    expect(refused.note).toMatch(/could not read the words left over/);
    expect(engine.store.analysis.listInvocations().map((c) => c.outcome)).not.toContain('ok');
  });

  it('streams the model’s reading to a watching client, and Stop keeps the built-in reading', async () => {
    const texts: string[] = [];
    engine.analysis.streams.on('text', (_id, text) => texts.push(text));
    fake.script({ kind: 'stream', reply: { kind: 'toolUse', input: { colours: ['red'] } }, chunkChars: 4, gapMs: 2 });
    const streamed = await engine.sentences.interpret('something warm in red', randomUUID());
    expect(streamed).toMatchObject({ by: 'model' });
    expect(texts.at(-1)).toBe(JSON.stringify({ colours: ['red'] }));
    expect(fake.requests.map((r) => r.api)).toEqual(['converseStream']);

    const streamId = randomUUID();
    fake.script({ kind: 'stream', reply: { kind: 'toolUse', input: { colours: ['blue'] } }, chunkChars: 2, gapMs: 40 });
    const reading = engine.sentences.interpret('something cool in blue', streamId);
    while (texts.length < 12) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(engine.analysis.streams.stop(streamId)).toBe(true);
    expect(await reading).toMatchObject({ by: 'local', note: expect.stringMatching(/stopped by you/) });
    expect(engine.store.analysis.listInvocations().map((c) => c.outcome)).toEqual(['ok', 'stopped']);
  });
});
