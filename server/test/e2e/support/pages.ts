/** Opens GFA screens in fresh browser contexts (notifications recorded) and signs staff in. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  const page = await submitPassword(browser, baseUrl, login, password);
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe-core violations of what the page shows now (ids, with the first target). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Injected through the DevTools protocol: the page's CSP (no inline script) stays on.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return (await axe.run()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} ${v.nodes[0]?.target.join(' ') ?? ''}`);
  });
}
