/**
 * Amazon Nova Canvas (and Titan Image Generator, which shares the request format) through
 * InvokeModel: outpainting around the product mask when there is a product, so the product
 * stays as it is; colour-guided generation from the concept's palette; plain text-to-image
 * otherwise. A reply the service filtered is reported as blocked, never retried.
 */
import { InvokeModelCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import sharp from 'sharp';
import type { GenerationRequest, GeneratedImage, ImageGenerator } from './image-generator';

export class GenerationBlockedError extends Error {
  override name = 'GenerationBlockedError';
}

export function novaCanvasGenerator(
  client: () => BedrockRuntimeClient,
  modelId: string,
  timeoutMs: () => number,
): ImageGenerator {
  return {
    id: modelId,
    remote: true,
    replacesBackground: true,
    async generate(request, signal) {
      const reply = await invokeJson<{ images?: string[]; error?: string | null }>(
        client(),
        modelId,
        await novaBody(request),
        timeoutMs(),
        signal,
      );
      return decodeTo(firstImage(modelId, reply.images, reply.error), request.width, request.height);
    },
  };
}

export async function novaBody(request: GenerationRequest): Promise<Record<string, unknown>> {
  const { concept, width, height, seed } = request;
  const config = { numberOfImages: 1, quality: 'standard', cfgScale: 6.5, seed };
  const text = concept.prompt.slice(0, 1024);
  const negativeText = concept.negativePrompt ? concept.negativePrompt.slice(0, 1024) : undefined;
  if (request.product) {
    const raw = { width, height };
    const image = await sharp(request.product.canvas, { raw: { ...raw, channels: 3 } })
      .png()
      .toBuffer();
    // Nova's outpainting changes the white part of the mask and keeps the black: black is the product.
    const mask = await sharp(request.product.mask, { raw: { ...raw, channels: 1 } })
      .threshold(128)
      .negate()
      .png()
      .toBuffer();
    return {
      taskType: 'OUTPAINTING',
      outPaintingParams: {
        image: image.toString('base64'),
        maskImage: mask.toString('base64'),
        text,
        negativeText,
        outPaintingMode: 'PRECISE',
      },
      imageGenerationConfig: config,
    };
  }
  if (concept.palette.length) {
    return {
      taskType: 'COLOR_GUIDED_GENERATION',
      colorGuidedGenerationParams: { colors: concept.palette.slice(0, 10), text, negativeText },
      imageGenerationConfig: { ...config, width, height },
    };
  }
  return {
    taskType: 'TEXT_IMAGE',
    textToImageParams: { text, negativeText },
    imageGenerationConfig: { ...config, width, height },
  };
}

/** One InvokeModel call with a JSON body and reply, ended by the timeout or the caller's signal. */
export async function invokeJson<T>(
  client: BedrockRuntimeClient,
  modelId: string,
  body: unknown,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<T> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const output = await client.send(
    new InvokeModelCommand({
      modelId,
      contentType: 'application/json',
      accept: 'application/json',
      body: JSON.stringify(body),
    }),
    { abortSignal: signal ? AbortSignal.any([signal, timeout]) : timeout },
  );
  return JSON.parse(new TextDecoder().decode(output.body)) as T;
}

/** The first image of a reply; a stated reason for none (a content filter) is a block, not a failure to retry. */
export function firstImage(modelId: string, images: string[] | undefined, reason: string | null | undefined): Buffer {
  if (reason) throw new GenerationBlockedError(`${modelId} returned no image: ${reason}`);
  if (!images?.length) throw new Error(`${modelId} returned no image`);
  return Buffer.from(images[0], 'base64');
}

export async function decodeTo(bytes: Buffer, width: number, height: number): Promise<GeneratedImage> {
  const rgb = await sharp(bytes, { limitInputPixels: 50_000_000 })
    .resize(width, height, { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .raw()
    .toBuffer();
  return { rgb, width, height };
}

/** Nova Canvas's BACKGROUND_REMOVAL: the product's alpha as a mask (255 = product), at the input's size. */
export async function removeBackground(
  client: BedrockRuntimeClient,
  modelId: string,
  png: Buffer,
  timeoutMs: number,
): Promise<{ mask: Buffer; width: number; height: number }> {
  const body = { taskType: 'BACKGROUND_REMOVAL', backgroundRemovalParams: { image: png.toString('base64') } };
  const reply = await invokeJson<{ images?: string[]; error?: string | null }>(client, modelId, body, timeoutMs);
  const { data, info } = await sharp(firstImage(modelId, reply.images, reply.error))
    .ensureAlpha()
    .extractChannel(3)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { mask: data, width: info.width, height: info.height };
}
