/**
 * `npm run index -- <folder> --analyzer bedrock --batch s3://…`: a bulk run as a Bedrock batch job from the
 * command line, against the fake's control plane and S3 through the standard AWS environment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { fakeBedrockEnv, startFakeBedrock, type FakeBedrock } from '../../support/fake-bedrock';
import { runIndexCli } from '../../support/cli';
import { tempDirs } from '../../support/temp-dirs';
import { designs } from '../analysis/analysis-fixture';
import { BATCH_ROLE, photoFolder } from '../analysis/batch-fixture';

const dirs = tempDirs();
let fake: FakeBedrock;
let root: string;

beforeAll(async () => {
  fake = await startFakeBedrock();
  root = await photoFolder(dirs, 102);
}, 60_000);
afterAll(async () => {
  await fake.close();
  await dirs.cleanup();
});

const env = (dataDir: string) => ({
  ...fakeBedrockEnv(fake),
  SWATCHBOOK_DATA_DIR: dataDir,
  SWATCHBOOK_BATCH_POLL_MS: '20',
});

/** A library whose owner lowered the batch threshold in Settings (the default is 1,000 images). */
async function dataDirWithThreshold(threshold: number): Promise<string> {
  const dataDir = await dirs.make('cli-batch-data-');
  const engine = await Engine.open({ dataDir });
  engine.analysis.updateSettings({ batchThreshold: threshold });
  await engine.close();
  return dataDir;
}

describe('npm run index -- --analyzer bedrock --batch', () => {
  it('refuses without a role, submits with one, and a later run reads the answers back', async () => {
    const dataDir = await dataDirWithThreshold(100);
    fake.reset();
    const args = [root, '--analyzer', 'bedrock', '--batch', 's3://swatch-batch/cli'];

    const refused = await runIndexCli(args, { env: env(dataDir), timeoutMs: 120_000 });
    expect(refused.code).toBe(6);
    expect(refused.stdout).toContain('Batch job not started: Set the IAM role Bedrock assumes for batch jobs');
    expect(fake.requests.filter((r) => r.api !== 'unknown')).toHaveLength(0);

    fake.scriptBatch({ input: designs(1), records: { 5: 'error' }, inProgressPolls: 3 });
    fake.setFallback({ kind: 'toolUse', input: designs(8) });
    const submitted = await runIndexCli([...args, '--batch-role', BATCH_ROLE, '--no-wait'], {
      env: env(dataDir),
      timeoutMs: 120_000,
    });
    expect(submitted.code).toBe(0);
    expect(submitted.stdout).toMatch(
      /Batch job swatchbook-\d{8}-\d{6}-\w{8}: 102 images at ≈ \$0\.\d{4} \(on demand ≈ \$0\.\d{4}; saves/,
    );
    expect(submitted.stdout).toMatch(/Submitted as arn:aws:bedrock:us-east-1:\d{12}:model-invocation-job\/\w+/);
    expect(submitted.stderr).toMatch(/Batch job \[/);

    const later = await runIndexCli([root, '--analyzer', 'bedrock'], { env: env(dataDir), timeoutMs: 120_000 });
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(
      /Earlier batch job swatchbook-\S+ done: 101 of 102 answers stored; 1 sent on to on-demand analysis/,
    );
    expect(fake.requests.filter((r) => r.api === 'createModelInvocationJob')).toHaveLength(1);
    // The one record without an answer went on demand: the rest are cached, never paid for twice.
    expect(later.stdout).toMatch(/for 1 images \(101 cached, 0 not sent\)/);
    expect(later.stdout).toMatch(/Analysed 102 images, 0 failed, 0 waiting/);
  }, 240_000);

  it('analyses on demand, saying so, when the run is under the batch threshold', async () => {
    const dataDir = await dirs.make('cli-batch-data-');
    fake.reset();
    fake.setFallback({ kind: 'toolUse', input: designs(8) });
    const run = await runIndexCli(
      [root, '--analyzer', 'bedrock', '--batch', 's3://swatch-batch/cli', '--batch-role', BATCH_ROLE],
      { env: env(dataDir), timeoutMs: 120_000 },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Not a batch job: 102 images to send is under the batch threshold of 1000');
    expect(run.stdout).toMatch(/Analysed 102 images, 0 failed/);
    expect(fake.requests.filter((r) => r.api === 'createModelInvocationJob')).toHaveLength(0);
  }, 240_000);

  it('asks for --analyzer bedrock before sending anything', async () => {
    const dataDir = await dirs.make('cli-batch-data-');
    const run = await runIndexCli([root, '--batch', 's3://swatch-batch/cli'], { env: env(dataDir) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--batch sends the images to Amazon Bedrock: add --analyzer bedrock');
  });
});
