import { test, expect, Page } from '@playwright/test';
import { pulse as quickPulse } from './pulse';

const PASS = 'correct horse battery';

const pulse = (page: Page) => quickPulse(page, 'Often');

const raw = (page: Page, key = 'temper.data') => page.evaluate((k) => localStorage.getItem(k), key);

async function setLock(page: Page, minutes = '15') {
  await page.goto('./#/privacy');
  await page.getByLabel('Lock again after no use for').selectOption(minutes);
  await page.getByLabel('New passphrase (at least 8 characters)').fill(PASS);
  await page.getByLabel('Type it again').fill(PASS);
  await page.getByRole('button', { name: 'Lock with this passphrase' }).click();
  await expect(page.getByText('Locked. Your data is now stored encrypted.')).toBeVisible({ timeout: 15000 });
}

async function unlock(page: Page, passphrase = PASS) {
  await expect(page.getByRole('heading', { level: 1, name: 'Temper is locked' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Passphrase', { exact: true }).press('Enter');
}

test('lock: bad passphrases are refused, stored data is unreadable without it, a wrong passphrase changes nothing', async ({ page }) => {
  await pulse(page);
  await page.getByLabel(/Your note on this check-in/).fill('private words');
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.goto('./#/privacy');
  await expect(page.getByText(/If you forget the passphrase, your data cannot be recovered/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download backup (JSON)' })).toBeVisible();
  await page.getByLabel('New passphrase (at least 8 characters)').fill('short');
  await page.getByRole('button', { name: 'Lock with this passphrase' }).click();
  await expect(page.getByRole('alert')).toHaveText('The passphrase needs at least 8 characters.');
  await page.getByLabel('New passphrase (at least 8 characters)').fill(PASS);
  await page.getByLabel('Type it again').fill(PASS + 'x');
  await page.getByRole('button', { name: 'Lock with this passphrase' }).click();
  await expect(page.getByRole('alert')).toHaveText('The two passphrases are not the same.');
  expect(await raw(page)).toContain('private words'); // nothing changed yet

  await setLock(page);
  const sealed = (await raw(page))!;
  const env = JSON.parse(sealed);
  expect(env.v).toBe(2);
  expect(env.data).toBeUndefined();
  expect(env.sealed).toMatchObject({ alg: 'AES-GCM', kdf: 'PBKDF2-SHA256', iter: 600000 });
  expect(atob(env.sealed.iv).length).toBe(12);
  expect(sealed).not.toContain('private words');
  expect(sealed).not.toContain('ex1');
  expect(await raw(page, 'temper.draft')).toBeNull();

  await page.reload();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await unlock(page, 'not the passphrase');
  await expect(page.getByRole('alert')).toHaveText(/did not unlock your data. Nothing was changed/, { timeout: 15000 });
  expect(await raw(page)).toBe(sealed);
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Temper' })).toBeVisible({ timeout: 15000 });
  await page.goto('./#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
  await expect(page.locator('.note-cell')).toHaveText('private words');

  // Saving while unlocked writes encrypted text, with a fresh IV each time.
  await pulse(page);
  await expect.poll(async () => JSON.parse((await raw(page))!).sealed.iv).not.toBe(env.sealed.iv);
  const again = (await raw(page))!;
  expect(again).not.toContain('ex1');
  expect(await raw(page, 'temper.draft')).toBeNull();
  await page.reload();
  await unlock(page);
  await page.goto('./#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(2);
});

test('lock now, then remove the lock: the data is stored readable again', async ({ page }) => {
  await pulse(page);
  await setLock(page);
  await page.getByRole('button', { name: 'Lock now' }).click();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Temper' })).toBeVisible({ timeout: 15000 });
  await page.goto('./#/privacy');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Remove the lock' }).click();
  await expect(page.getByText('The lock was removed.')).toBeVisible();
  const plain = JSON.parse((await raw(page))!);
  expect(plain.v).toBe(2);
  expect(plain.data.checkins.length).toBe(1);
  await page.reload();
  await page.goto('./#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
});

test('the lock closes by itself after the chosen time without use', async ({ page }) => {
  await page.clock.install();
  await pulse(page);
  await setLock(page, '5');
  await page.clock.fastForward('04:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
  await page.mouse.click(5, 5); // activity restarts the timer
  await page.clock.fastForward('04:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
  await page.clock.fastForward('02:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Temper is locked' })).toBeVisible();
});

test('with the lock on, changing the language mid-check-in asks first, since the answers so far live in memory only', async ({ page }) => {
  await setLock(page);
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  await page.getByRole('radio', { name: 'Often' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  expect(await raw(page, 'temper.draft')).toBeNull();

  // Cancel: nothing changes, the check-in goes on.
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await page.getByLabel('Language').selectOption('es');
  await expect.poll(() => asked).toContain('would be lost');
  await expect(page.getByLabel('Language')).toHaveValue('en');
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  expect(await raw(page, 'temper.lang')).toBeNull();

  // Accept: the page reloads in Spanish (and asks for the passphrase).
  page.once('dialog', (d) => d.accept());
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { level: 1, name: /bloqueado/i })).toBeVisible();
  expect(await raw(page, 'temper.lang')).toBe('es');
});
