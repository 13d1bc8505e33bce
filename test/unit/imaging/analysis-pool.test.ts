import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeRaster } from '../../../electron/pixels';
import { reduceRaster } from '../../../electron/pixels/grey';
import { AnalysisPool, defaultWorkerEntry, type WorkerEntry } from '../../../electron/imaging/analysis-pool';
import { analysePart, analyseWholeImage } from '../../../electron/pixels/raster-analysis';
import { PROJECT_ROOT } from '../../support/cli';
import { generatedSet } from '../../support/generated-set';
import { sheetRaster } from '../../support/images';

// Counts the analyses run on this thread; a worker loads its own, uncounted copy.
vi.mock('../../../electron/pixels/raster-analysis', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../electron/pixels/raster-analysis')>();
  return { ...actual, analyseWholeImage: vi.fn(actual.analyseWholeImage), analysePart: vi.fn(actual.analysePart) };
});
const ranHere = () => vi.mocked(analyseWholeImage).mock.calls.length + vi.mocked(analysePart).mock.calls.length;

/** A worker of a few lines standing in for the real one: says it is ready, then runs `onTask` per message. */
const fakeWorker = (onTask: string, ready = 'parentPort.postMessage({ ready: true });'): WorkerEntry => ({
  script: `const { parentPort } = require('node:worker_threads'); ${ready} parentPort.on('message', (task) => { ${onTask} });`,
  options: { eval: true },
});

const rasters = generatedSet()
  .filter((_, i) => i % 4 === 0)
  .map((item) => reduceRaster(item.raster, 256));
const opts = { originalWidth: 3000, originalHeight: 2000 };
let pool: AnalysisPool | null = null;

afterEach(async () => {
  await pool?.close();
  pool = null;
  vi.restoreAllMocks();
  vi.mocked(analyseWholeImage).mockClear();
  vi.mocked(analysePart).mockClear();
});

describe('AnalysisPool', () => {
  it('answers in a worker exactly as the analyzer does on this thread', async () => {
    const sheet = reduceRaster(sheetRaster({ width: 1200, height: 800 }).raster, 256);
    const expected = [...rasters, sheet].map((r) => analyseWholeImage(r, opts));
    const expectedPart = analyzeRaster(rasters[1], opts);
    vi.mocked(analyseWholeImage).mockClear();
    const warn = vi.spyOn(console, 'warn');
    pool = new AnalysisPool(1, defaultWorkerEntry());
    await pool.warmUp();
    const answers = await Promise.all([...rasters, sheet].map((r) => pool!.analyseWholeImage(r, opts)));
    expect(answers).toEqual(expected);
    expect(answers.at(-1)!.regions).toHaveLength(3);
    expect(await pool.analysePart(rasters[1], opts)).toEqual(expectedPart);
    expect(ranHere()).toBe(0);
    // The caller keeps its pixels: a copy travelled.
    expect(rasters[0].data.length).toBe(rasters[0].width * rasters[0].height * 3);
    expect(warn).not.toHaveBeenCalled();
  });

  it('has tasks wait for a worker that is still loading, not run here', async () => {
    pool = new AnalysisPool(
      1,
      fakeWorker(
        "parentPort.postMessage({ ok: true, result: 'from the worker' });",
        'setTimeout(() => parentPort.postMessage({ ready: true }), 300);',
      ),
    );
    expect(await pool.analyseWholeImage(rasters[0], opts)).toBe('from the worker');
    expect(ranHere()).toBe(0);
  });

  it('analyses on this thread, with a warning, when no worker can start', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    pool = new AnalysisPool(1, { script: new URL('file:///nonexistent/analysis-worker.js'), options: {} });
    await pool.warmUp();
    expect(await pool.analyseWholeImage(rasters[0], opts)).toEqual(analyseWholeImage(rasters[0], opts));
    expect(await pool.analysePart(rasters[1], opts)).toEqual(analyzeRaster(rasters[1], opts));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/analysis worker unavailable/);
  });

  it('loses no task when the worker dies in the middle of one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    pool = new AnalysisPool(1, fakeWorker('process.exit(3);'));
    await pool.warmUp();
    const answers = await Promise.all(rasters.slice(0, 3).map((r) => pool!.analyseWholeImage(r, opts)));
    expect(answers).toEqual(rasters.slice(0, 3).map((r) => analyseWholeImage(r, opts)));
  });

  it('rejects with the analyzer error a worker reports', async () => {
    pool = new AnalysisPool(
      1,
      fakeWorker("parentPort.postMessage({ ok: false, error: 'no pixels in ' + task.kind });"),
    );
    await pool.warmUp();
    await expect(pool.analyseWholeImage(rasters[0], opts)).rejects.toThrow('no pixels in whole');
  });

  it('does not keep the process alive once its work is done (a CLI run ends by itself)', async () => {
    const load = [
      "const { analysisPool } = await import('./electron/imaging/analysis-pool.ts');",
      "const { solidRaster } = await import('./test/support/images.ts');",
      'await analysisPool().warmUp();',
    ];
    const analysed = await runScript(
      [
        ...load,
        "const a = await analysisPool().analyseWholeImage(solidRaster({ width: 64, height: 64, colour: '#008080' }), {});",
        'console.log(a.analysis.pattern.label);',
      ].join('\n'),
    );
    expect(analysed).toMatchObject({ exited: true, out: 'solid' });
    // It really ran in a worker: no fallback to the main thread.
    expect(analysed.err).not.toMatch(/analysis worker unavailable/);
    expect(await runScript([...load, "console.log('idle');"].join('\n'))).toMatchObject({ exited: true, out: 'idle' });
  }, 60_000);
});

/** Runs ES module code under tsx in the project; exited false if it was still running after 25 s. */
async function runScript(code: string): Promise<{ exited: boolean; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: PROJECT_ROOT });
  let out = '',
    err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve(false);
    }, 25_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  return { exited, out: out.trim(), err };
}
