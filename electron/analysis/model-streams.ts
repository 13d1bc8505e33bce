import { EventEmitter } from 'node:events';
import type { StreamWatch } from './bedrock/forced-tool-stream';

interface StreamEvents {
  /** The answer so far of the stream a client named. */
  text: [streamId: string, text: string];
}

/**
 * Model answers a person is watching, by the id their client gave the request: what arrives is passed on
 * (the API turns it into live events), and Stop aborts the call. A request without an id is not watched.
 */
export class ModelStreams extends EventEmitter<StreamEvents> {
  private readonly open = new Map<string, AbortController>();

  /** The watch for a call about to be made, or undefined when nobody watches it; pair with `done`. */
  watch(streamId: string | undefined): StreamWatch | undefined {
    if (!streamId) return undefined;
    const controller = new AbortController();
    this.open.set(streamId, controller);
    return { onText: (text) => this.emit('text', streamId, text), signal: controller.signal };
  }

  done(streamId: string | undefined): void {
    if (streamId) this.open.delete(streamId);
  }

  /** Stop: true when the stream was still running. */
  stop(streamId: string): boolean {
    const controller = this.open.get(streamId);
    controller?.abort();
    this.open.delete(streamId);
    return controller !== undefined;
  }

  /** Runs `work` under a watch for `streamId`, always letting the stream go afterwards. */
  async run<T>(streamId: string | undefined, work: (watch: StreamWatch | undefined) => Promise<T>): Promise<T> {
    try {
      return await work(this.watch(streamId));
    } finally {
      this.done(streamId);
    }
  }
}
