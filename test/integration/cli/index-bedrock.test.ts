import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPICAL_REPLY } from '../../../electron/analysis/bedrock/prompt';
import { startFakeBedrock, type FakeBedrock } from '../../support/fake-bedrock';
import { makeChecks, makePhotoLike, makeSolid } from '../../support/images';
import { runIndexCli } from '../../support/cli';
import { tempDirs } from '../../support/temp-dirs';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const dirs = tempDirs();
let fake: FakeBedrock;

beforeAll(async () => {
  fake = await startFakeBedrock();
});
afterAll(async () => {
  await fake.close();
  await dirs.cleanup();
});

/** The standard AWS environment pointed at the fake: no code path knows it is a fake. */
const awsEnv = (dataDir: string) => ({
  SWATCHBOOK_DATA_DIR: dataDir,
  AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.runtimeEndpoint,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDCLITEST000000001',
  AWS_SECRET_ACCESS_KEY: 'cli-test-secret-value',
});

async function library(): Promise<string> {
  const root = await dirs.make('cli-bedrock-lib-');
  await fs.writeFile(
    path.join(root, 'photo.jpg'),
    await makePhotoLike({ width: 500, height: 400, seed: 7, format: 'jpeg' }),
  );
  await fs.writeFile(
    path.join(root, 'checks.png'),
    await makeChecks({ width: 400, height: 400, period: 40, colours: ['#2e9e3e', '#ffffff'] }),
  );
  await fs.writeFile(path.join(root, 'solid.png'), await makeSolid({ width: 200, height: 200, colour: '#e1ad01' }));
  return root;
}

describe('npm run index -- --analyzer bedrock', () => {
  it("writes each image's model attributes and model id, with a progress bar and the run's cost", async () => {
    const root = await library();
    const dataDir = await dirs.make('cli-bedrock-data-');
    const out = path.join(dataDir, 'out.json');
    fake.reset();
    const answer = (n: number, description: string) => ({ ...TYPICAL_REPLY, design: n, description });
    fake.script({
      kind: 'toolUse',
      input: { designs: [answer(1, 'Green gingham checks.'), answer(2, 'A photo.')] },
      usage: { inputTokens: 1800, outputTokens: 400 },
    });

    const run = await runIndexCli([root, '--analyzer', 'bedrock', '--json', out], { env: awsEnv(dataDir) });
    expect(run.code).toBe(0);
    const entries = JSON.parse(await fs.readFile(out, 'utf8')) as {
      path: string;
      model: string | null;
      attributes: { description: string } | null;
    }[];
    const byName = Object.fromEntries(entries.map((e) => [path.basename(e.path), e]));
    // Which design number each image got depends on ingest order: check the pair, not the order.
    expect([byName['checks.png'], byName['photo.jpg']].map((e) => e.model)).toEqual([HAIKU, HAIKU]);
    expect([byName['checks.png'], byName['photo.jpg']].map((e) => e.attributes?.description).sort()).toEqual([
      'A photo.',
      'Green gingham checks.',
    ]);
    // Solids are described by the local analysis alone: nothing is sent.
    expect(byName['solid.png']).toMatchObject({ model: null, attributes: null });
    expect(fake.requests.filter((r) => r.api === 'converse')).toHaveLength(1);
    const cost = (1800 * 0.25 + 400 * 1.25) / 1e6;
    expect(run.stdout).toContain(`Analysed 3 images, 0 failed, 0 waiting; this run cost $${cost.toFixed(4)}.`);
    expect(run.stdout).toMatch(/estimated \$0\.\d{4} for 2 images \(0 cached, 1 not sent\)/);
    expect(run.stderr).toMatch(/Analysing \[/);
  });

  it('completes with the reason when the model cannot be reached, and keeps the local results', async () => {
    const root = await library();
    const dataDir = await dirs.make('cli-bedrock-data-');
    const out = path.join(dataDir, 'out.json');
    fake.reset();
    fake.setFallback({
      kind: 'error',
      type: 'AccessDeniedException',
      message: "You don't have access to the model with the specified model ID.",
    });

    const run = await runIndexCli([root, '--analyzer', 'bedrock', '--json', out], { env: awsEnv(dataDir) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/on hold: Access denied to anthropic\.claude-3-haiku/);
    const entries = JSON.parse(await fs.readFile(out, 'utf8')) as { pattern: unknown; attributes: unknown }[];
    expect(entries.every((e) => e.pattern !== null && e.attributes === null)).toBe(true);
    expect(run.stdout + run.stderr).not.toContain('cli-test-secret-value');
  });
});
