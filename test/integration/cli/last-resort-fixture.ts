/** A process with the last-resort handlers that then fails as `argv[3]` says (see last-resort.test.ts). */
import { StorageUnavailableError } from '../../../shared/errors';
import { installLastResort } from '../../../electron/engine/last-resort';

const [dataDir, failure] = process.argv.slice(2);
installLastResort({ name: 'swatchbook test', dataDir: () => dataDir });
if (failure === 'rejection') void Promise.reject(new Error('a bug nobody caught'));
if (failure === 'exception') setTimeout(() => JSON.parse('{'), 0);
if (failure === 'storage') {
  void Promise.reject(new StorageUnavailableError('The disk holding your library is full.'));
  setTimeout(() => console.log('still serving'), 100);
}
