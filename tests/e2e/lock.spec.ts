import { test, expect, Page } from '@playwright/test';
import { pulse as quickPulse, choose } from './pulse';

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
  expect(env.v).toBe(3);
  expect(env.data).toBeUndefined();
  expect(env.sealed).toMatchObject({ alg: 'AES-GCM', kdf: 'PBKDF2-SHA256', iter: 600000 });
  expect(atob(env.sealed.iv).length).toBe(12);
  expect(sealed).not.toContain('private words');
  expect(sealed).not.toContain('"ex1"'); // quoted: base64 ciphertext may hold the letters, never a quote
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
  expect(again).not.toContain('"ex1"'); // quoted: base64 ciphertext may hold the letters, never a quote
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
  expect(plain.v).toBe(3);
  expect(plain.data.checkins.length).toBe(1);
  await page.reload();
  await page.goto('./#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
});

test('the lock closes by itself after the chosen time without use, and a check-in in progress comes back after unlocking', async ({ page }) => {
  await page.clock.install();
  await pulse(page);
  await setLock(page, '5');
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  await choose(page, 'Often');
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  await page.clock.fastForward('04:00');
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  await page.keyboard.press('Shift'); // activity restarts the timer
  await page.clock.fastForward('04:00');
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  await page.clock.fastForward('02:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Temper is locked' })).toBeVisible();
  await expect(page.getByText('Question 2 of 7')).toBeHidden();
  // Every main heading shown from here on: the check-in comes straight
  // back, without the "Choose a check-in" screen in between.
  await page.evaluate(() => {
    const seen: string[] = ((window as any).__headings = []);
    new MutationObserver(() => {
      const h = document.querySelector('main h1')?.textContent ?? '';
      if (seen[seen.length - 1] !== h) seen.push(h);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await unlock(page);
  await expect(page.getByText('Question 2 of 7')).toBeVisible({ timeout: 15000 });
  expect(await page.evaluate(() => (window as any).__headings)).not.toContain('Choose a check-in');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('radio', { name: 'Often' })).toBeChecked();
});

const draftText = async (page: Page) => (await raw(page, 'temper.draft')) ?? '';

test('with the lock on, a check-in in progress is stored sealed and survives locking, the lock\'s removal and a change of language', async ({ page }) => {
  // Started without the lock: stored readable.
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  await choose(page, 'Often');
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  expect(await draftText(page)).toContain('"a":{');

  // Setting the lock seals it: no answer stays readable.
  await setLock(page);
  await expect.poll(() => draftText(page)).toContain('"sealed"');
  const first = JSON.parse(await draftText(page));
  expect(first.sealed).toMatchObject({ alg: 'AES-GCM', kdf: 'PBKDF2-SHA256', iter: 600000 });
  expect(await draftText(page)).not.toContain('"a":');

  // Lock now, unlock: the check-in is still in progress, and goes on sealed.
  await page.getByRole('button', { name: 'Lock now' }).click();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible({ timeout: 15000 });
  await page.goto('./#/');
  await expect(page.getByText('You have a check-in in progress.')).toBeVisible();
  await page.goto('./#/checkin');
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  await choose(page, 'Rarely');
  await expect(page.getByText('Question 3 of 7')).toBeVisible();
  await expect.poll(async () => JSON.parse(await draftText(page)).sealed.iv).not.toBe(first.sealed.iv);
  expect(await draftText(page)).not.toContain('"a":');

  // Removing the lock writes it readable again.
  await page.goto('./#/privacy');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Remove the lock' }).click();
  await expect(page.getByText('The lock was removed.')).toBeVisible();
  expect(await draftText(page)).toContain('"a":{');
  await page.reload();
  await page.goto('./#/checkin');
  await expect(page.getByText('Question 3 of 7')).toBeVisible();

  // With the lock on again, a language change (a reload) asks nothing and
  // keeps the check-in; it only asks for the passphrase.
  await setLock(page);
  await expect.poll(() => draftText(page)).toContain('"sealed"');
  let asked = '';
  page.on('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { level: 1, name: 'Temper está bloqueado' })).toBeVisible();
  expect(asked).toBe('');
  await page.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await page.getByLabel('Frase de contraseña', { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacidad' })).toBeVisible({ timeout: 15000 });
  await page.goto('./#/checkin');
  await expect(page.getByText('Pregunta 3 de 7')).toBeVisible();
});

test('erasing locked data after a forgotten passphrase also removes the sealed check-in in progress', async ({ page }) => {
  await setLock(page);
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  await page.getByRole('radio', { name: 'Often' }).click();
  await expect.poll(() => draftText(page)).toContain('"sealed"');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Temper is locked' })).toBeVisible();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: /Erase/ }).click();
  await expect(page.getByRole('heading', { name: 'Choose a check-in' })).toBeVisible();
  expect(await raw(page)).toBeNull();
  expect(await raw(page, 'temper.draft')).toBeNull();
});

test('erasing the locked data in another tab also clears a tab that was unlocked, which never writes it back', async ({ context }) => {
  const a = await context.newPage();
  await pulse(a);
  await setLock(a);
  const b = await context.newPage();
  await b.goto('./');
  await expect(b.getByRole('heading', { level: 1, name: 'Temper is locked' })).toBeVisible();
  b.once('dialog', (d) => d.accept());
  await b.getByRole('button', { name: /Erase/ }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'How are you really doing at work?' })).toBeVisible();
  // Tab a forgets what it had decrypted: it reloads with nothing stored.
  await a.bringToFront();
  await a.goto('./#/history');
  await expect(a.getByText('No check-ins saved yet.')).toBeVisible();
  // Its next save holds only what was made after the erase, in plain text.
  await pulse(a);
  const saved = JSON.parse((await raw(a))!);
  expect(saved.data.checkins.length).toBe(1);
});

test('when the sealed copy does not fit, the lock says so and nothing claims encryption', async ({ page }) => {
  await pulse(page);
  const plain = await raw(page);
  await page.goto('./#/privacy');
  await page.evaluate(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === 'temper.data' && v.includes('"sealed"')) throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  await page.getByLabel('New passphrase (at least 8 characters)').fill(PASS);
  await page.getByLabel('Type it again').fill(PASS);
  await page.getByRole('button', { name: 'Lock with this passphrase' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'storage is full' })).toBeVisible({ timeout: 15000 });
  await expect(page.getByText('Locked. Your data is now stored encrypted.')).toHaveCount(0);
  expect(await raw(page)).toBe(plain);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Temper is locked' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lock with this passphrase' })).toBeVisible();
});

