import type { ModelAnalysis } from '../../shared/model';

/**
 * A model answer as a shard file holds it: the requested model left out when it is the model that
 * answered (every answer but a prompt router's), `escalatedFrom` when it is null and the answer
 * schema when it is the first; ~100 bytes of each answer, a twentieth of a library. The keys an answer is found by stay first on its line
 * (see stringAt in shard-rewrite.ts).
 */
export type PackedAnswer = Omit<ModelAnalysis, 'requestedModelId' | 'escalatedFrom' | 'schemaVersion'> &
  Partial<Pick<ModelAnalysis, 'requestedModelId' | 'escalatedFrom' | 'schemaVersion'>>;

/** The answer schema every answer so far has; one a later schema writes keeps its number. */
const FIRST_SCHEMA = 1;

export function packAnswer(answer: ModelAnalysis): PackedAnswer {
  const { hash, modelId, requestedModelId, promptVersion, escalatedFrom, schemaVersion, ...rest } = answer;
  return {
    hash,
    modelId,
    ...(requestedModelId !== modelId && { requestedModelId }),
    promptVersion,
    ...(schemaVersion !== FIRST_SCHEMA && { schemaVersion }),
    ...rest,
    ...(escalatedFrom !== null && { escalatedFrom }),
  };
}

/** The answer again, in place (a record just read from its file, which nothing else holds). */
export function unpackAnswer(stored: PackedAnswer): ModelAnalysis {
  const answer = stored as ModelAnalysis;
  answer.requestedModelId ??= answer.modelId;
  answer.escalatedFrom ??= null;
  answer.schemaVersion ??= FIRST_SCHEMA;
  return answer;
}
