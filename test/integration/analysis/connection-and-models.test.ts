import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiHost } from '../../../electron/api/api-host';
import {
  HAIKU,
  keepEnv,
  openAnalysisFixture,
  SONNET,
  withoutCredentials,
  type AnalysisFixture,
} from './analysis-fixture';

let fixture: AnalysisFixture | null = null;
const restoreEnv = keepEnv();
afterEach(async () => {
  await fixture?.close();
  fixture = null;
  restoreEnv();
  vi.restoreAllMocks();
});

/** A loopback port with nothing listening: what "offline" looks like to the SDK. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Settings: test connection', () => {
  it('says the model answered, and how fast', async () => {
    fixture = await openAnalysisFixture({}, { photos: 0 });
    fixture.fake.script({ kind: 'text', text: 'OK' });
    const check = await fixture.engine.analysis.testConnection();
    expect(check).toMatchObject({ ok: true, problem: null, modelId: HAIKU, region: 'us-east-1' });
    expect(check.message).toMatch(/Connected: anthropic\.claude-3-haiku.* answered in us-east-1/);
    expect(fixture.fake.requests[0].body).toMatchObject({ inferenceConfig: { maxTokens: 1 } });
  });

  it.each([
    ['ExpiredTokenException', 'expired-token', /session has expired.*aws sso login/],
    ['AccessDeniedException', 'access-denied', /enable access to this model in the Bedrock console/],
    ['ResourceNotFoundException', 'wrong-region', /not available in us-east-1/],
    ['ThrottlingException', 'throttled', /throttling/],
  ] as const)('names the problem when Bedrock answers %s', async (type, problem, message) => {
    fixture = await openAnalysisFixture({}, { photos: 0 });
    fixture.fake.script({ kind: 'error', type });
    const check = await fixture.engine.analysis.testConnection();
    expect(check).toMatchObject({ ok: false, problem });
    expect(check.message).toMatch(message);
  });

  it('tells offline apart from a refusal', async () => {
    fixture = await openAnalysisFixture({}, { photos: 0 });
    process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = `http://127.0.0.1:${await closedPort()}`;
    fixture.engine.analysis.updateSettings({ region: 'us-west-2' });
    const check = await fixture.engine.analysis.testConnection();
    expect(check).toMatchObject({ ok: false, problem: 'offline' });
    expect(check.message).toMatch(/Cannot reach Amazon Bedrock/);
  });
});

describe('Settings: the models this account can use', () => {
  it('lists models and inference profiles, warning about legacy models and configured ids not offered', async () => {
    fixture = await openAnalysisFixture({ escalationModel: SONNET }, { photos: 0 });
    process.env.AWS_ENDPOINT_URL_BEDROCK = fixture.fake.controlEndpoint;
    fixture.engine.analysis.updateSettings({ attributesModel: 'anthropic.claude-2-retired-v1' });
    const { models, problem } = await fixture.engine.analysis.listModels();
    expect(problem).toBeNull();
    const byId = new Map(models.map((m) => [m.id, m]));
    expect(byId.get(HAIKU)).toMatchObject({ kind: 'model', lifecycle: 'ACTIVE', warning: null });
    expect(byId.get('anthropic.claude-3-5-sonnet-20240620-v1:0')?.warning).toMatch(/Legacy/);
    expect(byId.get(SONNET)).toMatchObject({ kind: 'inference-profile', lifecycle: 'ACTIVE' });
    expect(byId.get('anthropic.claude-2-retired-v1')?.warning).toMatch(/Not offered to this account in us-east-1/);
    expect(fixture.fake.requests.map((r) => r.api)).toEqual(
      expect.arrayContaining(['listFoundationModels', 'listInferenceProfiles']),
    );
  });

  it('answers without credentials with the same state the connection test names, not an error', async () => {
    fixture = await openAnalysisFixture({}, { photos: 0 });
    process.env.AWS_ENDPOINT_URL_BEDROCK = fixture.fake.controlEndpoint;
    withoutCredentials();
    const logged = vi.spyOn(console, 'error');
    const host = new ApiHost(fixture.engine);
    try {
      const listed = await host.call('listAvailableModels', {});
      const tested = await host.call('testConnection', {});
      expect(listed).toMatchObject({ ok: true, value: { models: [], problem: 'no-credentials' } });
      expect(tested).toMatchObject({ ok: true, value: { ok: false, problem: 'no-credentials' } });
      const { message } = (listed as { value: { message: string } }).value;
      expect(message).toBe((tested as { value: { message: string } }).value.message);
      expect(message).toMatch(/~\/\.aws\/config/);
    } finally {
      host.events.close();
    }
    expect(logged).not.toHaveBeenCalled();
    expect(fixture.fake.requests).toHaveLength(0);
  });

  it('says when the account may not list models, without blaming model access', async () => {
    fixture = await openAnalysisFixture({}, { photos: 0 });
    process.env.AWS_ENDPOINT_URL_BEDROCK = fixture.fake.controlEndpoint;
    const denied = { kind: 'error', type: 'AccessDeniedException' } as const;
    fixture.fake.scriptControl(denied, denied);
    const catalog = await fixture.engine.analysis.listModels();
    expect(catalog).toMatchObject({ models: [], problem: 'access-denied' });
    expect(catalog.message).toMatch(/may not list Bedrock models in us-east-1.*bedrock:ListFoundationModels/);
  });
});
