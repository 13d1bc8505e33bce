/**
 * What to send a vision model for one image, decided from the local analysis alone (no
 * decoding), so estimates and the bench can cost a run before anything is read.
 * A repeating pattern is one repeat tile at native detail plus a small whole for context;
 * a sheet is the whole plus its largest designs; a huge print is the whole plus one native
 * tile; anything else is the whole at a size that still shows the design.
 */
import type { Asset, Box } from '../../../shared/model/asset';

/** Claude's limits on Bedrock: longer edges are downscaled by the service anyway. */
export const MODEL_MAX_EDGE = 1568;
export const MODEL_MAX_BYTES = 3_750_000;
/** Claude scales images above ~1.15 megapixels down before counting tokens. */
const MODEL_MAX_PIXELS = 1_150_000;

const WHOLE_EDGE = 640;
const CONTEXT_EDGE = 384;
const DETAIL_EDGE = 512;
const SEGMENT_EDGE = 384;
const MAX_SEGMENTS = 3;
/** A repeat tile smaller than this is widened to whole repeats, so the model sees the motif. */
const MIN_TILE_EDGE = 256;
const SOLID_SKIP_CONFIDENCE = 0.8;
const REPEAT_MIN_SCORE = 0.5;

export interface PlannedPart {
  role: string;
  /** Crop in original pixels; the whole image when null. */
  box: Box | null;
  /** Long edge after downscaling (never upscaled). */
  maxEdge: number;
}

export interface ModelInputPlan {
  kind: 'skip' | 'repeat tile' | 'sheet' | 'large print' | 'whole';
  /** Why the image is not sent at all (solids: the local analysis already says everything). */
  skipReason: string | null;
  parts: PlannedPart[];
}

export type PlannableAsset = Pick<Asset, 'metadata' | 'analysis' | 'segments' | 'tiles'>;

export function planModelInput(asset: PlannableAsset): ModelInputPlan {
  const { pattern } = asset.analysis;
  const { width, height } = asset.metadata;
  if (pattern.solid && pattern.confidence >= SOLID_SKIP_CONFIDENCE) {
    return { kind: 'skip', skipReason: 'a solid colour: the local palette already describes it', parts: [] };
  }
  const whole = (maxEdge: number, role = 'whole image'): PlannedPart => ({ role, box: null, maxEdge });
  const repeat = pattern.repeat;
  if (repeat && repeat.score >= REPEAT_MIN_SCORE && repeat.width <= width / 2 && repeat.height <= height / 2) {
    return {
      kind: 'repeat tile',
      skipReason: null,
      parts: [
        { role: 'one repeat tile at native detail', box: repeatBox(repeat, width, height), maxEdge: DETAIL_EDGE },
        whole(CONTEXT_EDGE, 'whole image, small, for context'),
      ],
    };
  }
  if (asset.segments.length >= 2) {
    const largest = [...asset.segments].sort((a, b) => area(b.box) - area(a.box)).slice(0, MAX_SEGMENTS);
    return {
      kind: 'sheet',
      skipReason: null,
      parts: [
        whole(WHOLE_EDGE, 'the whole sheet'),
        ...largest.map((s, i) => ({ role: `design ${i + 1} on the sheet`, box: s.box, maxEdge: SEGMENT_EDGE })),
      ],
    };
  }
  if (asset.tiles.length > 0) {
    return {
      kind: 'large print',
      skipReason: null,
      parts: [whole(WHOLE_EDGE), { role: 'a native-resolution detail', box: asset.tiles[0].box, maxEdge: DETAIL_EDGE }],
    };
  }
  return { kind: 'whole', skipReason: null, parts: [whole(WHOLE_EDGE)] };
}

/** The naive pipeline the plan is measured against: the whole image at the model's limit. */
export function naivePlan(): ModelInputPlan {
  return { kind: 'whole', skipReason: null, parts: [{ role: 'whole image', box: null, maxEdge: MODEL_MAX_EDGE }] };
}

/** Pixel size of a part once cropped and downscaled. */
export function partSize(
  part: PlannedPart,
  imageWidth: number,
  imageHeight: number,
): { width: number; height: number } {
  const w = part.box?.width ?? imageWidth;
  const h = part.box?.height ?? imageHeight;
  const scale = Math.min(1, part.maxEdge / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/** Claude's rule of thumb: tokens ≈ width × height / 750, after its own downscaling. */
export function imageTokens(width: number, height: number): number {
  const pixels = Math.min(width * height, MODEL_MAX_PIXELS);
  return Math.ceil(pixels / 750);
}

export function planImageTokens(plan: ModelInputPlan, imageWidth: number, imageHeight: number): number {
  return plan.parts.reduce((sum, part) => {
    const { width, height } = partSize(part, imageWidth, imageHeight);
    return sum + imageTokens(width, height);
  }, 0);
}

/** Whole repeats from the top-left corner, widened until the crop is at least MIN_TILE_EDGE a side. */
function repeatBox(repeat: { width: number; height: number }, width: number, height: number): Box {
  const across = Math.max(1, Math.ceil(MIN_TILE_EDGE / repeat.width));
  const down = Math.max(1, Math.ceil(MIN_TILE_EDGE / repeat.height));
  return { x: 0, y: 0, width: Math.min(width, repeat.width * across), height: Math.min(height, repeat.height * down) };
}

function area(b: Box): number {
  return b.width * b.height;
}
