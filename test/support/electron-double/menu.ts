import type { BrowserWindow } from './windows';

type ClickHandler = (menuItem: MenuItem, window: BrowserWindow | undefined, event: object) => void;
type ItemOptions = Omit<Electron.MenuItemConstructorOptions, 'click' | 'submenu'> & {
  click?: ClickHandler;
  submenu?: ItemOptions[] | Menu;
};

export class MenuItem {
  readonly id?: string;
  readonly label: string;
  readonly role?: string;
  readonly type: string;
  readonly accelerator?: string;
  readonly submenu?: Menu;
  readonly enabled: boolean;
  readonly visible: boolean;
  private readonly onClick?: ClickHandler;

  constructor(options: ItemOptions) {
    if (!options.label && !options.role && !options.type) {
      throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    }
    this.id = options.id;
    this.label = options.label ?? '';
    this.role = options.role;
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.accelerator = options.accelerator?.toString();
    const { submenu } = options;
    this.submenu = submenu instanceof Menu || !submenu ? submenu : Menu.buildFromTemplate(submenu);
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.onClick = options.click;
  }

  /** As Electron's MenuItem.click(event, focusedWindow, focusedWebContents): runs the template's click. */
  click(event: object = {}, focusedWindow?: BrowserWindow): void {
    this.onClick?.(this, focusedWindow, event);
  }
}

let applicationMenu: Menu | null = null;

export class Menu {
  readonly items: MenuItem[] = [];

  static buildFromTemplate(template: (ItemOptions | MenuItem)[]): Menu {
    const menu = new Menu();
    for (const entry of template) menu.append(entry instanceof MenuItem ? entry : new MenuItem(entry));
    return menu;
  }

  static setApplicationMenu(menu: Menu | null): void {
    applicationMenu = menu;
  }

  static getApplicationMenu(): Menu | null {
    return applicationMenu;
  }

  append(item: MenuItem): void {
    this.items.push(item);
  }

  getMenuItemById(id: string): MenuItem | null {
    for (const item of this.items) {
      const found = item.id === id ? item : item.submenu?.getMenuItemById(id);
      if (found) return found;
    }
    return null;
  }
}
