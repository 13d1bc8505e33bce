/**
 * Cost of sending the ingested corpus to Claude 3 Haiku, from what would actually be sent
 * (the model-input plans: repeat tiles, sheets, downscaled wholes; solids skipped; several
 * designs per call), on demand and as a Bedrock batch job (as many designs per record, half
 * price), against the naive pipeline (each whole image at the model's limit, one per call). Tokens by Claude's rule of thumb (width × height / 750) plus the prompt and a
 * typical reply; nothing is sent anywhere.
 *   cost <dataDir>   prints one JSON line: { images, costPer1000Usd, naivePer1000Usd, ... }
 */
import { defaultAiSettings } from '../../electron/analysis';
import { estimateRun } from '../../electron/analysis/estimate';
import { planBatch } from '../../electron/analysis/batch/batch-offer';
import { openLibraryStore } from '../../electron/store';

const [dataDir] = process.argv.slice(2);
const store = await openLibraryStore(dataDir);
const assets = store.search({ limit: 1 }).total;
const all = [];
for (let offset = 0; offset < assets; offset += 1000) {
  for (const item of store.search({ offset, limit: 1000 }).items) all.push(store.getAsset(item.hash)!);
}
const settings = { ...defaultAiSettings({}), analyzer: 'bedrock' as const };
const estimate = estimateRun(all, settings, store.analysis, Date.now());
// The same run as a Bedrock batch job: as many designs per record as per call, at the batch price.
const batch = planBatch(all, settings, store.analysis, Date.now()).offer;
await store.close();
const per1000 = (usd: number) => (usd / all.length) * 1000;
console.log(
  JSON.stringify({
    images: all.length,
    sent: estimate.toSend,
    skipped: estimate.skipped,
    inputTokensPerImage: estimate.inputTokens / all.length,
    outputTokensPerImage: estimate.outputTokens / all.length,
    costPer1000Usd: per1000(estimate.costUsd),
    naivePer1000Usd: per1000(estimate.naiveCostUsd),
    batchPer1000Usd: per1000(batch.costUsd),
    model: settings.attributesModel,
  }),
);
