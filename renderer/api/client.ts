import { API_METHODS, apiContract, type ApiMethod, type SwatchbookApi } from '../../shared/api';
import { ApiError, type Transport } from './transport';

/**
 * Builds the typed API from the contract over any transport. In development every reply
 * is checked against the contract so a drifting engine fails loudly near its cause.
 */
export function createApiClient(transport: Transport): SwatchbookApi {
  const client: Partial<Record<ApiMethod, (input: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    client[method] = async (input) => {
      const output = await transport.call(method, input ?? {});
      if (!import.meta.env.DEV) return output;
      const checked = apiContract[method].output.safeParse(output);
      if (!checked.success) throw new ApiError(method, `reply does not match the contract: ${checked.error.message}`);
      return checked.data;
    };
  }
  return client as SwatchbookApi;
}
