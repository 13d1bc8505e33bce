import type { ModelAnalysis } from '../../shared/model';

/**
 * A model answer as a shard file holds it: the requested model left out when it is the model that
 * answered (every answer but a prompt router's) and `escalatedFrom` when it is null; ~80 bytes of
 * each answer, a twentieth of a library. The keys an answer is found by stay first on its line
 * (see stringAt in shard-rewrite.ts).
 */
export type PackedAnswer = Omit<ModelAnalysis, 'requestedModelId' | 'escalatedFrom'> &
  Partial<Pick<ModelAnalysis, 'requestedModelId' | 'escalatedFrom'>>;

export function packAnswer(answer: ModelAnalysis): PackedAnswer {
  const { hash, modelId, requestedModelId, promptVersion, escalatedFrom, ...rest } = answer;
  return {
    hash,
    modelId,
    ...(requestedModelId !== modelId && { requestedModelId }),
    promptVersion,
    ...rest,
    ...(escalatedFrom !== null && { escalatedFrom }),
  };
}

/** The answer again, in place (a record just read from its file, which nothing else holds). */
export function unpackAnswer(stored: PackedAnswer): ModelAnalysis {
  const answer = stored as ModelAnalysis;
  answer.requestedModelId ??= answer.modelId;
  answer.escalatedFrom ??= null;
  return answer;
}
