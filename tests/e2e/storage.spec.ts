import { test, expect, Page } from '@playwright/test';
import { pulse as quickPulse, choose } from './pulse';

// Complete a quick pulse with "Sometimes" everywhere.
async function doPulse(page: Page) {
  await quickPulse(page, 'Sometimes');
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toHaveAttribute('aria-valuenow', '50');
}

test('corrupt stored data is kept, explained and offered for download', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('temper.data', '{"v":1,"data":{"checkins":[{"id":"x"');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be read');
  await expect(alert).toContainText('has not been changed or deleted');
  await doPulse(page);
  // The unreadable text is still there, untouched.
  expect(await page.evaluate(() => localStorage.getItem('temper.data'))).toBe('{"v":1,"data":{"checkins":[{"id":"x"');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download your data' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('temper-unreadable-data.json');
});

test('blocked storage: the app still works in memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('not letting Temper store anything');
  await doPulse(page);
  await expect(page.getByText('Where you are: Worth watching')).toBeVisible();
  await page.goto('./#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
});

test('full quota: the save fails visibly and nothing saved is lost', async ({ page }) => {
  await doPulse(page);
  const before = await page.evaluate(() => localStorage.getItem('temper.data'));
  expect(JSON.parse(before!).data.checkins).toHaveLength(1);
  await page.evaluate(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === 'temper.data') throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
  await doPulse(page);
  await expect(page.getByRole('alert')).toContainText('storage is full');
  expect(await page.evaluate(() => localStorage.getItem('temper.data'))).toBe(before);
  // Both check-ins are still in memory, and can be downloaded.
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await expect(page.locator('table.history tbody tr')).toHaveCount(2);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download your data' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('temper-backup.json');
  // The unsaved check-in's answers were kept as a draft: a reload still has them.
  await page.reload();
  await page.goto('./#/checkin');
  await expect(page.getByText('Question 7 of 7')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Sometimes' })).toBeChecked();
});

test('data from a newer version opens read-only and is never overwritten', async ({ page }) => {
  await doPulse(page);
  const current = await page.evaluate(() => localStorage.getItem('temper.data'));
  const newer = current!.replace('"v":3', '"v":7');
  await page.evaluate((t) => localStorage.setItem('temper.data', t), newer);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('saved by a newer version of Temper (format 7)');
  // Still readable: the history shows what it holds.
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
  await doPulse(page);
  expect(await page.evaluate(() => localStorage.getItem('temper.data'))).toBe(newer);
});

test('another tab writing newer-version data (with members this version lacks) makes this tab read-only at once', async ({ context }) => {
  const a = await context.newPage();
  await doPulse(a);
  const current = await a.evaluate(() => localStorage.getItem('temper.data'));
  // A newer Temper that stores more writes a new schema version.
  const newer = current!.replace('"v":3', '"v":7').replace('"cv":1', '"cv":1,"mood":{"word":"tired"}');
  const b = await context.newPage();
  await b.goto('./');
  await b.evaluate((t) => localStorage.setItem('temper.data', t), newer);
  // Tab a hears the storage event, without any reload. (In front again: a
  // background tab gets about one animation frame a second, which makes
  // every click wait.)
  await a.bringToFront();
  await expect(a.getByRole('alert')).toContainText('saved by a newer version of Temper (format 7)');
  await doPulse(a);
  expect(await a.evaluate(() => localStorage.getItem('temper.data'))).toBe(newer);
});

// Open the home screen, then make the browser refuse (quota full) to store
// one key.
async function openRefusing(page: Page, key: string) {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'How are you really doing at work?' })).toBeVisible();
  await page.evaluate((refused) => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === refused) throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  }, key);
}

test('a language choice that cannot be saved says so, and the language stays', async ({ page }) => {
  await openRefusing(page, 'temper.lang');
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('alert')).toContainText('The language was not changed');
  await expect(page.getByLabel('Language')).toHaveValue('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await page.evaluate(() => localStorage.getItem('temper.lang'))).toBeNull();
});

test('a theme choice that cannot be saved still applies, and says it will not be remembered', async ({ page }) => {
  await openRefusing(page, 'temper.theme');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('alert')).toContainText('did not let Temper remember it');
  expect(await page.evaluate(() => localStorage.getItem('temper.theme'))).toBeNull();
  await page.screenshot({ path: 'target/playwright/theme-not-saved.png' });
});

test('the code that reads stored data is fetched only when there is data to read or save; if it cannot arrive, the data is left as it is', async ({ browser }) => {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const codec = (u: string) => /\/app-[0-9a-f]+\/split_codec\.wasm$/.test(u);
  const asked: string[] = [];
  page.on('request', (r) => asked.push(r.url()));
  // A first visit: home without it.
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'How are you really doing at work?' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(asked.filter(codec)).toEqual([]);
  await doPulse(page);
  expect(asked.filter(codec)).toHaveLength(1);
  const stored = (await page.evaluate(() => localStorage.getItem('temper.data')))!;
  // Coming back with the code refused: the stored text is kept untouched,
  // the person is told why, and nothing is written over it.
  await page.route(codec, (r) => r.abort());
  await page.reload();
  await expect(page.getByRole('alert').first()).toContainText('the part of Temper that reads it could not be loaded');
  await page.goto('./#/checkin');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => localStorage.getItem('temper.data'))).toBe(stored);
  // With the code back, everything is there.
  await page.unroute(codec);
  await page.reload();
  await page.goto('./#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
  await ctx.close();
});

test('a check-in in progress left unread for want of that code is resumed once it arrives, never replaced', async ({ browser }) => {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const codec = /\/app-[0-9a-f]+\/split_codec\.wasm$/;
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let n = 1; n <= 3; n++) await choose(page, 'Sometimes');
  await expect(page.getByText(/^Question 4 of 7/)).toBeVisible();
  const draft = await page.evaluate(() => localStorage.getItem('temper.draft'));
  expect(draft).toContain('"a":');
  // Back with the code refused: the check-in can't open, and the stored one
  // is left alone.
  let failing = true;
  await page.route(codec, (r) => (failing ? r.abort() : r.continue()));
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' });
  await expect(alert).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('temper.draft'))).toBe(draft);
  // Once it arrives, the check-in resumes where it was.
  failing = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText(/^Question 4 of 7/)).toBeVisible();
  await ctx.close();
});
