import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyBedrockError } from '../../../electron/analysis/bedrock/bedrock-errors';
import type { CredentialSource } from '../../../shared/model/ai';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
/** Browser mode or the CLI: no keychain, so no access key can be entered in Settings. */
const DEFAULT_CHAIN: CredentialSource = { kind: 'default' };
const context = { modelId: MODEL, region: 'eu-west-3', source: DEFAULT_CHAIN, canStoreKeys: false };
const desktop = { ...context, canStoreKeys: true };
const profile = { ...context, source: { kind: 'profile', profile: 'design-team' } as CredentialSource };
const named = (name: string, message = 'x', extra: object = {}) =>
  Object.assign(new Error(message), { name, ...extra });

describe('what a failed Bedrock call means', () => {
  it.each([
    ['CredentialsProviderError', 'no-credentials', 'hold', /No AWS credentials/],
    ['ExpiredTokenException', 'expired-token', 'hold', /expired/],
    ['UnrecognizedClientException', 'invalid-credentials', 'hold', /did not accept/],
    ['AccessDeniedException', 'access-denied', 'hold', /Model access.*eu-west-3/],
    ['ResourceNotFoundException', 'wrong-region', 'hold', /not available in eu-west-3/],
    ['ThrottlingException', 'throttled', 'throttle', /throttling/],
    ['ServiceUnavailableException', 'unknown', 'retry', /retrying/],
    ['TimeoutError', 'timeout', 'retry', /did not answer in time/],
  ])('%s → %s, %s', (name, problem, action, message) => {
    const failure = classifyBedrockError(named(name), context);
    expect(failure).toMatchObject({ problem, action });
    expect(failure.message).toMatch(message);
  });

  it('tells a wrong model id from a request the model refused', () => {
    expect(
      classifyBedrockError(named('ValidationException', 'The provided model identifier is invalid.'), context).problem,
    ).toBe('wrong-region');
    expect(classifyBedrockError(named('ValidationException', 'image exceeds 5 MB maximum'), context)).toMatchObject({
      action: 'fail',
      problem: 'unknown',
    });
    expect(classifyBedrockError(named('ValidationException', 'blocked by our content filters'), context).outcome).toBe(
      'blocked',
    );
  });

  it('waits out being offline, but retries a connection that dropped mid-call', () => {
    expect(
      classifyBedrockError(
        Object.assign(new Error('getaddrinfo ENOTFOUND bedrock-runtime'), { code: 'ENOTFOUND' }),
        context,
      ),
    ).toMatchObject({ problem: 'offline', action: 'hold' });
    expect(
      classifyBedrockError(Object.assign(new Error('stream error'), { code: 'ERR_HTTP2_STREAM_ERROR' }), context)
        .action,
    ).toBe('retry');
  });

  it('repeats the service text only redacted, whatever it carries', () => {
    const upper = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
    const keyId = fc.array(upper, { minLength: 16, maxLength: 16 }).map((chars) => `ASIA${chars.join('')}`);
    const token = fc.base64String({ minLength: 16, maxLength: 600 }).map((tail) => `IQoJb3JpZ2lu${tail}`);
    const name = fc.constantFrom('ValidationException', 'SomethingNew');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), keyId, token, name, (around, key, session, type) => {
        const error = named(type, `${around} Credential=${key}/20261205/us-east-1 x-amz-security-token: ${session}`);
        const { message } = classifyBedrockError(error, context);
        expect(message).not.toContain(key);
        expect(message).not.toContain(session.slice(0, 24));
      }),
    );
  });

  it('never repeats what the error carried beyond a short excerpt', () => {
    const failure = classifyBedrockError(named('Weird', 'y'.repeat(5000)), context);
    expect(failure.message.length).toBeLessThan(400);
  });

  it('says what the mode offers when there are no credentials: an access key in Settings only on the desktop', () => {
    const missing = named('CredentialsProviderError', 'Could not load credentials from any providers');
    const browser = classifyBedrockError(missing, context);
    expect(browser).toMatchObject({ problem: 'no-credentials', action: 'hold', notSent: 'no-credentials' });
    expect(browser.message).toMatch(/~\/\.aws\/config.*aws sso login.*AWS_ACCESS_KEY_ID/);
    expect(browser.message).not.toMatch(/access key in Settings/i);
    expect(classifyBedrockError(missing, desktop).message).toMatch(/enter an access key in Settings/);
    const forProfile = classifyBedrockError(missing, profile).message;
    expect(forProfile).toMatch(/profile "design-team".*aws sso login --profile design-team/);
  });

  it('tells a signed-out SSO session from missing setup', () => {
    const sso = named('CredentialsProviderError', 'The SSO session associated with this profile has expired. …');
    expect(classifyBedrockError(sso, profile)).toMatchObject({ problem: 'expired-token', notSent: 'no-credentials' });
    expect(classifyBedrockError(sso, profile).message).toMatch(/aws sso login --profile design-team/);
  });

  it.each([
    'IncompleteSignatureException',
    'InvalidSignatureException',
    'SignatureDoesNotMatch',
    'UnrecognizedClientException',
    'MissingAuthenticationTokenException',
    'InvalidClientTokenId',
  ])('answers %s with the credentials message, never with the text that came with it', (name) => {
    const echo =
      'Authorization=AWS4-HMAC-SHA256 ' +
      'Credential=AKIAIOSFODNN7EXAMPLE/20261205/us-east-1/bedrock/aws4_request, ' +
      'SignedHeaders=host, Signature=7021f3eb44353b0de9d1e6f2ce73eb9e9c76e981194cf9737d16c678ab82e08f';
    for (const mode of [context, desktop]) {
      const failure = classifyBedrockError(named(name, echo), mode);
      expect(failure).toMatchObject({ problem: 'invalid-credentials', action: 'hold', notSent: null });
      expect(failure.message).toMatch(/^AWS did not accept the credentials/);
      expect(failure.message).not.toMatch(/Credential=|AKIA|aws4_request/);
      expect(failure.message.includes('access key in Settings')).toBe(mode.canStoreKeys);
    }
  });

  it('never shows a problem code to the user', () => {
    const codes = /no-credentials|expired-token|invalid-credentials|access-denied|wrong-region|\[/;
    for (const mode of [context, desktop, profile]) {
      for (const name of ['CredentialsProviderError', 'ExpiredTokenException', 'UnrecognizedClientException']) {
        expect(classifyBedrockError(named(name), mode).message).not.toMatch(codes);
      }
    }
  });

  it('says which requests never left this machine', () => {
    const network = (code: string) => Object.assign(new Error(`connect ${code}`), { code });
    expect(classifyBedrockError(network('ECONNREFUSED'), context).notSent).toBe('offline');
    expect(classifyBedrockError(network('ECONNRESET'), context).notSent).toBeNull();
    expect(classifyBedrockError(named('ThrottlingException'), context).notSent).toBeNull();
    expect(classifyBedrockError(named('TimeoutError'), context).notSent).toBeNull();
  });
});
