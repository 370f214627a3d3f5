/** Opens GFA screens in fresh browser contexts (notifications recorded) and signs staff in. */
import type { Browser, Page } from 'playwright-core';
import { RECORD_NOTIFICATIONS } from './browser.js';

export async function openScreen(
  browser: Browser,
  url: string,
  viewport = { width: 1920, height: 1080 },
): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport });
  await context.addInitScript(RECORD_NOTIFICATIONS);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

export async function signInWorkstation(
  browser: Browser,
  baseUrl: string,
  login: string,
  password = 'demo',
): Promise<Page> {
  const page = await openScreen(browser, `${baseUrl}/workstation/`, { width: 1600, height: 900 });
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  return page;
}
