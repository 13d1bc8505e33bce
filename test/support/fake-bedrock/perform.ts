/** Carries out one scripted behaviour: the transport ones here, an operation's own answers by `answer`. */
import { randomUUID } from 'node:crypto';
import type { DelayBehaviour, Scripted, TransportBehaviour } from './behaviours';
import { credentialEcho, errorReply } from './errors';
import type { IncomingCall, Reply, WireReply } from './wire';

const TRANSPORT_KINDS = new Set(['delay', 'hang', 'drop', 'error']);

/** Pending delays, so closing the fake can cancel them. */
export type Timers = Set<NodeJS.Timeout>;

/** Every AWS reply carries a request id; the SDK puts it in `$metadata.requestId`. */
export function send(reply: Reply, wire: WireReply): void {
  reply.send({ ...wire, headers: { 'x-amzn-requestid': randomUUID(), ...wire.headers } });
}

export function perform<Answer extends { kind: string }>(
  behaviour: Scripted<Answer>,
  reply: Reply,
  timers: Timers,
  answer: (b: Answer) => WireReply,
  call: Pick<IncomingCall, 'headers'>,
): void {
  if (!TRANSPORT_KINDS.has(behaviour.kind)) {
    send(reply, answer(behaviour as Answer));
    return;
  }
  const b = behaviour as TransportBehaviour | DelayBehaviour<Scripted<Answer>>;
  switch (b.kind) {
    case 'delay': {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!reply.gone) perform(b.then, reply, timers, answer, call);
      }, b.ms);
      timers.add(timer);
      return;
    }
    case 'hang':
      return;
    case 'drop':
      reply.drop(b.mode ?? 'disconnect');
      return;
    case 'error':
      send(reply, errorReply(b.type, b.message, b.status, b.echoCredentials ? credentialEcho(call.headers) : ''));
      return;
  }
}
