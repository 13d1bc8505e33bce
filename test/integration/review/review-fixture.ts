/** A real library of small generated images, each with one or two model answers recorded. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ModelAnalysis } from '../../../shared/model/ai';
import { ModelAttributes } from '../../../shared/model/attributes';
import { Library } from '../../../electron/library';
import { PROMPT_VERSION } from '../../../electron/analysis';
import { TYPICAL_REPLY } from '../../../electron/analysis/bedrock/prompt';
import { makeChecks, makePhotoLike, makeStripes } from '../../support/images';
import { tempDirs } from '../../support/temp-dirs';

export const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
export const SONNET = 'us.anthropic.claude-sonnet-4-20250514-v1:0';

export function answer(hash: string, modelId: string, over: Partial<ModelAttributes> = {}, at = 1_000): ModelAnalysis {
  // ModelAttributes strips the tool entry's "design" number.
  const attributes = ModelAttributes.parse({ ...TYPICAL_REPLY, ...over });
  return { hash, modelId, requestedModelId: modelId, promptVersion: PROMPT_VERSION, schemaVersion: 1, attributes, confidence: 0.8, escalatedFrom: null, costUsd: 0.0004, at };
}

export interface ReviewFixture {
  library: Library;
  root: string;
  dataDir: string;
  hashes: string[];
  close(): Promise<void>;
}

export async function openReviewFixture(count = 3, options: { dataDir?: string } = {}): Promise<ReviewFixture> {
  const dirs = tempDirs();
  const root = await dirs.make('review-lib-');
  await fs.mkdir(path.join(root, 'prints'));
  // Every image differs (identical bytes would be one asset).
  const makers = [
    (i: number) => makeStripes({ width: 300, height: 200, period: 16 + i, orientation: 'vertical', colours: ['#1b2a4a', '#ffffff'] }),
    (i: number) => makeChecks({ width: 300, height: 300, period: 24 + i, colours: ['#d21f1f', '#ffffff'] }),
    (i: number) => makePhotoLike({ width: 320, height: 240, seed: i + 1 }),
  ];
  for (let i = 0; i < count; i++) await fs.writeFile(path.join(root, 'prints', `design-${String(i).padStart(2, '0')}.png`), await makers[i % 3](i));
  const dataDir = options.dataDir ?? (await dirs.make('review-data-'));
  const library = await Library.open({ dataDir });
  await library.addFolder(root);
  await library.idle();
  const hashes = library.store.search({ sort: 'name', order: 'asc', limit: 1000 }).items.map((i) => i.hash);
  hashes.forEach((hash, i) => library.store.recordModelAnalysis(answer(hash, HAIKU, { description: `Haiku says design ${i}.` }, 1_000 + i)));
  return {
    library, root, dataDir, hashes,
    async close() {
      await library.close();
      await dirs.cleanup();
    },
  };
}
