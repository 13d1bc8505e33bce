/**
 * A library large enough for a Bedrock batch job (its minimum is 100 records): small generated photos, real
 * ingest, the AWS environment pointed at the fake for the runtime, the control plane and S3.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AiSettings } from '../../../shared/model/ai';
import type { Asset } from '../../../shared/model/asset';
import { Engine } from '../../../electron/engine';
import { fakeBedrockEnv, type FakeBedrock } from '../../support/fake-bedrock';
import { makePhotoLike } from '../../support/images';
import type { tempDirs } from '../../support/temp-dirs';

type TempDirs = ReturnType<typeof tempDirs>;
import { HAIKU } from './analysis-fixture';

export const BATCH_BUCKET = 's3://swatch-batch/runs';
export const BATCH_ROLE = 'arn:aws:iam::123456789012:role/BedrockBatchRole';

export const batchSettings = (over: Partial<AiSettings> = {}): Partial<AiSettings> => ({
  analyzer: 'bedrock',
  attributesModel: HAIKU,
  escalationModel: null,
  designsPerCall: 8,
  batchS3Uri: BATCH_BUCKET,
  batchRoleArn: BATCH_ROLE,
  batchThreshold: 100,
  ...over,
});

/** `count` distinct photo-like images (none of them plain, so every one is sent). */
export async function photoFolder(dirs: TempDirs, count: number): Promise<string> {
  const root = await dirs.make('batch-lib-');
  for (let i = 0; i < count; i++) {
    const bytes = await makePhotoLike({ width: 96, height: 72, seed: i + 1, format: 'jpeg' });
    await fs.writeFile(path.join(root, `photo-${String(i).padStart(3, '0')}.jpg`), bytes);
  }
  return root;
}

export function pointAwsAt(fake: FakeBedrock): void {
  Object.assign(process.env, fakeBedrockEnv(fake));
}

export async function openBatchEngine(dataDir: string, batchPollMs: number): Promise<Engine> {
  return Engine.open({ dataDir, analysisTiming: { holdRetryMs: 300, backoffMs: 50, batchPollMs } });
}

export function allAssets(engine: Engine): Asset[] {
  return engine.store
    .search({ sort: 'name', order: 'asc', limit: 1000 })
    .items.map((item) => engine.store.getAsset(item.hash)!);
}
