/**
 * Child process for the crash test: records one review decision, then kills itself with
 * SIGKILL before a snapshot (the interval is an hour) and before a second decision.
 * Usage: node --import tsx crash-reviewer.ts <dataDir> <hash>
 */
import { openLibraryStore } from '../../../electron/store';
import { ReviewService } from '../../../electron/review';

const [dataDir, hash] = process.argv.slice(2);
const store = await openLibraryStore(dataDir, { snapshotIntervalMs: 3_600_000 });
new ReviewService(store).decide(hash, 'ana', [{ field: 'style', action: 'edit', value: 'bauhaus' }]);
process.kill(process.pid, 'SIGKILL');
