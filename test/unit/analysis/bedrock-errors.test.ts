import { describe, expect, it } from 'vitest';
import { classifyBedrockError } from '../../../electron/analysis/bedrock/bedrock-errors';

const context = { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', region: 'eu-west-3' };
const named = (name: string, message = 'x', extra: object = {}) => Object.assign(new Error(message), { name, ...extra });

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
    expect(classifyBedrockError(named('ValidationException', 'The provided model identifier is invalid.'), context).problem).toBe('wrong-region');
    expect(classifyBedrockError(named('ValidationException', 'image exceeds 5 MB maximum'), context)).toMatchObject({ action: 'fail', problem: 'unknown' });
    expect(classifyBedrockError(named('ValidationException', 'blocked by our content filters'), context).outcome).toBe('blocked');
  });

  it('waits out being offline, but retries a connection that dropped mid-call', () => {
    expect(classifyBedrockError(Object.assign(new Error('getaddrinfo ENOTFOUND bedrock-runtime'), { code: 'ENOTFOUND' }), context)).toMatchObject({ problem: 'offline', action: 'hold' });
    expect(classifyBedrockError(Object.assign(new Error('stream error'), { code: 'ERR_HTTP2_STREAM_ERROR' }), context).action).toBe('retry');
  });

  it('never repeats what the error carried beyond a short excerpt', () => {
    const failure = classifyBedrockError(named('Weird', 'y'.repeat(5000)), context);
    expect(failure.message.length).toBeLessThan(400);
  });
});
