import { ZodError } from 'zod';
import { apiContract, type ApiMethod, type SwatchbookApi } from '../../shared/api';
import type { BridgeCallResult } from '../../shared/api/bridge';
import { InvalidRequestError, NotFoundError, UserFacingError } from '../../shared/errors';

export class ApiInputError extends InvalidRequestError {
  constructor(
    readonly method: string,
    readonly issues: string[],
  ) {
    super(`invalid input for ${method}: ${issues.join('; ')}`);
  }
}

export class UnknownMethodError extends NotFoundError {}

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}

/**
 * The transport boundary: validates untrusted input against the contract, calls the
 * implementation, and validates what goes back, whatever carried the call (IPC or HTTP).
 */
export async function dispatchApiCall(
  api: Partial<SwatchbookApi>,
  method: string,
  rawInput: unknown,
): Promise<unknown> {
  if (!isApiMethod(method) || !api[method]) throw new UnknownMethodError(`unknown API method: ${method.slice(0, 80)}`);
  const { input: inputSchema, output: outputSchema } = apiContract[method];
  let input: unknown;
  try {
    input = inputSchema.parse(rawInput ?? {});
  } catch (error) {
    if (error instanceof ZodError) {
      throw new ApiInputError(
        method,
        error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`),
      );
    }
    throw error;
  }
  const handler = api[method] as (input: unknown) => Promise<unknown>;
  return outputSchema.parse(await handler(input));
}

/** Never rejects: failures come back with the status a transport should report and a message safe to show. */
export async function settleApiCall(
  api: Partial<SwatchbookApi>,
  method: string,
  input: unknown,
): Promise<BridgeCallResult> {
  try {
    return { ok: true, value: await dispatchApiCall(api, method, input) };
  } catch (error) {
    if (error instanceof UserFacingError) return { ok: false, status: error.status, error: error.message };
    console.error(`swatchbook: ${method.slice(0, 80)} failed:`, error);
    return { ok: false, status: 500, error: error instanceof Error ? error.message : 'internal error' };
  }
}
