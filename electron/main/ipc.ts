import { BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { BRIDGE_CHANNELS } from '../../shared/api/bridge';
import type { OpeningHost } from '../api';
import { isAppUrl } from './app-urls';

/** Only the app's own top-level page may call in: not a frame it embeds, not a page it was navigated to. */
function assertTrusted(event: IpcMainInvokeEvent): void {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) throw new Error('refused: not the Swatchbook app');
}

export async function pickFolder(window: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Add Folder', properties: ['openDirectory' as const, 'createDirectory' as const] };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

/**
 * Mounts the API on IPC and forwards live events to whichever window is current. Mounted while the
 * library still opens: calls then wait for it, and the window hears how far it has got.
 */
export function registerIpc(host: OpeningHost, currentWindow: () => BrowserWindow | null): void {
  ipcMain.handle(BRIDGE_CHANNELS.call, (event, method: unknown, input: unknown) => {
    assertTrusted(event);
    return host.call(typeof method === 'string' ? method : '', input);
  });
  ipcMain.handle(BRIDGE_CHANNELS.pickFolder, (event) => {
    assertTrusted(event);
    return pickFolder(BrowserWindow.fromWebContents(event.sender));
  });
  ipcMain.handle(BRIDGE_CHANNELS.showInFolder, (event, filePath: unknown) => {
    assertTrusted(event);
    if (typeof filePath !== 'string' || !host.isKnownLocation(filePath)) throw new Error('not a file in the library');
    shell.showItemInFolder(filePath);
  });
  host.subscribe((apiEvent) => {
    const window = currentWindow();
    if (window && !window.isDestroyed()) window.webContents.send(BRIDGE_CHANNELS.event, apiEvent);
  });
}
