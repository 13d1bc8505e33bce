import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runTsx } from '../../support/cli';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());
const FIXTURE = 'test/integration/cli/last-resort-fixture.ts';

describe('the last-resort handler of a long-running process', () => {
  it.each([
    ['rejection', /stopped by an unhandled rejection: a bug nobody caught/],
    ['exception', /stopped by an uncaught exception: .*JSON/],
  ])('an unhandled %s is written down and ends the process with one line and exit code 70', async (kind, said) => {
    const dataDir = await dirs.make('data-');
    const run = await runTsx(FIXTURE, [dataDir, kind]);
    expect(run.code).toBe(70);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(said);
    expect(lines[0]).toContain('The library is safe');
    const log = path.join(dataDir, 'logs', 'last-resort.log');
    expect(lines[0]).toContain(log);
    // The stack goes to the log, not to the user.
    expect(readFileSync(log, 'utf8')).toMatch(/\n\s+at /);
  });

  it('a refused write that escaped degrades: said once, and the process goes on', async () => {
    const dataDir = await dirs.make('data-');
    const run = await runTsx(FIXTURE, [dataDir, 'storage']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('still serving');
    expect(run.stderr).toMatch(/a write was refused and is not retried: The disk holding your library is full/);
  });

  it('never makes a data folder that is not there to write its log', async () => {
    const gone = path.join(await dirs.make('parent-'), 'data');
    const run = await runTsx(FIXTURE, [gone, 'rejection']);
    expect(run.code).toBe(70);
    expect(existsSync(gone)).toBe(false);
  });
});
