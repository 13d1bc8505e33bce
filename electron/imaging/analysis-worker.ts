/** Entry of an analysis worker thread: runs the raster analyses analysis-pool.ts posts to it. */
import { parentPort } from 'node:worker_threads';
import type { AnalysisReply, AnalysisTask } from './analysis-pool';
import { analysePart, analyseWholeImage } from '../pixels';

const port = parentPort!;
port.on('message', (task: AnalysisTask) => {
  let reply: AnalysisReply;
  try {
    const result =
      task.kind === 'whole' ? analyseWholeImage(task.raster, task.opts) : analysePart(task.raster, task.opts);
    reply = { ok: true, result };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies AnalysisReply);
