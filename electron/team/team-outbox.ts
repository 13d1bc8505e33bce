import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { TeamChange } from './team-changes';

/** Changes sent to the server at a time. */
const BATCH = 500;

/** The server's "insufficient privilege": the person's role does not allow the change. */
const REFUSED = '42501';

/** Where changes not yet taken are sent: the team's change log. */
export interface ChangeReceiver {
  append(changes: readonly TeamChange[]): Promise<unknown>;
}

/**
 * The changes made on this machine that the server has not taken yet, one JSON line each in a
 * local file: a change is appended here before anything else happens, so it survives a dropped
 * connection, a server that is down and `kill -9`. Sending is in order; a change is removed only
 * after the server has taken it, and one sent twice (a crash between the two) is taken once,
 * by its id.
 */
export class TeamOutbox {
  private sending: Promise<number> | null = null;

  /**
   * Changes the server refused for the person's role, moved out of the way of the rest: kept in
   * `<outbox>.refused.jsonl` on this machine (the app refuses them before they are made, so these
   * come from a role taken away meanwhile).
   */
  refused = 0;

  constructor(readonly file: string) {}

  add(change: TeamChange): void {
    appendFileSync(this.file, `${JSON.stringify(change)}\n`);
  }

  /**
   * What waits to be sent, oldest first. A last line without its newline was cut short by a crash
   * mid-write: it was never added. Any other line that does not read is damage, said by line.
   */
  pending(): TeamChange[] {
    if (!existsSync(this.file)) return [];
    const lines = readFileSync(this.file, 'utf8').split('\n').slice(0, -1);
    return lines.flatMap((line, i) => {
      if (line.length === 0) return [];
      try {
        return [JSON.parse(line) as TeamChange];
      } catch (error) {
        throw new Error(`${this.file} line ${i + 1} is damaged (${(error as Error).message}): nothing was sent`);
      }
    });
  }

  /** Sends everything pending, in batches; returns how many the server took. One send at a time. */
  send(receiver: ChangeReceiver): Promise<number> {
    this.sending ??= this.sendAll(receiver).finally(() => (this.sending = null));
    return this.sending;
  }

  private async sendAll(receiver: ChangeReceiver): Promise<number> {
    let sent = 0;
    for (let pending = this.pending(); pending.length > 0;) {
      const batch = pending.slice(0, BATCH);
      const taken = await this.sendBatch(receiver, batch);
      pending = this.dropSent(new Set(batch.map((change) => change.id)));
      sent += taken;
    }
    return sent;
  }

  /** Sends a batch; when the server refuses it for rights, one by one, setting the refused aside. */
  private async sendBatch(receiver: ChangeReceiver, batch: readonly TeamChange[]): Promise<number> {
    try {
      await receiver.append(batch);
      return batch.length;
    } catch (error) {
      if ((error as { code?: string }).code !== REFUSED) throw error;
      if (batch.length > 1) {
        let taken = 0;
        for (const change of batch) taken += await this.sendBatch(receiver, [change]);
        return taken;
      }
      appendFileSync(this.file.replace(/\.jsonl$/, '.refused.jsonl'), `${JSON.stringify(batch[0])}\n`);
      this.refused++;
      return 0;
    }
  }

  /** Rewrites the file without the changes taken (others may have been added meanwhile); returns the rest. */
  private dropSent(ids: ReadonlySet<string>): TeamChange[] {
    const rest = this.pending().filter((change) => !ids.has(change.id));
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, rest.map((change) => `${JSON.stringify(change)}\n`).join(''));
    renameSync(temp, this.file);
    return rest;
  }
}
