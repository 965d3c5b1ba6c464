import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureWebConsoleBuild } from '../../../src/http/web-console-build.js';
import { ADMIN, startTestInstance, type TestInstance } from '../../support/test-instance.js';
import { launchChromium } from './chromium.js';

/** A listening Tenantbase, its console URL and a browser to drive it. */
export interface ConsoleWorld {
  tb: TestInstance;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser profile (no localStorage), as a second person on another machine. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the console if needed, starts an instance on a free port and launches Chromium. */
export async function startConsoleWorld(): Promise<ConsoleWorld> {
  await ensureWebConsoleBuild((line) => console.log(`e2e: ${line}`));
  const tb = await startTestInstance();
  await tb.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = tb.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    tb,
    baseUrl,
    browser,
    async newPage(viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await tb.destroy();
    },
  };
}

/** Signs in through the sign-in page; an empty tenant signs in the platform administrator. */
export async function signIn(
  page: Page,
  credentials: { tenant?: string; email: string; password: string },
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Workspace ID').fill(credentials.tenant ?? '');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password', { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export const PLATFORM_ADMIN = ADMIN;
