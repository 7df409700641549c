import { test, expect, Page } from '@playwright/test';
import { pulse, choose } from './pulse';
import * as fs from 'fs';

const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('temper.data') ?? 'null'));
const a = { ex1: 2, cy1: 2, ef1: 2, bo1: 2, di1: 2, uc1: 2, sg4: 1 };

async function restore(page: Page, info: any, name: string, body: unknown, label = 'Restore from a backup file') {
  const path = info.outputPath(name);
  fs.writeFileSync(path, JSON.stringify(body));
  await page.getByLabel(label).setInputFiles(path);
}

test('check-ins with any id can be opened from History (the address is percent-decoded)', async ({ page }, info) => {
  await page.goto('./#/history');
  const ids = ['with space', 'ünïcødé', '<b>"quoted"</b>', '50%/2#3?'];
  const checkins = ids.map((id, i) => ({ id, at: 1.7e12 + i * 864e5, m: 'pulse', cv: 1, a }));
  await restore(page, info, 'odd-ids.json', { v: 2, data: { checkins } });
  await page.getByRole('button', { name: 'Merge with what is here' }).click();
  for (let i = 0; i < ids.length; i++) {
    await page.goto('./#/history');
    await page.locator('table.history tbody tr').nth(i).getByRole('link').click();
    await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toBeVisible();
    await expect(page.getByText('That check-in was not found on this device.')).toHaveCount(0);
  }
});

test('a merge never removes this device\'s check-ins, and a file\'s own deleted check-in is not counted as new', async ({ page }, info) => {
  await pulse(page, 'Often');
  const mine = (await stored(page)).data.checkins[0].id;
  await page.goto('./#/history');
  // The file deletes our check-in, and holds one it deletes itself.
  await restore(page, info, 'deletes.json', {
    v: 2,
    data: {
      checkins: [{ id: 'theirs', at: 1.7e12, m: 'pulse', cv: 1, a }, { id: 'gone', at: 1.7e12 + 1, m: 'pulse', cv: 1, a }],
      deleted: [mine, 'gone'],
    },
  });
  await expect(page.getByText(/New to this device: 1\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Merge with what is here' }).click();
  await page.reload();
  await expect(page.locator('table.history tbody tr')).toHaveCount(2);
  const ids = (await stored(page)).data.checkins.map((c: any) => c.id).sort();
  expect(ids).toEqual([mine, 'theirs'].sort());
});

test('an import dated in the far future (or before 2000) is refused with a message', async ({ page }, info) => {
  await page.goto('./#/history');
  for (const at of [253402300799000, 9.4e11]) {
    await restore(page, info, `when-${at}.json`, { v: 2, data: { checkins: [{ id: 'x', at, m: 'pulse', cv: 1, a }] } });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This file was not imported, and nothing was changed');
    await expect(alert).toContainText('is dated before 2000 or more than a day ahead of this device’s clock');
  }
  expect(await stored(page)).toBeNull();
});

test('an audit stamped ahead of this clock is still replaced by a new one, and typed text stays as typed', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.setItem('temper.data', JSON.stringify({ v: 2, data: { checkins: [], audit: { at: 253402300799000, v: [['Old', 2]] } } })));
  await page.goto('./#/audit');
  await page.reload();
  await expect(page.locator('#value-0')).toHaveValue('Old');
  await page.locator('#value-0').fill('{gap}');
  await page.locator('#rating-0').fill('3');
  await page.locator('#value-1').fill('\u202Eabc');
  await page.locator('#rating-1').fill('9');
  await page.getByRole('button', { name: 'Save audit' }).click();
  await expect(page.getByText('Audit saved.')).toBeVisible();
  await expect(page.locator('ol li').first()).toHaveText('{gap}: gap 7 (rated 3 of 10)');
  // The reversing character is isolated inside its own element.
  await expect(page.locator('ol li').nth(1).locator('bdi')).toHaveText('\u202Eabc');
  await page.reload();
  await expect(page.locator('#value-0')).toHaveValue('{gap}');
  expect((await stored(page)).data.audit.v[0]).toEqual(['{gap}', 3]);
});

test('a draft that cannot be stored is reported at once', async ({ page }) => {
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  await page.evaluate(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === 'temper.draft') throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  await page.getByRole('radio', { name: 'Often' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be kept on this device' })).toBeVisible();
});

test('finishing again after a failed save does not add a second copy', async ({ page }) => {
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let n = 1; n <= 7; n++) {
    if (n < 7) await choose(page, 'Often');
    else await page.getByRole('radio', { name: 'Often' }).check();
  }
  await page.evaluate(() => {
    (window as any).realSet = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === 'temper.data') throw new DOMException('full', 'QuotaExceededError');
      return (window as any).realSet.call(this, k, v);
    };
  });
  await page.getByRole('button', { name: 'See results' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'storage is full' })).toBeVisible();
  await page.evaluate(() => { Storage.prototype.setItem = (window as any).realSet; });
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: 'See results' }).click();
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toBeVisible();
  expect((await stored(page)).data.checkins).toHaveLength(1);
});

