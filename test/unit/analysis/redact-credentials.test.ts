import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactCredentials } from '../../../electron/analysis/bedrock/redact-credentials';

const KEY_ID = 'ASIAQWERTYUIOP123456';
const SIGNATURE = '7021f3eb44353b0de9d1e6f2ce73eb9e9c76e981194cf9737d16c678ab82e08f';
const TOKEN = `IQoJb3JpZ2luX2VjEXAMPLE${'Zm9vYmFy'.repeat(40)}==`;

/** What AWS's front door answers to a malformed Authorization header: the header, echoed. */
const ECHO =
  `Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 ` +
  `Credential=${KEY_ID}/20261205/us-east-1/bedrock/aws4_request, Signature=${SIGNATURE}, ` +
  `X-Amz-Security-Token=${TOKEN}`;

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
const keyId = fc
  .tuple(fc.constantFrom('AKIA', 'ASIA'), fc.array(fc.constantFrom(...UPPER_ALNUM), { minLength: 16, maxLength: 16 }))
  .map(([prefix, rest]) => prefix + rest.join(''));
/** STS session tokens are base64 and begin alike ("IQoJb3JpZ2lu…"); real ones run to hundreds of characters. */
const sessionToken = fc.base64String({ minLength: 16, maxLength: 800 }).map((tail) => `IQoJb3JpZ2lu${tail}`);
const longToken = fc.base64String({ minLength: 64, maxLength: 800 }).map((tail) => `IQoJb3JpZ2lu${tail}`);
const tokenName = fc.constantFrom('X-Amz-Security-Token', 'x-amz-security-token', 'SessionToken', 'security token');
const separator = fc.constantFrom('=', ': ', ':', '="', "='", ' = ', '": "');
/** Any text around the secret: other headers, prose, unicode, quotes. */
const around = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 }));

describe('redacting credentials from error text', () => {
  it('removes the key id, scope, signature and session token that AWS echoes, and keeps the rest', () => {
    const redacted = redactCredentials(ECHO, []);
    for (const secret of [KEY_ID, SIGNATURE, TOKEN, TOKEN.slice(0, 40), '20261205/us-east-1']) {
      expect(redacted).not.toContain(secret);
    }
    expect(redacted).toContain(`Credential=${REDACTED}`);
    expect(redacted).toContain(`Signature=${REDACTED}`);
    expect(redacted).toContain("Authorization header requires 'SignedHeaders' parameter.");
  });

  it('removes a known secret wherever it stands', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const redacted = redactCredentials(`bad secret ${secret}; and again:${secret}.`, [secret]);
    expect(redacted).toBe(`bad secret ${REDACTED}; and again:${REDACTED}.`);
  });

  it('leaves ordinary messages, model ids and ARNs alone', () => {
    for (const text of [
      'The provided model identifier is invalid.',
      'us.anthropic.claude-3-7-sonnet-20250219-v1:0 is not available in eu-west-3',
      'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0',
      'The security token included in the request is invalid.',
    ])
      expect(redactCredentials(text, [])).toBe(text);
  });

  it('never lets an access key id through, whatever surrounds it', () => {
    fc.assert(
      fc.property(around, keyId, around, (before, key, after) => {
        expect(redactCredentials(`${before}${key}${after}`, [])).not.toContain(key);
      }),
    );
  });

  it('never lets a session token after its name through', () => {
    fc.assert(
      fc.property(around, tokenName, separator, sessionToken, around, (before, name, sep, token, after) => {
        expect(redactCredentials(`${before}${name}${sep}${token}${after}`, [])).not.toContain(token);
      }),
    );
  });

  it('never lets a long token through, even without its name', () => {
    fc.assert(
      fc.property(around, longToken, around, (before, token, after) => {
        expect(redactCredentials(`${before}${token}${after}`, [])).not.toContain(token);
      }),
    );
  });

  it('never lets a known secret through', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9+/]{40}$/);
    fc.assert(
      fc.property(around, secret, around, (before, value, after) => {
        expect(redactCredentials(`${before}${value}${after}`, [value])).not.toContain(value);
      }),
    );
  });
});
