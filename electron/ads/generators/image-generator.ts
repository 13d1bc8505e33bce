/**
 * One interface for whatever makes an ad's background: the built-in compositor, Amazon Nova
 * Canvas (or Titan Image, same request format), or a Stability model. A new provider is a
 * new file here and one line in generators.ts.
 */
import type { Concept } from '../../../shared/model/ads';

export interface GenerationRequest {
  concept: Concept;
  width: number;
  height: number;
  seed: number;
  /** For background replacement: the product placed on the canvas (raw RGB) and its mask (raw, 255 = product). */
  product: { canvas: Buffer; mask: Buffer } | null;
}

export interface GeneratedImage {
  /** Raw RGB, width × height of the request. */
  rgb: Buffer;
  width: number;
  height: number;
  /** What the local compositor drew, in words (a model's image is described by its prompt instead). */
  recipe?: string;
  /** Library images drawn into it, by hash. */
  assets?: string[];
  /** The product should stand on the floor with a soft shadow (a studio sweep). */
  floorShadow?: boolean;
}

export interface ImageGenerator {
  /** `local`, or the model id. */
  readonly id: string;
  readonly remote: boolean;
  /** Whether it can replace the background around the product (outpainting) rather than only paint one. */
  readonly replacesBackground: boolean;
  generate(request: GenerationRequest, signal?: AbortSignal): Promise<GeneratedImage>;
}

/** Bedrock image models take sides that are multiples of 16, 320–4096 px, at most 4:1, about a megapixel here. */
export function remoteSize(width: number, height: number): { width: number; height: number } {
  const aspect = Math.min(4, Math.max(1 / 4, width / height));
  const area = 1024 * 1024;
  const snap = (v: number) => Math.min(4096, Math.max(320, Math.round(v / 16) * 16));
  return { width: snap(Math.sqrt(area * aspect)), height: snap(Math.sqrt(area / aspect)) };
}