test('"Lock now" locks every open tab', async ({ context }) => {
  const a = await context.newPage();
  await a.bringToFront();
  await pulse(a);
  await setLock(a);
  const b = await context.newPage();
  await b.goto('./#/history');
  await b.bringToFront();
  await unlock(b);
  await expect(b.locator('table.history tbody tr')).toHaveCount(1, { timeout: 15000 });
  await a.bringToFront();
  await a.getByRole('button', { name: 'Lock now' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Temper is locked' })).toBeVisible();
  await b.bringToFront();
  await expect(b.getByRole('heading', { level: 1, name: 'Temper is locked' })).toBeVisible();
  await expect(b.locator('table.history')).toHaveCount(0);
});

test('a passphrase typed in another Unicode form still unlocks, and blank ones are refused', async ({ page }) => {
  await pulse(page);
  await page.goto('./#/privacy');
  await page.getByLabel('New passphrase (at least 8 characters)').fill('        ');
  await page.getByLabel('Type it again').fill('        ');
  await page.getByRole('button', { name: 'Lock with this passphrase' }).click();
  await expect(page.getByRole('alert')).toHaveText('The passphrase needs at least 8 characters.');
  const decomposed = 'cafe\u0301 au lait';
  await page.getByLabel('New passphrase (at least 8 characters)').fill(decomposed);
  await page.getByLabel('Type it again').fill(decomposed);
  await page.getByRole('button', { name: 'Lock with this passphrase' }).click();
  await expect(page.getByText('Locked. Your data is now stored encrypted.')).toBeVisible({ timeout: 15000 });
  await page.reload();
  await unlock(page, decomposed.normalize('NFC'));
  await expect(page.getByRole('heading', { level: 1, name: 'Temper' })).toBeVisible({ timeout: 15000 });
});

test('the passphrase can be changed: the old one stops working, the new one opens, and other tabs lock', async ({ context }) => {
  const page = await context.newPage();
  await quickPulse(page, 'Rarely');
  await setLock(page);
  const other = await context.newPage();
  await other.goto('./#/history');
  await unlock(other);
  await expect(other.locator('table.history tbody tr')).toHaveCount(1);
  await page.bringToFront();
  await page.goto('./#/privacy');
  await page.getByText('Change the passphrase').click();
  // Bad input is refused as when setting the lock.
  await page.getByLabel('New passphrase (at least 8 characters)').fill('short');
  await page.getByLabel('Type it again').fill('short');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('alert')).toHaveText('The passphrase needs at least 8 characters.');
  const NEW = 'a different long passphrase';
  await page.getByLabel('New passphrase (at least 8 characters)').fill(NEW);
  await page.getByLabel('Type it again').fill(NEW);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('Passphrase changed. Your data is now encrypted with the new one.')).toBeVisible({ timeout: 15000 });
  // The tab that held the old key locked itself.
  await expect(other.getByRole('heading', { level: 1, name: 'Temper is locked' })).toBeVisible();
  // After a reload the old passphrase fails and the new one opens.
  await page.reload();
  await unlock(page, PASS);
  await expect(page.getByText(/did not unlock your data/)).toBeVisible({ timeout: 15000 });
  await unlock(page, NEW);
  await page.goto('./#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem('temper.data'))).toContain('"sealed"');
});

test('data sealed by schema 2 unlocks, is upgraded to schema 3, and its sealed original is the copy kept', async ({ page }) => {
  // What the release before schema 3 stored with the lock on: a schema-2
  // envelope, sealed the way assets/lock.js seals.
  const plain = '{"v":2,"data":{"checkins":[{"id":"old-1","at":1764000000000,"m":"pulse","cv":1,"a":{"ex1":3,"ex2":3,"cy1":1,"bo1":0,"di1":4,"uc1":2,"sg4":1}}],"plan":[{"id":"boundaries.1","at":1764000000001,"d":true}]}}';
  await page.goto('./');
  const sealed = await page.evaluate(async ([text, pass]) => {
    const te = new TextEncoder();
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const base = await crypto.subtle.importKey('raw', te.encode(pass), 'PBKDF2', false, ['deriveKey']);
    const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 },
      base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, te.encode(text)));
    const b64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
    return JSON.stringify({ v: 2, sealed: { alg: 'AES-GCM', kdf: 'PBKDF2-SHA256', iter: 600000, salt: b64(salt), iv: b64(iv), ct: b64(ct) } });
  }, [plain, PASS]);
  await page.evaluate((t) => localStorage.setItem('temper.data', t), sealed);
  await page.reload();
  await unlock(page);
  await page.goto('./#/plan');
  await expect(page.locator('.steps input[type=checkbox]')).toBeChecked();
  // The first save writes schema 3, sealed; the schema-2 sealed text is kept.
  await page.getByLabel('What will you do?').fill('Lunch away from my desk');
  await page.getByRole('button', { name: 'Add my step' }).click();
  await expect(page.getByText('Your step is in your plan.')).toBeVisible();
  await expect.poll(async () => JSON.parse((await raw(page))!).v).toBe(3);
  const now = (await raw(page))!;
  expect(JSON.parse(now).sealed.alg).toBe('AES-GCM');
  expect(now).not.toContain('Lunch');
  expect(await raw(page, 'temper.data.backup')).toBe(sealed);
  await page.reload();
  await unlock(page);
  await page.goto('./#/plan');
  await expect(page.getByRole('checkbox', { name: 'Lunch away from my desk' })).toBeVisible();
  await page.goto('./#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
});
