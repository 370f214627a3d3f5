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

/** Opens the workstation and submits the password only: the second-factor step is the caller's. */
export async function submitPassword(
  browser: Browser,
  baseUrl: string,
  login: string,
  password = 'demo',
): Promise<Page> {
  const page = await openScreen(browser, `${baseUrl}/workstation/`, { width: 1600, height: 900 });
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  return page;
}

/** Administration › one section, from anywhere in a signed-in administrator's workstation. */
export async function openAdminSection(page: Page, section: string): Promise<void> {
  await page.getByRole('button', { name: 'Administration', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Administration' })
    .getByRole('button', { name: section, exact: true })
    .click();
}
