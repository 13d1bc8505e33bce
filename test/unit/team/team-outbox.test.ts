import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TeamChange } from '../../../electron/team/team-changes';
import { TeamOutbox, type ChangeReceiver } from '../../../electron/team/team-outbox';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs();
afterAll(() => dirs.cleanup());
const makeTempDir = () => dirs.make('swatchbook-outbox-');

const change = (n: number): TeamChange => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  origin: 'ana-laptop',
  author: 'Ana',
  madeAt: 1_800_000_000_000 + n,
  op: { type: 'setTags', hashes: [`h${n}`], add: ['spring'], remove: [] },
});

/** A server that takes changes by id (as the team log does), and can be down. */
class FakeServer implements ChangeReceiver {
  taken: TeamChange[] = [];
  down = false;
  async append(changes: readonly TeamChange[]): Promise<void> {
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    for (const c of changes) if (!this.taken.some((t) => t.id === c.id)) this.taken.push(c);
  }
}

describe('the team outbox', () => {
  it('keeps changes while the server is down and sends them once, in order, when it is back', async () => {
    const outbox = new TeamOutbox(path.join(await makeTempDir(), 'team-outbox.jsonl'));
    const server = new FakeServer();
    server.down = true;
    for (let n = 1; n <= 3; n++) outbox.add(change(n));
    await expect(outbox.send(server)).rejects.toThrow('ECONNREFUSED');
    expect(outbox.pending().map((c) => c.id)).toEqual([1, 2, 3].map((n) => change(n).id));
    server.down = false;
    expect(await outbox.send(server)).toBe(3);
    expect(await outbox.send(server)).toBe(0);
    expect(server.taken.map((c) => c.madeAt)).toEqual([1, 2, 3].map((n) => change(n).madeAt));
    expect(outbox.pending()).toEqual([]);
  });

  it('survives a restart: a new outbox on the same file sends what the old one had not', async () => {
    const file = path.join(await makeTempDir(), 'team-outbox.jsonl');
    new TeamOutbox(file).add(change(1));
    new TeamOutbox(file).add(change(2));
    const server = new FakeServer();
    // The server took the first, and the process died before it was dropped from the file.
    await server.append([change(1)]);
    expect(await new TeamOutbox(file).send(server)).toBe(2);
    expect(server.taken.map((c) => c.id)).toEqual([change(1).id, change(2).id]);
  });

  it('treats a last line cut short as never added, and names a damaged line', async () => {
    const file = path.join(await makeTempDir(), 'team-outbox.jsonl');
    const outbox = new TeamOutbox(file);
    outbox.add(change(1));
    appendFileSync(file, JSON.stringify(change(2)).slice(0, 40));
    expect(outbox.pending().map((c) => c.id)).toEqual([change(1).id]);
    writeFileSync(file, `${JSON.stringify(change(1))}\n{"id":\n`);
    expect(() => outbox.pending()).toThrow(/team-outbox\.jsonl line 2 is damaged/);
    expect(readFileSync(file, 'utf8')).toContain(change(1).id);
  });
});
