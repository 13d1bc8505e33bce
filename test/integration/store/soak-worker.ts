/**
 * Child process for the kill soak: opens the library with snapshots every few milliseconds and
 * works through a fixed plan until killed. Each step is one store call, so it is in the journal
 * when the call returns; the step's number is printed after that, so the parent knows what was
 * recorded before the kill. The plan resumes from what the store holds, as a restarted app does.
 *   ingest: asset i (with one model answer) for i = assets so far … target
 *   analysis: a second model's answer on asset i for i = assets it has answered … target
 *   review: a decision on asset j for j = decisions so far … target
 * Usage: node --import tsx soak-worker.ts <dataDir> <ingest|analysis|review> <target>
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { openLibraryStore } from '../../../electron/store';
import { secondOpinionsIn, soakAnswer, soakAsset, soakDecision, soakHash, soakSecondOpinion } from './soak-plan';

const [dataDir, phase, targetArg] = process.argv.slice(2);
const target = Number(targetArg);
const store = await openLibraryStore(dataDir, { snapshotIntervalMs: 5 });
process.stdout.write('ready\n');
const done = {
  ingest: () => store.stats().assets,
  analysis: () => secondOpinionsIn(store),
  review: () => store.reviews.listReviewDecisions().length,
};
const first = done[phase as keyof typeof done]();
// A kill between an image and its model answer: the resumed pass records the answer first.
const lastHash = soakHash(first - 1);
if (phase === 'ingest' && first > 0 && store.analysis.listModelAnalyses(lastHash).length === 0) {
  store.analysis.recordModelAnalysis(soakAnswer(lastHash));
}
for (let i = first; i < target; i++) {
  if (phase === 'ingest') {
    const asset = soakAsset(i);
    store.recordAsset(asset.locations[0], asset);
    store.analysis.recordModelAnalysis(soakAnswer(asset.hash));
  } else if (phase === 'analysis') {
    store.analysis.recordModelAnalysis(soakSecondOpinion(soakHash(i)));
  } else {
    store.reviews.recordReviewDecisions([soakDecision(i)]);
  }
  process.stdout.write(`${i}\n`);
  // Let snapshot writes interleave with the work, as they do in the app.
  if (i % 10 === 0) await yieldToLoop();
}
await store.close();
process.stdout.write('finished\n');
