import { describe, expect, it } from 'vitest';
import type { JobState } from '../../../shared/model/jobs';
import {
  JobFailure,
  JobRunner,
  type JobOutcome,
  type JobPolicy,
  type JobRecord,
  type JobRecords,
} from '../../../electron/jobs';

/** Jobs persisted in a Map, as a store would keep them; `writes` shows what the runner recorded. */
function memoryRecords(): JobRecords<JobRecord> & { all: Map<string, JobRecord>; writes: string[] } {
  const all = new Map<string, JobRecord>();
  const writes: string[] = [];
  return {
    all,
    writes,
    list: (states?: readonly JobState[]) =>
      [...all.values()].filter((j) => !states || states.includes(j.state)).map((j) => ({ ...j })),
    put: (jobs) => jobs.forEach((j) => all.set(j.id, { ...j })),
    update: (id, patch) => {
      all.set(id, { ...all.get(id)!, ...patch });
      if (patch.state) writes.push(`${id}:${patch.state}`);
    },
    remove: (ids) => ids.forEach((id) => all.delete(id)),
  };
}

const job = (id: string, priority = 0): JobRecord => ({
  id,
  state: 'queued',
  reason: null,
  attempts: 0,
  priority,
  enqueuedAt: 0,
});
const ok: JobOutcome = { state: 'done', reason: null };
const policy = (extra: Partial<JobPolicy<JobRecord>> = {}): JobPolicy<JobRecord> => ({
  concurrency: () => 1,
  nameOf: (j) => j.id,
  backoffMs: 1,
  holdRetryMs: 5,
  ...extra,
});
const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('JobRunner', () => {
  it('runs batches up to its concurrency and records each job queued → running → done', async () => {
    const records = memoryRecords();
    let running = 0;
    let most = 0;
    const sizes: number[] = [];
    const runner = new JobRunner(
      records,
      async (batch) => {
        sizes.push(batch.length);
        most = Math.max(most, ++running);
        await tick();
        running--;
        return batch.map(() => ok);
      },
      policy({ concurrency: () => 2, batchSize: () => 3 }),
    );
    runner.enqueue(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => job(id)));
    await runner.settled();
    expect(most).toBe(2);
    expect(sizes).toEqual([3, 3, 1]);
    expect(records.list().every((j) => j.state === 'done')).toBe(true);
    expect(records.writes.filter((w) => w.startsWith('a:'))).toEqual(['a:running', 'a:done']);
    expect(runner.progress().counts).toMatchObject({ done: 7, queued: 0, running: 0 });
  });

  it('runs higher priorities first, in arrival order within one', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const runner = new JobRunner(
      memoryRecords(),
      async (batch) => {
        if (batch[0].id === 'first') await gate;
        order.push(batch[0].id);
        return [ok];
      },
      policy(),
    );
    runner.enqueue([job('first')]);
    runner.enqueue([job('a'), job('b'), job('c'), job('d')]);
    runner.prioritize(['d', 'c'], 10);
    release();
    await runner.settled();
    expect(order).toEqual(['first', 'd', 'c', 'a', 'b']);
  });

  it('retries a job that failed for a passing reason, then gives it up with the reason', async () => {
    const records = memoryRecords();
    let calls = 0;
    const runner = new JobRunner(
      records,
      async () => {
        calls++;
        throw new JobFailure('the connection dropped', 'retry');
      },
      policy({ maxAttempts: 3 }),
    );
    runner.enqueue([job('a')]);
    await runner.settled();
    expect(calls).toBe(3);
    expect(records.all.get('a')).toMatchObject({
      state: 'failed',
      attempts: 3,
      reason: 'the connection dropped (gave up after 3 tries)',
    });
  });

  it('halves its concurrency on throttling and climbs back on success', async () => {
    let throttles = 2;
    const allowed: number[] = [];
    const runner: JobRunner<JobRecord> = new JobRunner(
      memoryRecords(),
      async () => {
        await tick(2);
        if (throttles-- > 0) throw new JobFailure('slow down', 'throttle');
        return [ok];
      },
      policy({ concurrency: () => 4, adaptive: true }),
    );
    runner.on('progress', () => allowed.push(runner.progress().concurrency));
    runner.enqueue(Array.from({ length: 30 }, (_, i) => job(`j${i}`)));
    await runner.settled();
    expect(runner.progress().counts.done).toBe(30);
    expect(allowed[0]).toBe(4);
    expect(Math.min(...allowed)).toBe(1);
    expect(runner.progress().concurrency).toBe(4);
  });

  it('holds every job while nothing can work, says why, probes again and resumes by itself', async () => {
    const records = memoryRecords();
    let reachable = false;
    const runner = new JobRunner(
      records,
      async (batch) => {
        if (!reachable) throw new JobFailure('no network', 'hold');
        return batch.map(() => ok);
      },
      policy({ holdRetryMs: 20 }),
    );
    runner.enqueue([job('a'), job('b')]);
    await runner.settled();
    expect(runner.progress().hold).toEqual({ kind: 'unreachable', reason: 'no network' });
    expect(records.list().map((j) => [j.state, j.reason])).toEqual([
      ['waiting', 'no network'],
      ['waiting', 'no network'],
    ]);
    reachable = true;
    await tick(40);
    await runner.settled();
    expect(records.list().map((j) => j.state)).toEqual(['done', 'done']);
    expect(runner.progress().hold).toBeNull();
  });

  it('checks its gate before each batch and waits until the policy changes', async () => {
    let open = false;
    const runner = new JobRunner(
      memoryRecords(),
      async (batch) => batch.map(() => ok),
      policy({ gate: () => (open ? null : 'budget reached') }),
    );
    runner.enqueue([job('a')]);
    await runner.settled();
    expect(runner.progress()).toMatchObject({
      hold: { kind: 'gate', reason: 'budget reached' },
      counts: { waiting: 1 },
    });
    open = true;
    runner.policyChanged();
    await runner.settled();
    expect(runner.progress().counts.done).toBe(1);
  });

  it('cancels queued and running jobs, aborting the running call', async () => {
    const records = memoryRecords();
    let aborted = false;
    const runner = new JobRunner(
      records,
      (batch, signal) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve(batch.map(() => ok));
          });
        }),
      policy(),
    );
    runner.enqueue([job('a'), job('b')]);
    await tick();
    expect(runner.cancel()).toBe(2);
    await runner.settled();
    expect(aborted).toBe(true);
    expect(records.list().map((j) => [j.id, j.state, j.reason])).toEqual([
      ['a', 'cancelled', 'cancelled by you'],
      ['b', 'cancelled', 'cancelled by you'],
    ]);
  });

  it('resumes what a stopped process left running or waiting, and a new run drops the old finished records', async () => {
    const records = memoryRecords();
    records.put([
      { ...job('a'), state: 'running' },
      { ...job('b'), state: 'waiting', reason: 'offline' },
      { ...job('c'), state: 'done' },
    ]);
    const ran: string[] = [];
    const runner = new JobRunner(
      records,
      async (batch) => {
        ran.push(...batch.map((j) => j.id));
        return batch.map(() => ok);
      },
      policy(),
    );
    expect(runner.resume()).toBe(2);
    await runner.settled();
    expect(ran).toEqual(['a', 'b']);
    runner.enqueue([job('d')]);
    await runner.settled();
    expect(records.list().map((j) => j.id)).toEqual(['d']);
  });

  it('fails the batch with the error when the work throws something unexpected, and goes on', async () => {
    const records = memoryRecords();
    const runner = new JobRunner(
      records,
      async (batch) => {
        if (batch[0].id === 'a') throw new Error('boom');
        return [ok];
      },
      policy(),
    );
    runner.enqueue([job('a'), job('b')]);
    await runner.settled();
    expect(records.all.get('a')).toMatchObject({ state: 'failed', reason: 'unexpected error: boom' });
    expect(records.all.get('b')?.state).toBe('done');
  });

  it('stops taking work and lets the running batch finish; queued jobs stay persisted', async () => {
    const records = memoryRecords();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const runner = new JobRunner(
      records,
      async (batch) => {
        await gate;
        return batch.map(() => ok);
      },
      policy(),
    );
    runner.enqueue([job('a'), job('b')]);
    await tick();
    const stopping = runner.stop();
    release();
    await stopping;
    expect(records.list().map((j) => [j.id, j.state])).toEqual([
      ['a', 'done'],
      ['b', 'queued'],
    ]);
  });
});
