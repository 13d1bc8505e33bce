/**
 * Nova Canvas (and Titan Image, same request format) editing a finished variant: INPAINTING repaints
 * the region, IMAGE_VARIATION paints the whole scene again "more like this one". The caller keeps only
 * the region of what comes back, so the product and everything outside the region stay exactly as they were.
 */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import sharp from 'sharp';
import { remoteSize } from './image-generator';
import { decodeTo, firstImage, invokeJson } from './nova-canvas';

export interface NovaEditRequest {
  kind: 'inpaint' | 'variation';
  /** The variant as it is: raw RGB, width × height. */
  rgb: Buffer;
  width: number;
  height: number;
  /** 255 where the picture may change. */
  region: Buffer;
  /** What should be there; null asks the model to take away what is in the region. */
  text: string | null;
  negativeText: string;
  /** How close a variation stays to the variant (0.2–1). */
  similarity: number;
  seed: number;
}

export async function novaEditBody(request: NovaEditRequest): Promise<Record<string, unknown>> {
  const size = remoteSize(request.width, request.height);
  const { width, height } = request;
  const image = await sharp(request.rgb, { raw: { width, height, channels: 3 } })
    .resize(size.width, size.height, { fit: 'fill' })
    .png()
    .toBuffer();
  const text = request.text?.slice(0, 1024) || undefined;
  const negativeText = request.negativeText.slice(0, 1024) || undefined;
  const config = { numberOfImages: 1, quality: 'standard', cfgScale: 6.5, seed: request.seed };
  if (request.kind === 'variation') {
    return {
      taskType: 'IMAGE_VARIATION',
      imageVariationParams: {
        images: [image.toString('base64')],
        similarityStrength: request.similarity,
        text,
        negativeText,
      },
      imageGenerationConfig: { ...config, ...size },
    };
  }
  // Nova's inpainting changes the black part of the mask and keeps the white (the reverse of outpainting), and
  // takes only pure black and white: "Image generation and editing", Masking images, in the Amazon Nova user guide.
  const maskImage = await sharp(request.region, { raw: { width, height, channels: 1 } })
    .resize(size.width, size.height, { fit: 'fill', kernel: 'nearest' })
    .threshold(128)
    .negate()
    .png()
    .toBuffer();
  return {
    taskType: 'INPAINTING',
    // Without text, Nova removes what the mask covers (the user guide's "Inpainting prompts").
    inPaintingParams: { image: image.toString('base64'), maskImage: maskImage.toString('base64'), text, negativeText },
    imageGenerationConfig: config,
  };
}

/** One edit call; the picture comes back at the variant's size as raw RGB. */
export async function novaEdit(
  client: BedrockRuntimeClient,
  modelId: string,
  request: NovaEditRequest,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  const reply = await invokeJson<{ images?: string[]; error?: string | null }>(
    client,
    modelId,
    await novaEditBody(request),
    timeoutMs,
    signal,
  );
  return (await decodeTo(firstImage(modelId, reply.images, reply.error), request.width, request.height)).rgb;
}
