/** The ad studio: campaigns, cut-outs, concepts, generated and composed variants, approval and export. */
export { AdStudio, AdStudioError, DEFAULT_BRAND, type NewCampaign, type GenerateRequest } from './ad-studio';
export { BrushStroke } from './mask-edit';
