/** What leaves the machine for one image: planned from the local analysis, rendered from the original. */
export {
  planModelInput,
  naivePlan,
  planImageTokens,
  imageTokens,
  partSize,
  MODEL_MAX_EDGE,
  type ModelInputPlan,
  type PlannedPart,
  type PlannableAsset,
} from './plan';
export { renderModelInput, renderAssetInput, readOriginal, ModelInputError, type ModelImage } from './render';
