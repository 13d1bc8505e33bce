/**
 * A Stability AI text-to-image model on Bedrock (e.g. Stable Image Core): it paints a
 * background from the prompt; the product is laid over it by the compositor.
 */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { ImageGenerator } from './image-generator';
import { decodeTo, firstImage, invokeJson } from './nova-canvas';

const RATIOS = ['21:9', '16:9', '3:2', '5:4', '1:1', '4:5', '2:3', '9:16', '9:21'] as const;

export function stabilityGenerator(
  client: () => BedrockRuntimeClient,
  modelId: string,
  timeoutMs: () => number,
): ImageGenerator {
  return {
    id: modelId,
    remote: true,
    replacesBackground: false,
    async generate(request, signal) {
      const body = {
        prompt: request.concept.prompt,
        negative_prompt: request.concept.negativePrompt || undefined,
        seed: request.seed,
        aspect_ratio: nearestRatio(request.width / request.height),
        output_format: 'png',
      };
      const reply = await invokeJson<{ images?: string[]; finish_reasons?: (string | null)[] }>(
        client(),
        modelId,
        body,
        timeoutMs(),
        signal,
      );
      return decodeTo(firstImage(modelId, reply.images, reply.finish_reasons?.[0]), request.width, request.height);
    },
  };
}

function nearestRatio(aspect: number): string {
  const value = (r: string) => {
    const [w, h] = r.split(':').map(Number);
    return w / h;
  };
  return RATIOS.reduce((best, r) =>
    Math.abs(Math.log(value(r) / aspect)) < Math.abs(Math.log(value(best) / aspect)) ? r : best,
  );
}
