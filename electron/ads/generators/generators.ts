import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { Concept } from '../../../shared/model/ads';
import { localBackground, type LibraryImage } from '../local-background';
import type { ImageGenerator } from './image-generator';
import { novaCanvasGenerator } from './nova-canvas';
import { stabilityGenerator } from './stability';

export interface GeneratorDeps {
  runtimeClient: () => BedrockRuntimeClient;
  timeoutMs: () => number;
  /** The library image a concept draws on (its pattern, or its lifestyle photo), read from its original. */
  libraryImage: (concept: Concept) => Promise<LibraryImage | null>;
}

/** The built-in compositor's backgrounds: no network, no credentials. */
export function localGenerator(deps: Pick<GeneratorDeps, 'libraryImage'>): ImageGenerator {
  return {
    id: 'local',
    remote: false,
    replacesBackground: false,
    async generate(request) {
      const drawn = await localBackground(
        request.concept,
        request.width,
        request.height,
        request.seed,
        await deps.libraryImage(request.concept),
      );
      return {
        rgb: drawn.rgb,
        width: request.width,
        height: request.height,
        recipe: drawn.recipe,
        assets: drawn.assets,
        floorShadow: drawn.floorShadow,
      };
    },
  };
}

/** The remote generator for a model id, by its provider prefix. */
export function remoteGenerator(modelId: string, deps: GeneratorDeps): ImageGenerator {
  const base = modelId.replace(/^(us|eu|apac|global)\./, '');
  if (base.startsWith('stability.')) return stabilityGenerator(deps.runtimeClient, modelId, deps.timeoutMs);
  return novaCanvasGenerator(deps.runtimeClient, modelId, deps.timeoutMs);
}
