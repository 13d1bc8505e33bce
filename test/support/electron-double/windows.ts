import { EventEmitter } from 'node:events';
import { app, windowGone } from './app';
import { screen } from './display';
import { electronEvent } from './events';
import { protocolDouble } from './protocol';
import { deliverToPage } from './renderer';
import { canonicalUrl, originOf } from './schemes';
import { openWindows, webPreferencesOf } from './window-list';

let nextId = 1;

/** Each frame's committed URL: Electron's is read-only, navigations change it. */
const committedUrls = new WeakMap<WebFrameMain, string>();
const destroyedContents = new WeakSet<WebContents>();

/** A frame in a page. */
export class WebFrameMain {
  readonly routingId = nextId++;
  private readonly children: WebFrameMain[] = [];

  constructor(
    private readonly contents: WebContents,
    url: string,
    readonly parent: WebFrameMain | null,
  ) {
    committedUrls.set(this, url);
    parent?.children.push(this);
  }

  get url(): string {
    return committedUrls.get(this)!;
  }

  get origin(): string {
    return originOf(this.url);
  }

  get top(): WebFrameMain {
    return this.parent ? this.parent.top : this;
  }

  get frames(): WebFrameMain[] {
    return [...this.children];
  }

  get processId(): number {
    return this.contents.getProcessId();
  }

  isDestroyed(): boolean {
    return this.contents.isDestroyed();
  }
}

type WindowOpenHandler = (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse;

const windowOpenHandlers = new WeakMap<WebContents, WindowOpenHandler>();

export class WebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new WebFrameMain(this, '', null);

  getURL(): string {
    return this.mainFrame.url;
  }

  getProcessId(): number {
    return 1000 + this.id;
  }

  isDestroyed(): boolean {
    return destroyedContents.has(this);
  }

  /** A custom scheme's page comes from its handler (a failed load rejects); others are not fetched. */
  async loadURL(url: string): Promise<void> {
    const canonical = canonicalUrl(url);
    if (protocolDouble.handles(new URL(canonical).protocol.slice(0, -1))) {
      try {
        await protocolDouble.request(canonical);
      } catch (error) {
        this.emit('did-fail-load', electronEvent(), -1, (error as Error).message, canonical, true);
        throw new Error(`${(error as Error).message} loading '${url}'`, { cause: error });
      }
    }
    committedUrls.set(this.mainFrame, canonical);
    this.emit('did-finish-load', electronEvent());
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.isDestroyed()) throw new Error('Object has been destroyed');
    deliverToPage(this, channel, structuredClone(args));
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    windowOpenHandlers.set(this, handler);
  }
}

const constructorOptions = new WeakMap<BrowserWindow, Electron.BrowserWindowConstructorOptions>();

export class BrowserWindow extends EventEmitter {
  static getAllWindows(): BrowserWindow[] {
    return [...openWindows];
  }

  static fromWebContents(contents: WebContents): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((window) => window.webContents === contents) ?? null;
  }

  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((window) => window.isFocused()) ?? null;
  }

  readonly id = nextId++;
  readonly webContents = new WebContents();
  private bounds: Electron.Rectangle;
  private visible: boolean;
  private focused = false;
  private minimized = false;
  private maximized = false;
  private destroyed = false;
  private backgroundColor: string;

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    constructorOptions.set(this, { ...options, webPreferences: { ...options.webPreferences } });
    webPreferencesOf.set(this.webContents, { ...options.webPreferences });
    const { width = 800, height = 600 } = options;
    const area = screen.getPrimaryDisplay().workArea;
    const x = options.x ?? area.x + Math.round((area.width - width) / 2);
    const y = options.y ?? area.y + Math.round((area.height - height) / 2);
    this.bounds = { x, y, width, height };
    this.visible = options.show ?? true;
    this.backgroundColor = options.backgroundColor ?? '#FFFFFF';
    openWindows.push(this);
    this.webContents.once('did-finish-load', () => {
      if (!this.visible) this.emit('ready-to-show', electronEvent());
    });
    app.emit('web-contents-created', electronEvent(), this.webContents);
    app.emit('browser-window-created', electronEvent(), this);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.visible = true;
    this.focus();
    this.emit('show', electronEvent());
  }

  isVisible(): boolean {
    return this.visible;
  }

  focus(): void {
    this.focused = true;
    this.minimized = false;
    this.emit('focus', electronEvent());
  }

  isFocused(): boolean {
    return this.focused;
  }

  minimize(): void {
    this.minimized = true;
    this.focused = false;
    this.emit('minimize', electronEvent());
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
    this.emit('restore', electronEvent());
  }

  maximize(): void {
    this.maximized = true;
    this.emit('maximize', electronEvent());
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getBounds(): Electron.Rectangle {
    return { ...this.bounds };
  }

  getNormalBounds(): Electron.Rectangle {
    if (this.destroyed) throw new Error('Object has been destroyed');
    return { ...this.bounds };
  }

  setBackgroundColor(color: string): void {
    this.backgroundColor = color;
  }

  getBackgroundColor(): string {
    return this.backgroundColor;
  }

  /** Asks first: a `close` listener may prevent it. */
  close(): void {
    if (this.destroyed) return;
    const close = electronEvent();
    this.emit('close', close);
    if (!close.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    openWindows.splice(openWindows.indexOf(this), 1);
    destroyedContents.add(this.webContents);
    this.webContents.emit('destroyed', electronEvent());
    this.emit('closed', electronEvent());
    windowGone();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** The page's side of windows (frames, navigations, popups, webviews) and what the shell asked for. */
export const windowsDouble = {
  /** The options a window was created with, as the shell passed them. */
  options: (window: BrowserWindow) => constructorOptions.get(window)!,
  /**
   * A frame showing `url` (canonical, or as given if it does not parse, to play a broken sender):
   * a subframe of `parent`, or a stand-alone top-level frame of `contents`.
   */
  frame(contents: WebContents, url: string, parent: WebFrameMain | null = null): WebFrameMain {
    return new WebFrameMain(contents, URL.canParse(url) ? canonicalUrl(url) : url, parent);
  },
  /**
   * The page starts a navigation (a link, a dropped file, a redirect): the listeners of
   * will-navigate or will-redirect may prevent it; otherwise the main frame commits it. True if it went ahead.
   */
  navigate(contents: WebContents, url: string, kind: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const frame = contents.mainFrame;
    const event = electronEvent({ url, isSameDocument: false, isMainFrame: true, frame, initiator: frame });
    contents.emit(kind, event, url, false, true, frame.processId, frame.routingId);
    if (!event.defaultPrevented) committedUrls.set(frame, canonicalUrl(url));
    return !event.defaultPrevented;
  },
  /** The page asks for a popup (window.open, target=_blank): with no handler set, Electron allows it. */
  openWindow(contents: WebContents, url: string): Electron.WindowOpenHandlerResponse {
    const handler = windowOpenHandlers.get(contents);
    const referrer: Electron.Referrer = { url: contents.getURL(), policy: 'strict-origin-when-cross-origin' };
    const details: Electron.HandlerDetails = {
      url,
      frameName: '',
      features: '',
      disposition: 'foreground-tab',
      referrer,
    };
    return handler ? handler(details) : { action: 'allow' };
  },
  /** The page adds a <webview>: true if it was attached (no listener prevented it). */
  attachWebview(contents: WebContents, src: string): boolean {
    const event = electronEvent();
    contents.emit('will-attach-webview', event, {}, { src });
    return !event.defaultPrevented;
  },
};
