/**
 * AWS echoes parts of a rejected request in its error text: the Authorization header
 * (`Credential=AKIA…/20261205/us-east-1/bedrock/aws4_request`, `Signature=…`), the session
 * token, now and then more. Error text is stored, logged and shown, so all of it passes
 * through `redactCredentials` first.
 */

export const REDACTED = '[redacted]';

/** Shorter strings are too likely to be ordinary words to be cut out of a message wherever they appear. */
const MIN_SECRET_LENGTH = 8;
/** Credentials rotate (SSO, assumed roles); the latest few are enough to recognise an echo. */
const MAX_KNOWN = 16;

/** Each keeps its one group (the name before a value, or nothing) and loses the rest of the match. */
const PATTERNS: readonly RegExp[] = [
  // The signature's scope: the access key id, date, region and service up to the next separator.
  /(Credential\s*[=:]\s*)[^\s,;'"&]+/gi,
  /(Signature\s*[=:]\s*)[^\s,;'"&]+/gi,
  // A session token after its header or query name, quoted or not, URL-encoded or not.
  /((?:X-Amz-Security-Token|Security[-_ ]?Token|Session[-_ ]?Token)["']?\s*[=:]\s*["']?)[A-Za-z0-9+/=%_-]+/gi,
  // Access key ids: long-term (AKIA) and temporary (ASIA), 16 to 128 characters.
  /()(?:AKIA|ASIA)[A-Z0-9]{12,}/g,
  // A long base64 run is a token or a signed blob wherever it stands; messages have no such words.
  /()[A-Za-z0-9+/]{64,}={0,2}/g,
];

type CredentialPart = 'accessKeyId' | 'secretAccessKey' | 'sessionToken';

/** Secret values this process has handed to the SDK (never persisted), so an echo of them is recognised. */
const known: string[] = [];

/** Remembers the values of resolved credentials, so that `redactCredentials` removes them wherever they appear. */
export function rememberCredentials(credentials: Partial<Record<CredentialPart, string>>): void {
  for (const value of [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken]) {
    if (!value || value.length < MIN_SECRET_LENGTH || known.includes(value)) continue;
    known.push(value);
    if (known.length > MAX_KNOWN) known.shift();
  }
}

/** The text with access key ids, credential scopes, signatures, session tokens and known secrets replaced. */
export function redactCredentials(text: string, secrets: readonly string[] = known): string {
  let redacted = text;
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= MIN_SECRET_LENGTH) redacted = redacted.split(secret).join(REDACTED);
  }
  for (const pattern of PATTERNS) redacted = redacted.replace(pattern, `$1${REDACTED}`);
  return redacted;
}
