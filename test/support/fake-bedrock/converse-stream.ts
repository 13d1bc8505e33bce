/**
 * ConverseStream: the Converse reply the script asks for, sent as Bedrock streams it — messageStart, per
 * content block a contentBlockStart (tool use only), deltas of its text or tool JSON, contentBlockStop, then
 * messageStop and metadata — paced and, when scripted, cut short by a dropped connection or an exception.
 */
import { randomUUID } from 'node:crypto';
import type { StreamBehaviour } from './behaviours';
import { converseReply, type ConverseContext } from './converse-reply';
import { streamEvent, streamException } from './event-stream';
import type { Timers } from './perform';
import type { Reply } from './wire';

interface ConverseBody {
  output: {
    message: { content: ({ text: string } | { toolUse: { toolUseId: string; name: string; input: unknown } })[] };
  };
  stopReason: string;
  usage: unknown;
  metrics: { latencyMs: number };
}

const chunks = (text: string, size: number) =>
  Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

/** The events in order, each marked whether it is a delta (what `cutAfter` counts). */
function eventsOf(body: ConverseBody, chunkChars: number): { bytes: Buffer; delta: boolean }[] {
  const events = [{ bytes: streamEvent('messageStart', { role: 'assistant' }), delta: false }];
  body.output.message.content.forEach((block, contentBlockIndex) => {
    let pieces: { delta: unknown }[];
    if ('toolUse' in block) {
      const { toolUseId, name, input } = block.toolUse;
      const start = { contentBlockIndex, start: { toolUse: { toolUseId, name } } };
      events.push({ bytes: streamEvent('contentBlockStart', start), delta: false });
      pieces = chunks(JSON.stringify(input), chunkChars).map((part) => ({ delta: { toolUse: { input: part } } }));
    } else {
      pieces = chunks(block.text, chunkChars).map((part) => ({ delta: { text: part } }));
    }
    for (const piece of pieces)
      events.push({ bytes: streamEvent('contentBlockDelta', { contentBlockIndex, ...piece }), delta: true });
    events.push({ bytes: streamEvent('contentBlockStop', { contentBlockIndex }), delta: false });
  });
  events.push({ bytes: streamEvent('messageStop', { stopReason: body.stopReason }), delta: false });
  events.push({ bytes: streamEvent('metadata', { usage: body.usage, metrics: body.metrics }), delta: false });
  return events;
}

export function streamConverse(b: StreamBehaviour, reply: Reply, timers: Timers, ctx: ConverseContext): void {
  const wire = converseReply(b.reply, ctx);
  if (wire.status !== 200) return reply.send(wire);
  const events = eventsOf(JSON.parse(String(wire.body)) as ConverseBody, b.chunkChars ?? 16);
  const writer = reply.open(200, {
    'content-type': 'application/vnd.amazon.eventstream',
    'x-amzn-requestid': randomUUID(),
  });
  if (!writer) return;
  let deltas = 0;
  const next = (i: number) => {
    if (reply.gone) return;
    if (i === events.length) return writer.end();
    if (events[i].delta && b.cut && deltas === (b.cutAfter ?? 0)) return cut(b.cut);
    if (events[i].delta) deltas++;
    writer.write(events[i].bytes);
    later(events[i].delta ? (b.gapMs ?? 0) : 0, () => next(i + 1));
  };
  const cut = (how: NonNullable<StreamBehaviour['cut']>) => {
    if (how.kind === 'drop') return reply.drop('disconnect');
    writer.write(streamException(how.type, how.message ?? `fake-bedrock: ${how.type} mid-stream`));
    writer.end();
  };
  const later = (ms: number, then: () => void) => {
    if (ms === 0) return then();
    const timer = setTimeout(() => {
      timers.delete(timer);
      then();
    }, ms);
    timers.add(timer);
  };
  later(b.firstEventMs ?? 0, () => next(0));
}
