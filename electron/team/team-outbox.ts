import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { TeamChange } from './team-changes';

/** Changes sent to the server at a time. */
const BATCH = 500;

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
      await receiver.append(batch);
      pending = this.dropSent(new Set(batch.map((change) => change.id)));
      sent += batch.length;
    }
    return sent;
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
