/**
 * Child process for the crash test: records N assets and a job, then kills itself with
 * SIGKILL before any snapshot can be written (the interval is an hour).
 * Usage: node --import tsx crash-writer.ts <dataDir> <count>
 */
import { openLibraryStore } from '../../../electron/store';
import { makeSyntheticAssets } from '../../unit/store/synthetic-assets';

const [dataDir, count] = process.argv.slice(2);
const store = await openLibraryStore(dataDir, { snapshotIntervalMs: 3_600_000 });
store.addFolder('/library');
for (const asset of makeSyntheticAssets(Number(count), 42)) store.recordAsset(asset.locations[0], asset);
store.putJobs([{ path: '/library/next.jpg', state: 'queued', priority: 1, enqueuedAt: 1, error: null }]);
process.kill(process.pid, 'SIGKILL');
