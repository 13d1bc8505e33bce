import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Rectangle } from 'electron';

const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

/** How much of the window must overlap a display for the saved position to count as visible. */
const MIN_VISIBLE = { width: 120, height: 60 };

const fileIn = (userData: string) => path.join(userData, 'window-state.json');

/**
 * The last window size and place, if it still makes sense: a display unplugged since then
 * would otherwise open the window off-screen.
 */
export async function loadWindowState(userData: string, workAreas: Rectangle[]): Promise<WindowState | null> {
  try {
    const state = WindowState.parse(JSON.parse(await fs.promises.readFile(fileIn(userData), 'utf8')));
    return workAreas.some((area) => overlaps(state, area)) ? state : null;
  } catch {
    return null;
  }
}

/** Synchronous: it runs as the window closes, and the app may quit right after. */
export function saveWindowState(userData: string, state: WindowState): void {
  fs.writeFileSync(fileIn(userData), JSON.stringify(state) + '\n');
}

function overlaps(window: Rectangle, area: Rectangle): boolean {
  const width = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  const height = Math.min(window.y + window.height, area.y + area.height) - Math.max(window.y, area.y);
  return width >= MIN_VISIBLE.width && height >= MIN_VISIBLE.height;
}
