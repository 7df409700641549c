// Issue 17: what an update, a second deployment, a slow file or a second
// locked tab must never destroy.
import { test, expect, Page } from '@playwright/test';
import { pulse, choose } from './pulse';
import * as fs from 'fs';

const PASS = 'correct horse battery';

async function installed(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 15_000 });
}

test('the service worker installs every file from the network, never from the HTTP cache', async ({ page, context }) => {
  const precached: Record<string, string> = {};
  context.on('request', async (r) => {
    if (r.serviceWorker() && !r.url().endsWith('/sw.js')) precached[r.url()] = (await r.allHeaders())['cache-control'] ?? '';
  });
  await page.goto('./');
  await installed(page);
  const urls = Object.keys(precached);
  expect(urls.length).toBeGreaterThan(20);
  // `cache: 'reload'`: the browser asks the server, whatever its cache holds.
  for (const url of urls) expect(precached[url], url).toBe('no-cache');
});

test('two deployments on one origin keep each other\'s offline copy', async ({ page, context }) => {
  await page.goto('./');
  await installed(page);
  await page.goto('./tools/temper/');
  // Its own worker (the first one's scope covers this path too) is active.
  await expect.poll(() => page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return `${r?.scope} ${r?.active?.state}`;
  }), { timeout: 15_000 }).toMatch(/\/tools\/temper\/ activated$/);
  const names = await page.evaluate(async () => (await caches.keys()).sort());
  expect(names).toHaveLength(2);
  // Each still holds its whole build.
  const sizes = await page.evaluate(async (n) => Promise.all(n.map(async (name) => (await (await caches.open(name)).keys()).length)), names);
  expect(sizes[0]).toBeGreaterThan(20);
  expect(sizes[1]).toBe(sizes[0]);
  expect(names[0]).toMatch(/^temper:http:\/\/127\.0\.0\.1:\d+\/:v[0-9a-f]{16}$/);
  expect(names[1]).toMatch(/^temper:http:\/\/127\.0\.0\.1:\d+\/tools\/temper\/:v[0-9a-f]{16}$/);
  // The first deployment still opens offline after the second installed.
  await context.setOffline(true);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'How are you really doing at work?' })).toBeVisible();
  await context.setOffline(false);
});

test('offline, the service worker answers only its own page, not a deeper path', async ({ page, context }) => {
  await page.goto('./');
  await installed(page);
  await context.setOffline(true);
  // index.html at a deeper path would load its files from the wrong place:
  // the browser's own offline page is the honest answer there.
  const deep = await page.goto('./some/deeper/path/').then(() => 'served', () => 'not served');
  expect(deep).toBe('not served');
  const own = await context.newPage();
  await own.goto('./');
  await expect(own.getByRole('heading', { level: 1, name: 'How are you really doing at work?' })).toBeVisible();
  await context.setOffline(false);
});

test('a file that is slow to read never replaces the preview of one picked after it', async ({ page }, info) => {
  // The first file picked takes 1.5 s to read; the second is read at once.
  await page.addInitScript(() => {
    const text = Blob.prototype.text;
    let calls = 0;
    Blob.prototype.text = function () {
      const read = text.call(this);
      return calls++ === 0 ? new Promise((ok) => setTimeout(() => ok(read), 1500)) : read;
    };
  });
  await page.goto('./#/history');
  const a = { ex1: 2, cy1: 2, ef1: 2, bo1: 2, di1: 2, uc1: 2, sg4: 1 };
  const file = (name: string, n: number) => {
    const path = info.outputPath(name);
    const checkins = Array.from({ length: n }, (_, i) => ({ id: `${name}-${i}`, at: 1.7e12 + i * 864e5, m: 'pulse', cv: 1, a }));
    fs.writeFileSync(path, JSON.stringify({ v: 2, data: { checkins } }));
    return path;
  };
  const input = page.getByLabel('Restore from a backup file');
  await input.setInputFiles(file('slow.json', 1));
  await input.setInputFiles(file('later.json', 3));
  await expect(page.getByText(/This file holds 3 check-ins/)).toBeVisible();
  await page.waitForTimeout(2000);
  await expect(page.getByText(/This file holds 3 check-ins/)).toBeVisible();
  await expect(page.getByText(/This file holds 1 check-in/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Replace what is here' }).click();
  const ids = await page.evaluate(() => JSON.parse(localStorage.getItem('temper.data')!).data.checkins.map((c: any) => c.id));
  expect(ids).toEqual(['later.json-0', 'later.json-1', 'later.json-2']);
});

async function setLock(page: Page) {
  await page.goto('./#/privacy');
  await page.getByLabel('New passphrase (at least 8 characters)').fill(PASS);
  await page.getByLabel('Type it again').fill(PASS);
  await page.getByRole('button', { name: 'Lock with this passphrase' }).click();
  await expect(page.getByText('Locked. Your data is now stored encrypted.')).toBeVisible({ timeout: 15000 });
}

async function unlock(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Temper is locked' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.getByLabel('Passphrase', { exact: true }).press('Enter');
}

test('a hand-edited auto-lock time too large for a timer does not lock again at once', async ({ page }) => {
  await pulse(page, 'Often');
  await setLock(page);
  await page.evaluate(() => localStorage.setItem('temper.autolock', '99999999999'));
  await page.reload();
  await unlock(page);
  await page.goto('./#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1, { timeout: 15000 });
  await page.waitForTimeout(1500);
  await expect(page.getByRole('heading', { level: 1, name: 'Temper is locked' })).toHaveCount(0);
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
});

test('two unlocked tabs saving at once with the lock on both keep their change', async ({ context }) => {
  const a = await context.newPage();
  await pulse(a, 'Often');
  await setLock(a);
  const b = await context.newPage();
  await b.goto('./#/ledger');
  await unlock(b);
  // Tab a is one answer from a new check-in; tab b has a ledger entry ready.
  await a.bringToFront();
  await a.goto('./#/checkin');
  await a.getByRole('button', { name: /Quick pulse/ }).click();
  for (let q = 1; q < 7; q++) {
    await choose(a, 'Sometimes');
  }
  await a.getByRole('radio', { name: 'Rarely' }).check();
  await b.bringToFront();
  await b.getByLabel('It drained me').check();
  await b.getByLabel('Kind', { exact: true }).selectOption('work');
  await b.getByLabel('4', { exact: true }).check();
  // Both saves start together: each tab's sealed write must not drop the other's.
  await Promise.all([
    a.getByRole('button', { name: 'See results' }).click(),
    b.getByRole('button', { name: 'Add to ledger' }).click(),
  ]);
  await expect(a.getByRole('meter', { name: 'Burnout', exact: true })).toBeVisible();
  await expect(b.locator('table.ledger tbody tr')).toHaveCount(1);
  await a.waitForTimeout(2000);
  const c = await context.newPage();
  await c.goto('./#/history');
  await unlock(c);
  await expect(c.locator('table.history tbody tr')).toHaveCount(2, { timeout: 15000 });
  await c.goto('./#/ledger');
  await expect(c.locator('table.ledger tbody tr')).toHaveCount(1);
});
