import type { z } from 'zod';
import type { ApiContract, ApiMethod, ApiOutput } from '../../shared/api';

/** Inputs after zod parsing (defaults applied), which is what the implementation receives. */
export type ParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;

/** The implementation of some of the contract's methods: each part of the API builds its own. */
export type Handlers<M extends ApiMethod> = { [K in M]: (input: ParsedInput<K>) => Promise<ApiOutput<K>> };
