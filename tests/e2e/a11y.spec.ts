import { test, expect, Page } from '@playwright/test';
import { pulse as quickPulse } from './pulse';

// axe-core is injected, so this context bypasses the page's CSP.
test.use({ bypassCSP: true });

async function axe(page: Page, label: string) {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const result = await page.evaluate(async () =>
    (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }));
  const problems = result.violations.map((v: any) =>
    `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')).join(' | ')}`);
  expect(problems).toEqual([]);
}

const pulse = (page: Page) => quickPulse(page, (n) => (n < 4 ? 'Always' : 'Rarely'));

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen passes axe (WCAG 2.2 AA), ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await axe(page, 'home');
    await page.goto('./#/checkin');
    await expect(page.getByRole('heading', { name: 'Choose a check-in' })).toBeVisible();
    await axe(page, 'check-in chooser');
    await page.getByRole('button', { name: /Full check-in/ }).click();
    await page.getByRole('button', { name: 'Next' }).click(); // shows the alert too
    await expect(page.getByRole('alert')).toBeVisible();
    await axe(page, 'question step with error');
    await page.getByRole('button', { name: 'Discard this check-in' }).click();
    await pulse(page);
    await page.getByText('How this was computed').click();
    await axe(page, 'results');
    await pulse(page);
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await expect(page.locator('table.history tbody tr')).toHaveCount(2);
    await axe(page, 'history');
    await page.goto('./#/plan');
    await page.getByRole('button', { name: /Add all steps of/ }).first().click();
    await page.getByText('More strategies').click();
    await axe(page, 'plan with steps and all strategies open');
    await page.goto('./#/ledger');
    await page.getByRole('button', { name: 'Add to ledger' }).click(); // the inline alert
    await expect(page.getByRole('alert')).toHaveText(/Choose whether/);
    await axe(page, 'ledger with error');
    await page.getByLabel('It drained me').check();
    await page.getByLabel('3', { exact: true }).check();
    await page.getByRole('button', { name: 'Add to ledger' }).click();
    await expect(page.locator('table.ledger tbody tr')).toHaveCount(1);
    await axe(page, 'ledger with an entry');
    await page.goto('./#/audit');
    await page.locator('#value-0').fill('Family');
    await page.locator('#rating-0').fill('3');
    await page.getByRole('button', { name: 'Save audit' }).click();
    await expect(page.getByRole('heading', { name: 'Biggest gaps' })).toBeVisible();
    await axe(page, 'audit with gaps');
    for (const route of ['report', 'privacy', 'nowhere']) {
      await page.goto(`./#/${route}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await axe(page, route);
    }
  });
}

test('no horizontal scrolling at 320 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await pulse(page);
  for (const route of ['', 'checkin', 'results', 'history', 'plan', 'ledger', 'audit', 'report', 'privacy']) {
    await page.goto(`./#/${route}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, route).toBeLessThanOrEqual(0);
  }
  await page.goto('./#/results');
  await page.screenshot({ path: 'target/playwright/results-320.png', fullPage: true });
});

test('the theme can be chosen by hand, is remembered, and passes axe both ways', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // Every custom property the style sheet sets, as the page resolves it:
  // style/main.css writes the dark palette twice (for a dark system, and
  // for dark chosen by hand; CSS has no way to share one block between a
  // media query and an attribute), so the two must stay the same.
  const palette = () => page.evaluate(() => {
    const names = new Set<string>();
    const walk = (rules: CSSRuleList) => {
      for (const r of Array.from(rules) as any[]) {
        if (r.cssRules) walk(r.cssRules);
        if (r.style) for (const n of Array.from(r.style as CSSStyleDeclaration)) if (n.startsWith('--')) names.add(n);
      }
    };
    for (const sheet of Array.from(document.styleSheets)) walk(sheet.cssRules);
    const style = getComputedStyle(document.documentElement);
    return Object.fromEntries([...names].sort().map((n) => [n, style.getPropertyValue(n).trim()]));
  });
  const light = await bg();
  const lightPalette = await palette();
  expect(Object.keys(lightPalette).length).toBeGreaterThan(15);
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bg()).not.toBe(light);
  const darkPalette = await palette();
  expect(darkPalette).not.toEqual(lightPalette);
  await axe(page, 'home, dark chosen on a light system');
  // Remembered, and applied before the app starts (no flash of the other theme).
  await page.route('**/*.wasm', (r) => r.abort());
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.unroute('**/*.wasm');
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByLabel('Theme').selectOption('light');
  expect(await bg()).toBe(light);
  expect(await palette()).toEqual(lightPalette);
  await axe(page, 'home, light chosen on a dark system');
  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await bg()).not.toBe(light);
  // The system's dark is the same palette as dark chosen by hand.
  expect(await palette()).toEqual(darkPalette);
});

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' });

  test('the browser language picks Spanish: every screen is translated and passes axe in both themes', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1, name: '¿Cómo te va de verdad en el trabajo?' })).toBeVisible();
    // A full pulse by keyboard alone, in Spanish.
    await page.getByRole('link', { name: 'Empezar revisión' }).click();
    await page.getByRole('button', { name: /Pulso rápido/ }).focus();
    await page.keyboard.press('Enter');
    for (let n = 1; n <= 7; n++) {
      await expect(page.getByText(`Pregunta ${n} de 7`)).toBeVisible();
      await expect(page.locator('fieldset')).toBeFocused(); // focus moves to the question
      await page.keyboard.press('Tab'); // into the radio group
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight'); // "A veces"
      await expect(page.getByRole('radio', { name: 'A veces' })).toBeChecked();
      await page.keyboard.press('Enter'); // submits the step
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Tus resultados' })).toBeFocused();
    // Dates are formatted for the language.
    await page.goto('./#/history');
    const date = await page.evaluate(() => new Intl.DateTimeFormat('es', { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date()));
    await expect(page.locator('table.history tbody tr').first()).toContainText(date);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const route of ['', 'checkin', 'results', 'history', 'plan', 'ledger', 'audit', 'report', 'privacy']) {
        await page.goto(`./#/${route}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await page.locator('main').innerText()).not.toMatch(/\b(plan|ledger|audit|results|lock|history)\.[a-z]/);
        await axe(page, `es ${scheme} ${route || 'home'}`);
      }
    }
  });

  test('the language can be switched by hand and the choice is remembered', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await page.getByLabel('Idioma').selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'How are you really doing at work?' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'How are you really doing at work?' })).toBeVisible();
    await page.getByLabel('Language').selectOption('es');
    await expect(page.getByRole('heading', { level: 1, name: '¿Cómo te va de verdad en el trabajo?' })).toBeVisible();
    // The calendar file is in Spanish too.
    await page.goto('./#/plan');
    const [dl] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Descargar archivo de calendario (.ics)' }).click()]);
    const text = require('fs').readFileSync(await dl.path(), 'utf8').replace(/\r\n /g, '');
    expect(text).toContain('SUMMARY:Revisión de Temper');
  });
});
