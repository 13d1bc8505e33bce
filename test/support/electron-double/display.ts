import { EventEmitter } from 'node:events';
import { app } from './app';

function display(id: number, workArea: Electron.Rectangle): Electron.Display {
  const size = { width: workArea.width, height: workArea.height };
  return {
    id,
    label: `Display ${id}`,
    bounds: workArea,
    workArea,
    size,
    workAreaSize: size,
    scaleFactor: 1,
    rotation: 0,
    internal: false,
    monochrome: false,
    accelerometerSupport: 'unknown',
    touchSupport: 'unknown',
    colorSpace: 'srgb',
    colorDepth: 24,
    depthPerComponent: 8,
    displayFrequency: 60,
    detected: true,
    maximumCursorSize: { width: 0, height: 0 },
    nativeOrigin: { x: workArea.x, y: workArea.y },
  };
}

let displays = [display(1, { x: 0, y: 0, width: 1920, height: 1080 })];

class Screen extends EventEmitter {
  getAllDisplays(): Electron.Display[] {
    requireReady();
    return displays.map((d) => structuredClone(d));
  }

  getPrimaryDisplay(): Electron.Display {
    requireReady();
    return structuredClone(displays[0]);
  }
}

function requireReady(): void {
  if (!app.isReady()) throw new Error("The 'screen' module can't be used before the app 'ready' event");
}

export const screen = new Screen();

type ThemeSource = Electron.NativeTheme['themeSource'];

let osUsesDarkMode = false;

/** shouldUseDarkColors follows themeSource, and the OS setting when that is 'system'. */
class NativeTheme extends EventEmitter {
  private source: ThemeSource = 'system';

  get themeSource(): ThemeSource {
    return this.source;
  }

  set themeSource(source: ThemeSource) {
    const before = this.shouldUseDarkColors;
    this.source = source;
    if (this.shouldUseDarkColors !== before) this.emit('updated');
  }

  get shouldUseDarkColors(): boolean {
    return this.source === 'system' ? osUsesDarkMode : this.source === 'dark';
  }
}

export const nativeTheme = new NativeTheme();

/** The machine's side: its displays and its light or dark setting. */
export const displayDouble = {
  /** The first work area is the primary display's. */
  setDisplays(workAreas: Electron.Rectangle[]): void {
    displays = workAreas.map((area, index) => display(index + 1, area));
  },
  setOsDarkMode(dark: boolean): void {
    const before = nativeTheme.shouldUseDarkColors;
    osUsesDarkMode = dark;
    if (nativeTheme.shouldUseDarkColors !== before) nativeTheme.emit('updated');
  },
};
