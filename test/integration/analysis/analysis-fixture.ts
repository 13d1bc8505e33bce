/**
 * A real library (generated images, real ingest, real lowdb) whose Bedrock calls go to the
 * fake server through the SDK's own endpoint variable, with fake static credentials.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AiSettings } from '../../../shared/model/ai';
import type { Asset } from '../../../shared/model/asset';
import { Engine, type EngineOptions } from '../../../electron/engine';
import { TYPICAL_REPLY } from '../../../electron/analysis/bedrock/prompt';
import { startFakeBedrock, type FakeBedrock } from '../../support/fake-bedrock';
import { makeChecks, makePhotoLike, makeSolid, makeStripes } from '../../support/images';
import { tempDirs } from '../../support/temp-dirs';

export const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
export const SONNET = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
export const FAKE_SECRET = 'fake-secret-do-not-store-9f8e7d';
export const FAKE_KEY_ID = 'AKIDFAKEKEY0000000001';

export interface AnalysisFixture {
  fake: FakeBedrock;
  engine: Engine;
  dataDir: string;
  assets: Asset[];
  close(): Promise<void>;
}

/** One valid tool-call entry per design, each with its own description. */
export function designs(count: number, over: Record<string, unknown> = {}): { designs: Record<string, unknown>[] } {
  return {
    designs: Array.from({ length: count }, (_, i) => ({
      ...TYPICAL_REPLY,
      design: i + 1,
      description: `Design number ${i + 1}.`,
      ...over,
    })),
  };
}

/** A machine with no AWS setup at all: no keys in the environment, no ~/.aws files, no instance role. */
export function withoutCredentials(): void {
  for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE']) {
    delete process.env[key];
  }
  Object.assign(process.env, {
    AWS_CONFIG_FILE: '/nonexistent/aws/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
}

/** The environment as it is now; the returned function puts it back (the fixture and tests change AWS_*). */
export function keepEnv(): () => void {
  const kept = { ...process.env };
  return () => {
    for (const key of Object.keys(process.env)) if (!(key in kept)) delete process.env[key];
    Object.assign(process.env, kept);
  };
}

export interface FixtureOptions {
  solid?: boolean;
  photos?: number;
  secrets?: EngineOptions['secrets'];
}

export async function openAnalysisFixture(
  settings: Partial<AiSettings> = {},
  options: FixtureOptions = {},
): Promise<AnalysisFixture> {
  const dirs = tempDirs();
  const fake = await startFakeBedrock();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.runtimeEndpoint,
    AWS_ACCESS_KEY_ID: FAKE_KEY_ID,
    AWS_SECRET_ACCESS_KEY: FAKE_SECRET,
    AWS_REGION: 'us-east-1',
  });
  const root = await dirs.make('analysis-lib-');
  const photos = options.photos ?? 2;
  for (let i = 0; i < photos; i++)
    await fs.writeFile(
      path.join(root, `photo-${i}.jpg`),
      await makePhotoLike({ width: 640, height: 480, seed: i + 1, format: 'jpeg' }),
    );
  await fs.writeFile(
    path.join(root, 'stripes.png'),
    await makeStripes({
      width: 600,
      height: 400,
      period: 40,
      orientation: 'vertical',
      colours: ['#1b2a4a', '#ffffff'],
    }),
  );
  await fs.writeFile(
    path.join(root, 'checks.png'),
    await makeChecks({ width: 600, height: 600, period: 50, colours: ['#d21f1f', '#ffffff'] }),
  );
  if (options.solid)
    await fs.writeFile(path.join(root, 'solid.png'), await makeSolid({ width: 300, height: 300, colour: '#e1ad01' }));
  const dataDir = await dirs.make('analysis-data-');
  const engine = await Engine.open({
    dataDir,
    secrets: options.secrets,
    analysisTiming: { holdRetryMs: 300, backoffMs: 50 },
  });
  await engine.library.addFolder(root);
  await engine.library.idle();
  engine.analysis.updateSettings({
    analyzer: 'bedrock',
    attributesModel: HAIKU,
    escalationModel: null,
    designsPerCall: 8,
    ...settings,
  });
  const assets = engine.store
    .search({ sort: 'name', order: 'asc', limit: 100 })
    .items.map((s) => engine.store.getAsset(s.hash)!);
  return {
    fake,
    engine,
    dataDir,
    assets,
    async close() {
      await engine.close();
      await fake.close();
      await dirs.cleanup();
    },
  };
}
