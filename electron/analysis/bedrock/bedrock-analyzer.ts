import type { Analyzer } from '../analyzer';
import type { AnalyzerDeps } from '../analyzers';
import { AnalyzerFailure } from '../remote-failure';
import { classifyBedrockError } from './bedrock-errors';
import { converseDesigns, ConverseFailure } from './converse';
import { attributePrompt } from './prompt';

/** Amazon Bedrock through the Converse API, several designs per call; its errors leave it classified. */
export function bedrockAnalyzer(deps: AnalyzerDeps): Analyzer {
  const prompt = attributePrompt(deps.promptNotes());
  return {
    kind: 'bedrock',
    remote: true,
    promptVersion: prompt.version,
    models: (settings) => ({ primary: settings.attributesModel, escalation: settings.escalationModel }),
    async analyze(items, modelId, signal) {
      const designs = [];
      for (const item of items) designs.push({ images: await item.images() });
      try {
        return await converseDesigns(
          { client: deps.runtimeClient(), modelId, timeoutMs: deps.timeoutMs(), system: prompt.system },
          designs,
          signal,
        );
      } catch (error) {
        if (!(error instanceof ConverseFailure)) throw error;
        const failure = classifyBedrockError(error.cause, { modelId, region: deps.region(), ...deps.access() });
        throw new AnalyzerFailure(failure, error.calls, error.latencyMs);
      }
    },
  };
}
