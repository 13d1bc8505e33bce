import type { ApiInput } from '../../shared/api';

export type BrushStroke = ApiInput<'editCutout'>['strokes'][number];
export type BrushMode = BrushStroke['mode'];

/** The "quick mask" convention: what the cut-out drops is tinted red, the product stays clear. */
const DROPPED_TINT = [220, 38, 70] as const;
const DROPPED_OPACITY = 0.55;

const BRUSH_COLOURS: Record<BrushMode, string> = { add: '#2b8a3e', remove: '#c92a2a' };

export function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the cut-out mask could not be read'));
    image.src = url;
  });
}

/** Draws the mask (white: product) as a tint over everything it leaves out. */
export function paintMaskOverlay(canvas: HTMLCanvasElement, image: HTMLImageElement): void {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return;
  const { width, height } = canvas;
  context.clearRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  const pixels = context.getImageData(0, 0, width, height);
  const data = pixels.data;
  const [r, g, b] = DROPPED_TINT;
  for (let i = 0; i < data.length; i += 4) {
    const kept = data[i];
    data[i] = r;
    data[i + 1] = g;
    data[i + 2] = b;
    data[i + 3] = Math.round((255 - kept) * DROPPED_OPACITY);
  }
  context.putImageData(pixels, 0, 0);
}

/** Strokes not yet reflected in the mask, drawn as the brush left them. */
export function drawStrokes(canvas: HTMLCanvasElement, strokes: readonly BrushStroke[]): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.lineCap = 'round';
  context.lineJoin = 'round';
  for (const stroke of strokes) {
    const [first, ...rest] = stroke.points;
    context.strokeStyle = context.fillStyle = BRUSH_COLOURS[stroke.mode];
    context.lineWidth = stroke.radius * 2;
    context.beginPath();
    context.arc(first[0], first[1], stroke.radius, 0, Math.PI * 2);
    context.fill();
    context.beginPath();
    context.moveTo(first[0], first[1]);
    for (const [x, y] of rest) context.lineTo(x, y);
    context.stroke();
  }
}
