import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openLibraryStore } from '../../../electron/store';
import { seededRandom } from '../../unit/store/synthetic-assets';
import { makeTempDir } from '../../unit/store/temp-store';
import { secondOpinionsIn, soakHash } from './soak-plan';

/** `npm run soak` runs the full soak (20,000 images, 50 kills); the suite runs a short one. */
const ASSETS = Number(process.env.SWATCHBOOK_SOAK_ASSETS ?? 1000);
const KILLS = Number(process.env.SWATCHBOOK_SOAK_KILLS ?? 8);
const DECISIONS = Math.floor(ASSETS / 2);
const WORKER = fileURLToPath(new URL('./soak-worker.ts', import.meta.url));

const PHASES = ['ingest', 'analysis', 'review'] as const;
type Phase = (typeof PHASES)[number];

/** Runs the worker; kills it (SIGKILL) once it has done `steps` more steps, unless `steps` is null. */
function runWorker(dir: string, phase: Phase, target: number, steps: number | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dir, phase, String(target)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let lastReported = -1;
    let seen = 0;
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines.filter((l) => /^\d+$/.test(l))) {
        lastReported = Number(line);
        if (steps !== null && ++seen === steps) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(lastReported);
      else reject(new Error(`the soak worker exited with ${code ?? signal}`));
    });
  });
}

/** Opens the library as a restarted app does and checks nothing recorded was lost or doubled. */
async function verify(dir: string, phase: Phase, lastReported: number): Promise<void> {
  const store = await openLibraryStore(dir);
  try {
    const assets = store.stats().assets;
    const decisions = store.reviews.listReviewDecisions();
    // Steps after the last one reported may be recorded too: the kill can drop printed lines still in the pipe.
    if (phase === 'ingest') expect(assets).toBeGreaterThanOrEqual(lastReported + 1);
    expect(store.listFiles()).toHaveLength(assets);
    // The analysis pass goes in order: images 0 … seconds-1 have both answers, the rest only the first.
    const seconds = secondOpinionsIn(store);
    if (phase === 'analysis') expect(seconds).toBeGreaterThanOrEqual(lastReported + 1);
    if (phase === 'review') expect(seconds).toBe(assets);
    for (let i = 0; i < assets; i++) {
      expect(store.findAssetByHash(soakHash(i)), `image ${i}`).toBeDefined();
      const answers = store.analysis.listModelAnalyses(soakHash(i)).length;
      // Only the last image recorded may lack its answer: the kill came between the two calls.
      if (phase !== 'ingest' || i < assets - 1) expect(answers, `answers for image ${i}`).toBe(i < seconds ? 2 : 1);
      else expect(answers).toBeLessThanOrEqual(1);
    }
    if (phase === 'review') expect(decisions.length).toBeGreaterThanOrEqual(lastReported + 1);
    expect(decisions.map((d) => d.id)).toEqual(decisions.map((_, j) => `soak-decision-${j}`));
  } finally {
    await store.close();
  }
}

describe('killed at random points, the library loses nothing and doubles nothing', () => {
  it(
    `survives ${KILLS} SIGKILLs during ingest, analysis and review of ${ASSETS} images`,
    { timeout: 60_000 + KILLS * 30_000 },
    async () => {
      const dir = await makeTempDir();
      const random = seededRandom(2026);
      for (const phase of PHASES) {
        const target = phase === 'review' ? DECISIONS : ASSETS;
        for (let kill = 0; kill < KILLS / PHASES.length; kill++) {
          // Spread the kills over the phase's work, at uneven points.
          const steps = 1 + Math.floor(random() * ((2 * target * PHASES.length) / KILLS));
          await verify(dir, phase, await runWorker(dir, phase, target, steps));
        }
        // The resumed work completes.
        await runWorker(dir, phase, target, null);
        await verify(dir, phase, target - 1);
      }
      const store = await openLibraryStore(dir);
      expect(store.stats().assets).toBe(ASSETS);
      expect(store.reviews.listReviewDecisions()).toHaveLength(DECISIONS);
      expect(secondOpinionsIn(store)).toBe(ASSETS);
      await store.close();
    },
  );
});
