import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiEvent } from '../../shared/api';
import { COMMON_HEADERS, type ApiEventFeed } from '../api';

/**
 * Serves the live events as Server-Sent Events: one `data:` line of ApiEvent JSON per event,
 * a comment as heartbeat so idle proxies and browsers keep the stream open. Starts with the
 * current state so a reconnecting client catches up.
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  feed: ApiEventFeed,
  initial: ApiEvent[],
  heartbeatMs: number,
): void {
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write('retry: 3000\n\n');
  const send = (event: ApiEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
  initial.forEach(send);
  const unsubscribe = feed.subscribe(send);
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}
