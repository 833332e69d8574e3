// Shared by the browser tests and the page benchmark: where the page is, where artifacts go, how
// Chromium is started (Debian's, headless, with nothing phoning home), and axe-core.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
export const ARTIFACTS = process.env.ARTIFACTS ?? 'artifacts';
export const DIST = process.env.DIST ?? 'dist';
mkdirSync(ARTIFACTS, { recursive: true });

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA and best-practice violations on the page, one line each. */
export async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** On the household step, adds a 43-year-old spouse, unemployed and seriously ill in treatment, and
 * a 15-year-old child at junior secondary school full time, fees 0, whose parents can support them. */
export async function spouseIllChildAtSchool(page) {
  const at = (i, name) => page.locator(`#member-${i}-${name}`);
  const yes = (id, value) => page.locator(value ? `#${id}` : `#${id}-no`).check();
  await page.getByRole('button', { name: '添加一位家庭成员' }).click();
  await at(1, 'relation').selectOption('spouse'); await at(1, 'age').fill('43'); await at(1, 'work').selectOption('unemployed');
  await at(1, 'ill').check(); await yes('member-1-serious', true); await yes('member-1-treatment', true);
  await page.getByRole('button', { name: '添加一位家庭成员' }).click();
  await at(2, 'relation').selectOption('child'); await at(2, 'age').fill('15'); await at(2, 'student').selectOption('junior_secondary');
  await yes('member-2-fulltime', true); await yes('member-2-highfee', false); await yes('member-2-abroad', false);
  await at(2, 'fees').fill('0'); await at(2, 'supporter').selectOption('able');
}
