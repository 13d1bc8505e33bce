import { describe, expect, it } from 'vitest';
import { ProgressMeter } from '../../../electron/jobs/progress-meter';

describe('ProgressMeter', () => {
  it('reports done, failed, rate over the recent window and an ETA', () => {
    let now = 0;
    const meter = new ProgressMeter(() => now);
    meter.addWork(10);
    meter.started('/lib/a.png');
    for (let i = 0; i < 4; i++) {
      now += 500;
      meter.finished(i !== 2);
    }
    const progress = meter.snapshot();
    expect(progress).toMatchObject({ done: 3, failed: 1, total: 10, running: true, currentFile: '/lib/a.png' });
    expect(progress.rate).toBeCloseTo(2, 5); // 4 files in 2 s
    expect(progress.etaSeconds).toBeCloseTo(3, 5); // 6 left at 2/s
  });

  it('finishes with no current file and an ETA of zero, and starts a fresh count for new work', () => {
    let now = 0;
    const meter = new ProgressMeter(() => now);
    meter.addWork(2);
    now += 1000;
    meter.finished(true);
    meter.finished(true);
    expect(meter.snapshot()).toMatchObject({ done: 2, total: 2, running: false, etaSeconds: 0, currentFile: null });
    meter.addWork(5);
    expect(meter.snapshot()).toMatchObject({ done: 0, total: 5, running: true, etaSeconds: null });
  });
});