test('text being typed survives another tab\'s save (note, ledger, audit, passphrase)', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.bringToFront();
  await pulse(a, 'Often');
  const note = a.getByLabel(/Your note on this check-in/);
  await note.fill('half a thought');
  await b.bringToFront();
  await pulse(b, 'Rarely'); // another tab saves
  await a.bringToFront();
  await expect(note).toHaveValue('half a thought');
  await a.goto('./#/ledger');
  await a.getByText('More detail (optional)').click();
  await a.getByLabel('What was it? (optional)').fill('typing here');
  await a.getByLabel('It drained me').check();
  await b.bringToFront();
  await pulse(b, 'Sometimes');
  await a.bringToFront();
  await expect(a.getByLabel('What was it? (optional)')).toHaveValue('typing here');
  await expect(a.getByLabel('It drained me')).toBeChecked();
  await a.goto('./#/audit');
  await a.locator('#value-0').fill('Craft');
  await b.bringToFront();
  await pulse(b, 'Always');
  await a.bringToFront();
  await expect(a.locator('#value-0')).toHaveValue('Craft');
  await a.goto('./#/privacy');
  await a.getByLabel(/New passphrase/).fill('correct horse');
  await b.bringToFront();
  await pulse(b, 'Never');
  await a.bringToFront();
  await expect(a.getByLabel(/New passphrase/)).toHaveValue('correct horse');
});

test('a check-in finished in another tab is not offered again here', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.bringToFront();
  await a.goto('./#/checkin');
  await a.getByRole('button', { name: /Quick pulse/ }).click();
  // b starts while a's check-in is in progress, and so knows of it.
  await b.bringToFront();
  await b.goto('./');
  await expect(b.getByText('You have a check-in in progress.')).toBeVisible();
  await a.bringToFront();
  for (let n = 1; n <= 7; n++) {
    await choose(a, 'Often');
  }
  await expect(a.getByRole('meter', { name: 'Burnout', exact: true })).toBeVisible();
  await b.bringToFront();
  await expect(b.getByText('You have a check-in in progress.')).toHaveCount(0);
  await b.goto('./#/checkin');
  await expect(b.getByRole('heading', { name: 'Choose a check-in' })).toBeVisible();
});

test('a long unbroken value never widens Audit or Report past a 375 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 700 });
  await pulse(page, 'Often');
  await page.goto('./#/audit');
  await page.locator('#value-0').fill('x'.repeat(60));
  await page.locator('#rating-0').fill('2');
  await page.getByRole('button', { name: 'Save audit' }).click();
  await expect(page.getByText('Audit saved.')).toBeVisible();
  for (const route of ['audit', 'report']) {
    await page.goto(`./#/${route}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, route).toBeLessThanOrEqual(0);
  }
});

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' });

  test('an import\'s reason for refusal is in Spanish', async ({ page }, info) => {
    await page.goto('./#/history');
    const alert = page.getByRole('alert');
    const es = 'Restaurar desde una copia de seguridad';
    await restore(page, info, 'twice.json', { v: 2, data: { checkins: [{ id: 'x', at: 1.7e12, m: 'pulse', cv: 1, a }, { id: 'x', at: 1.7e12 + 1, m: 'pulse', cv: 1, a }] } }, es);
    await expect(alert).toHaveText('Este archivo no se ha importado y no ha cambiado nada: el archivo tiene contenido que Temper no puede aceptar: la revisión 2 («x») aparece dos veces.');
    await restore(page, info, 'future.json', { v: 2, data: { checkins: [{ id: 'x', at: 253402300799000, m: 'pulse', cv: 1, a }] } }, es);
    await expect(alert).toContainText('la revisión 1 («x») tiene una fecha anterior a 2000 o más de un día por delante del reloj de este dispositivo');
    const path = info.outputPath('cut.json');
    fs.writeFileSync(path, '{"v":2,"data":{"checkins":[');
    await page.getByLabel(es).setInputFiles(path);
    await expect(alert).toContainText('no es una copia de seguridad de Temper (detalles: el texto termina antes de tiempo, como si estuviera cortado). Las copias son los archivos .json');
    await expect(alert).not.toContainText(/[Tt]he |why\./);
  });

  test('unreadable stored data is explained in Spanish', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('temper.data', '{"v":2,"data":{"checkins":[{"id":"x","at":1,"m":"pulse","cv":1,"a":{"ex1":9}}]}}'));
    await page.goto('./');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('No se pudieron leer tus datos guardados: la revisión 1 («x»): la respuesta 9 a «ex1» está fuera de la escala de 0 a 4.');
    await expect(alert).not.toContainText('why.');
  });
});

test('a stored check-in dated in 9999 is kept and named, but never shown as the latest', async ({ page }) => {
  await page.goto('./');
  await page.evaluate((a) => {
    const now = Date.now();
    localStorage.setItem('temper.data', JSON.stringify({ v: 2, data: { checkins: [
      { id: 'today', at: now - 60000, m: 'pulse', cv: 1, a },
      { id: 'fast-clock', at: 253402300799000, m: 'pulse', cv: 1, a },
    ] } }));
  }, a);
  await page.reload();
  await expect(page.getByRole('link', { name: /Your last check-in/ })).toHaveAttribute('href', '#/results/today');
  await page.goto('./#/results');
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toBeVisible();
  await expect(page.getByText(/ on Dec 31, 9999/)).toHaveCount(0);
  await page.goto('./#/history');
  await expect(page.getByRole('alert')).toContainText('The date of check-in 2 (“fast-clock”) is before 2000 or more than a day ahead of this device’s clock');
  await expect(page.locator('table.history tbody tr')).toHaveCount(2);
  // Nothing was changed in storage.
  expect((await stored(page)).data.checkins.map((c: any) => c.id)).toEqual(['today', 'fast-clock']);
});
