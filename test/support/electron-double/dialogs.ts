import { BrowserWindow } from './windows';

/** What the user will pick in the next open dialogs, in order; with none left a dialog is cancelled. */
const openAnswers: Electron.OpenDialogReturnValue[] = [];

/** Everything the app showed the user or asked the OS to do. */
const shown = {
  openDialogs: [] as { window: BrowserWindow | null; options: Electron.OpenDialogOptions }[],
  errorBoxes: [] as { title: string; content: string }[],
  revealedInFolder: [] as string[],
  openedExternally: [] as string[],
};

export const dialog = {
  /** The window, when given, makes the dialog a sheet of it. */
  async showOpenDialog(
    windowOrOptions: BrowserWindow | Electron.OpenDialogOptions,
    maybeOptions?: Electron.OpenDialogOptions,
  ): Promise<Electron.OpenDialogReturnValue> {
    const window = windowOrOptions instanceof BrowserWindow ? windowOrOptions : null;
    const options = windowOrOptions instanceof BrowserWindow ? maybeOptions! : windowOrOptions;
    shown.openDialogs.push({ window, options });
    return openAnswers.shift() ?? { canceled: true, filePaths: [] };
  },
  showErrorBox(title: string, content: string): void {
    shown.errorBoxes.push({ title, content });
  },
};

export const shell = {
  showItemInFolder(fullPath: string): void {
    shown.revealedInFolder.push(fullPath);
  },
  async openExternal(url: string): Promise<void> {
    shown.openedExternally.push(url);
  },
};

/** The user's side of dialogs, and what the app showed. */
export const dialogsDouble = {
  /** The user will pick these paths (or cancel) in the next open dialog. */
  answerNextOpenDialog(answer: Electron.OpenDialogReturnValue): void {
    openAnswers.push(answer);
  },
  shown,
};
