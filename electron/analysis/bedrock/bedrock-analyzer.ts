import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { Analyzer } from '../analyzer';
import { converseDesigns } from './converse';

/** Amazon Bedrock through the Converse API, several designs per call. */
export function bedrockAnalyzer(client: () => BedrockRuntimeClient, timeoutMs: () => number): Analyzer {
  return {
    kind: 'bedrock',
    remote: true,
    models: (settings) => ({ primary: settings.attributesModel, escalation: settings.escalationModel }),
    async analyze(items, modelId, signal) {
      const designs = [];
      for (const item of items) designs.push({ images: await item.images() });
      return converseDesigns({ client: client(), modelId, timeoutMs: timeoutMs() }, designs, signal);
    },
  };
}
