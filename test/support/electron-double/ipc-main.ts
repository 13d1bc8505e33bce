import { EventEmitter } from 'node:events';
import type { WebContents, WebFrameMain } from './windows';

/** What ipcMain.handle's listener gets; senderFrame is null once the frame has navigated away or gone. */
export interface IpcMainInvokeEvent {
  type: 'frame';
  sender: WebContents;
  senderFrame: WebFrameMain | null;
  processId: number;
  frameId: number;
}

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

const handlers = new Map<string, InvokeHandler>();

class IpcMain extends EventEmitter {
  handle(channel: string, listener: InvokeHandler): void {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, listener);
  }

  handleOnce(channel: string, listener: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      handlers.delete(channel);
      return listener(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    handlers.delete(channel);
  }
}

export const ipcMain = new IpcMain();

/** Who calls: a frame of a web contents (the frame may be gone). */
export interface IpcSender {
  contents: WebContents;
  frame: WebFrameMain | null;
}

/**
 * A page's ipcRenderer.invoke as Electron carries it: arguments and result are structured clones,
 * and a handler's error reaches the page only as a message in Electron's words.
 */
export async function invokeFrom(sender: IpcSender, channel: string, ...args: unknown[]): Promise<unknown> {
  const handler = handlers.get(channel);
  if (!handler) {
    throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
  }
  const event: IpcMainInvokeEvent = {
    type: 'frame',
    sender: sender.contents,
    senderFrame: sender.frame,
    processId: sender.frame?.processId ?? sender.contents.getProcessId(),
    frameId: sender.frame?.routingId ?? 0,
  };
  try {
    return structuredClone(await handler(event, ...structuredClone(args)));
  } catch (error) {
    throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
  }
}

/** The page's side of IPC, and what the shell registered. */
export const ipcDouble = {
  invoke: invokeFrom,
  channels: (): string[] => [...handlers.keys()],
};
