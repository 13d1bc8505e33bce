/**
 * AWS's signature errors repeat the request's Authorization header and session token. Nothing
 * the service echoes may reach the data folder, the API's replies or the console.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { ApiHost } from '../../../electron/api/api-host';
import { allFiles, captureConsole, expectNone } from '../../support/leak-check';
import { openAnalysisFixture, type AnalysisFixture } from './analysis-fixture';

/** Temporary credentials, as SSO and assumed roles hand out: an ASIA key id with a session token. */
const KEY_ID = 'ASIAECHOEDKEY0000001';
const SECRET = 'echoed-secret-wJalrXUtnFEMI/K7MDENG';
const TOKEN = `IQoJb3JpZ2luX2VjEJr${Buffer.from('session token bytes '.repeat(20)).toString('base64')}`;
const ENV_KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL_BEDROCK'];

let fixture: AnalysisFixture | null = null;
let host: ApiHost | null = null;
afterEach(async () => {
  host?.events.close();
  await fixture?.close();
  host = null;
  fixture = null;
  for (const key of ENV_KEYS) delete process.env[key];
  vi.restoreAllMocks();
});

it('keeps echoed key ids and session tokens out of the data folder, the API replies and the console', async () => {
  fixture = await openAnalysisFixture({}, { photos: 1 });
  const { fake, engine } = fixture;
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: KEY_ID,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_SESSION_TOKEN: TOKEN,
    AWS_ENDPOINT_URL_BEDROCK: fake.controlEndpoint,
  });
  const printed = captureConsole();
  host = new ApiHost(fixture.engine);
  const echo = { kind: 'error', type: 'IncompleteSignatureException', echoCredentials: true } as const;
  fake.setFallback(echo);
  fake.scriptControl(echo, echo);

  const replies: unknown[] = [await host.call('startAnalysis', { hashes: fixture.assets.map((a) => a.hash) })];
  await engine.analysis.queue.settled();
  const reads = ['analysisProgress', 'listAnalysisJobs', 'testConnection', 'usageReport', 'listAvailableModels'];
  for (const method of reads) {
    replies.push(await host.call(method, {}));
  }
  await engine.store.flush();

  // The fake did echo them, so the checks below are about something.
  const signed = fake.requests.filter((r) => r.auth?.scheme === 'sigv4' && r.auth.accessKeyId === KEY_ID);
  expect(signed.some((r) => r.headers['x-amz-security-token'] === TOKEN)).toBe(true);
  expectNone([KEY_ID, SECRET, TOKEN, TOKEN.slice(0, 40)], {
    'data folder': await allFiles(fixture.dataDir),
    'API replies': JSON.stringify(replies),
    console: printed.join('\n'),
  });
  // Signature errors hold the queue with the fixed credentials message, not the service's text.
  expect(engine.analysis.queue.progress().holdReason).toMatch(/^AWS did not accept the credentials/);
  for (const reply of [replies[3], replies[5]] as { ok: true; value: { problem: string; message: string } }[]) {
    expect(reply.value.problem).toBe('invalid-credentials');
    expect(reply.value.message).toMatch(/^AWS did not accept the credentials/);
  }
});
