import fs from 'node:fs';
import { chromium } from '@playwright/test';

/** Quiet and offline: no sync, no component updates, no background requests to Google. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser a user's machine has: CHROMIUM_PATH if set, else Debian's Chromium, else the one
 * `npx playwright install chromium` downloads. Null when there is none.
 */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, DEBIAN_CHROMIUM, chromium.executablePath()];
  return candidates.find((candidate): candidate is string => Boolean(candidate) && fs.existsSync(candidate!)) ?? null;
}

export const NO_BROWSER_MESSAGE =
  "No Chromium for the end-to-end tests: set CHROMIUM_PATH, install Debian's" +
  ' (apt-get install chromium), or run `npx playwright install chromium`.';

export function chromiumLaunchOptions(executablePath: string) {
  return { executablePath, args: FLAGS };
}
