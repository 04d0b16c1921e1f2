import type { Browser, BrowserType } from 'playwright-core';

/** Where a Chromium is and how to start it: a system one, or the one @sparticuz/chromium ships. */
export function findChromium(): Promise<{ executablePath: string; args: string[]; env: Record<string, string>; source: string }>;
/** Launches headless Chromium with playwright-core; `source` says which binary. */
export function launchChromium(chromium: BrowserType): Promise<{ browser: Browser; source: string }>;
