/**
 * The Usage page counts calls: requests that reached Bedrock. Requests refused on this machine
 * (no credentials) are counted apart, with their reason, in the data the page reads.
 */
import { afterEach, expect, it } from 'vitest';
import { waitFor } from '../../support/temp-dirs';
import { HAIKU, keepEnv, openAnalysisFixture, withoutCredentials, type AnalysisFixture } from './analysis-fixture';

let fixture: AnalysisFixture | null = null;
const restoreEnv = keepEnv();
afterEach(async () => {
  await fixture?.close();
  fixture = null;
  restoreEnv();
});

it('counts only requests that reached the service as calls, and the ones that never left apart', async () => {
  fixture = await openAnalysisFixture({}, { photos: 0 });
  const { analysis } = fixture.engine;
  const withCredentials = { ...process.env };
  withoutCredentials();
  analysis.enqueue(fixture.assets);
  await waitFor(() => analysis.queue.progress().waiting === 2, 10_000, 'the no-credentials hold');
  analysis.queue.pause();
  await analysis.testConnection();
  expect(fixture.fake.requests).toHaveLength(0);

  const refused = analysis.usage(30);
  expect(refused.models).toEqual([]);
  expect(refused.days).toEqual([]);
  expect(refused.notSent).toEqual([expect.objectContaining({ modelId: HAIKU, reason: 'no-credentials' })]);
  expect(refused.notSent[0].count).toBeGreaterThanOrEqual(2);
  expect(refused.notSent[0].detail).toMatch(/^No AWS credentials found: set up a profile in ~\/\.aws\/config/);

  // With credentials, one call is answered and one refused by the service: both are calls.
  Object.assign(process.env, withCredentials);
  fixture.fake.script({ kind: 'text', text: 'OK' }, { kind: 'error', type: 'UnrecognizedClientException' });
  await analysis.testConnection();
  await analysis.testConnection();
  const report = analysis.usage(30);
  expect(report.models).toEqual([expect.objectContaining({ modelId: HAIKU, calls: 2, failures: 1 })]);
  expect(report.notSent[0].count).toBe(refused.notSent[0].count);
});
