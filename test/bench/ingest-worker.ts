/**
 * One measured pass, run in its own process so its peak RSS is its own:
 *   ingest <corpusDir> <dataDir>   full Swatchbook ingest (hash, decode once, analyse, cache, store)
 *   floor  <corpusDir> <outDir>    bare sharp decode + thumbnail of the same files
 * Prints one JSON line: { images, seconds, peakRssMb, cpuMsPerImage }. CPU time per image
 * (all threads of the process) is steadier than throughput on a machine shared with other work.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import PQueue from 'p-queue';
import { bareDecodeAndThumbnail } from '../../electron/imaging';
import { Engine } from '../../electron/engine';

const [mode, corpusDir, outDir] = process.argv.slice(2);

async function runIngest(): Promise<number> {
  const library = await Engine.open({ dataDir: outDir });
  await library.library.addFolder(path.resolve(corpusDir));
  await library.library.idle();
  const ingested = library.store.listFiles(path.resolve(corpusDir)).filter((f) => f.hash).length;
  await library.close();
  return ingested;
}

async function runFloor(): Promise<number> {
  const files = (await fs.readdir(corpusDir)).filter((f) => !f.startsWith('.'));
  await fs.mkdir(outDir, { recursive: true });
  const queue = new PQueue({ concurrency: os.availableParallelism() });
  for (const file of files) {
    void queue.add(async () => {
      const bytes = await fs.readFile(path.join(corpusDir, file));
      await bareDecodeAndThumbnail(bytes, path.join(outDir, `${file}.webp`));
    });
  }
  await queue.onIdle();
  return files.length;
}

const started = performance.now();
const cpuBefore = process.cpuUsage();
const images = mode === 'ingest' ? await runIngest() : await runFloor();
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const cpuMsPerImage = (cpu.user + cpu.system) / 1000 / Math.max(1, images);
console.log(JSON.stringify({ images, seconds, peakRssMb, cpuMsPerImage }));
