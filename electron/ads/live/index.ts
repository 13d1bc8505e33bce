/** Live images: a short seeded loop (animated WebP, MP4 when ffmpeg is there) made locally from an ad's layers. */
export { renderLoop, frameAt, type LoopLayers, type LoopOptions, type LiveLoop } from './loop';
export { LIVE_BUDGETS, type LiveBudget } from './budgets';
