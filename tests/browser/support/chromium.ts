/**
 * Debian's Chromium driven by playwright-core (no browser download): headless, sandbox off (CI
 * runs as root), background networking off (the machine's network is closed), a fresh profile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Run scripts/ensure-chromium.sh (it installs Debian's chromium package).`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hnr-chromium-'));
  // launchPersistentContext is how Playwright takes a --user-data-dir: a new, empty profile each run.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/London',
  });
  context.setDefaultTimeout(20000);
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
