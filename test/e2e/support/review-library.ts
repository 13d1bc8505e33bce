/**
 * A library whose images carry two model answers each, as a real run makes them: the first
 * model (Claude 3 Haiku) answers, every answer is below the escalation threshold, and the
 * escalation model (Claude Sonnet 4) answers again with different values.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { TYPICAL_REPLY } from '../../../electron/analysis/bedrock/prompt';
import type { FakeBedrock } from '../../support/fake-bedrock';
import { makeChecks, makeDots, makePhotoLike, makeStripes } from '../../support/images';
import type { RunningServer } from './server';

export const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
/** The default escalation model for us-east-1. */
export const SONNET = 'us.anthropic.claude-sonnet-4-20250514-v1:0';

/** What each model says about every design (the fake answers every design of a call alike); Haiku's description carries markup. */
export const HAIKU_SAYS = {
  style: 'cottagecore',
  technique: 'watercolour',
  description: 'Haiku: loose <b>watercolour</b> roses <img src=x onerror="document.title=1">',
};
export const SONNET_SAYS = {
  style: 'art nouveau',
  technique: 'screen print',
  description: 'Sonnet: stylised roses in a half-drop repeat.',
};

/** No solids: the planner does not send those to a model, and every image must be reviewable. */
const MAKERS = [
  (i: number) =>
    makeStripes({
      width: 320,
      height: 240,
      period: 16 + i * 2,
      orientation: 'horizontal',
      colours: ['#1b2a4a', '#ffffff'],
    }),
  (i: number) => makeChecks({ width: 300, height: 300, period: 24 + i * 2, colours: ['#d21f1f', '#ffffff'] }),
  (i: number) => makeDots({ width: 320, height: 320, spacing: 30 + i, radius: 7, colours: ['#ff7f50', '#1b2a4a'] }),
  (i: number) => makePhotoLike({ width: 320, height: 240, seed: i + 1 }),
];

export async function writeReviewPictures(folder: string, count: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `print-${String(i + 1).padStart(2, '0')}.png`;
    await fs.writeFile(path.join(folder, name), await MAKERS[i % MAKERS.length](i));
    names.push(name);
  }
  return names;
}

/** Calls the running server's API the way a script would: the token in the query string. */
export async function callApi<T = unknown>(server: RunningServer, method: string, input: unknown = {}): Promise<T> {
  const url = new URL(server.url);
  const token = url.searchParams.get('token') ?? '';
  const response = await fetch(`${url.origin}/api/${method}?token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`${method}: ${body.error ?? response.status}`);
  return body;
}

async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const designs = (says: object, confidence: number) =>
  Array.from({ length: 8 }, (_, i) => ({
    ...TYPICAL_REPLY,
    ...says,
    design: i + 1,
    confidence: Object.fromEntries(Object.keys(TYPICAL_REPLY.confidence).map((field) => [field, confidence])),
  }));

/**
 * Waits for ingest, then analyses every image with Bedrock (the fake). One call at a time,
 * so the replies are consumed in a known order: each batch asks Haiku, then escalates to Sonnet.
 */
export async function analyseWithTwoModels(server: RunningServer, fake: FakeBedrock, count: number): Promise<void> {
  await until(
    'ingest',
    () => callApi<{ assetCount: number; progress: { running: boolean } }>(server, 'libraryStatus'),
    (s) => s.assetCount === count && !s.progress.running,
  );
  await callApi(server, 'updateAiSettings', {
    analyzer: 'bedrock',
    escalationModel: SONNET,
    escalationThreshold: 0.99,
    remoteConcurrency: 1,
  });
  // One pair per image covers any batching; pairs left over are never asked for.
  for (let b = 0; b < count; b++) {
    fake.script(
      { kind: 'toolUse', input: { designs: designs(HAIKU_SAYS, 0.7) } },
      { kind: 'toolUse', input: { designs: designs(SONNET_SAYS, 0.9) } },
    );
  }
  const { queued } = await callApi<{ queued: number }>(server, 'startAnalysis', { query: {} });
  if (queued !== count) throw new Error(`queued ${queued} of ${count} images`);
  const progress = await until(
    'analysis',
    () => callApi<{ done: number; failed: number; queued: number; running: number }>(server, 'analysisProgress'),
    (p) => p.done + p.failed === count && p.queued === 0 && p.running === 0,
  );
  if (progress.failed > 0) throw new Error(`${progress.failed} analyses failed:\n${server.log()}`);
}
