import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiEvent } from '../../shared/api';
import { BRIDGE_CHANNELS, type BridgeCallResult, type SwatchbookBridge } from '../../shared/api/bridge';

/** The whole surface the page gets: the typed API, its events, media URLs and a few desktop verbs. No Node. */
const bridge: SwatchbookBridge = {
  async call(method, input) {
    const result = (await ipcRenderer.invoke(BRIDGE_CHANNELS.call, method, input)) as BridgeCallResult;
    if (result.ok) return result.value;
    throw new Error(result.error);
  },
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, apiEvent: ApiEvent) => listener(apiEvent);
    ipcRenderer.on(BRIDGE_CHANNELS.event, forward);
    return () => {
      ipcRenderer.off(BRIDGE_CHANNELS.event, forward);
    };
  },
  mediaUrl: (kind, hash) => `swatchbook-media://${kind}/${encodeURIComponent(hash)}`,
  desktop: {
    pickFolder: () => ipcRenderer.invoke(BRIDGE_CHANNELS.pickFolder) as Promise<string | null>,
    showInFolder: async (path) => {
      await ipcRenderer.invoke(BRIDGE_CHANNELS.showInFolder, path);
    },
    pathForFile: (file) => webUtils.getPathForFile(file),
  },
};

contextBridge.exposeInMainWorld('swatchbook', bridge);
