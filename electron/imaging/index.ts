/** The imaging pipeline's public surface: what the ingest calls for each file. */
export { processImage, type ProcessedImage, type ProcessOptions } from './process-image';
export { thumbnailPath, previewPath } from './cache-files';
export { renderPreview, renderThumbnail } from './preview';
export { ImageRejectedError } from './errors';
export { bareDecodeAndThumbnail } from './bare';
export { DEFAULT_PIXEL_LIMIT } from './decode';
export { TILE_THRESHOLD_PIXELS } from './tiles';
export { ANALYZER_VERSION } from '../pixels';
export type { Raster } from '../pixels';
