/**
 * The Electron double: the module the shell gets as `electron`, and the test's side of it: what
 * the OS and the user do, what a page does, and what the shell asked for. Import it after
 * vi.resetModules(), together with the shell, so both get the same fresh instance.
 */
import { appDouble } from './app';
import { dialogsDouble } from './dialogs';
import { displayDouble } from './display';
import { ipcDouble } from './ipc-main';
import { protocolDouble } from './protocol';
import { pageDouble } from './renderer';
import { keychainDouble } from './safe-storage';
import { sessionDouble } from './session';
import { windowsDouble } from './windows';

export * from './electron';

export const double = {
  app: appDouble,
  dialogs: dialogsDouble,
  display: displayDouble,
  ipc: ipcDouble,
  keychain: keychainDouble,
  page: pageDouble,
  protocol: protocolDouble,
  session: sessionDouble,
  windows: windowsDouble,
};
