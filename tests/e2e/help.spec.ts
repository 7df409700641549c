import { test, expect } from '@playwright/test';
import { choose } from './pulse';

test('"Talk to someone" is one tap away from every screen', async ({ page }) => {
  for (const route of ['', 'checkin', 'results', 'history', 'plan', 'ledger', 'audit', 'report', 'privacy', 'nope']) {
    await page.goto(`./#/${route}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Talk to someone' })).toHaveAttribute('href', '#/help');
  }
  await page.getByRole('contentinfo').getByRole('link', { name: 'Talk to someone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Talk to someone' })).toBeVisible();
});

for (const [locale, expected] of [
  ['en-US', ['988 Suicide & Crisis Lifeline: 988', 'tel:988']],
  ['en-GB', ['Samaritans: 116 123', 'tel:116123']],
  ['es-ES', ['Línea 024: 024', 'tel:024']],
  ['es-MX', ['Línea de la Vida: 800 911 2000', 'tel:8009112000']],
  ['fr-FR', ['112: 112', 'tel:112']],
] as const) {
  test(`the helplines for ${locale}`, async ({ browser }) => {
    const ctx = await browser.newContext({ locale });
    const page = await ctx.newPage();
    await page.goto('./#/help');
    const line = page.locator('a.helpline').first();
    await expect(line).toHaveText(expected[0]);
    await expect(line).toHaveAttribute('href', expected[1]);
    await ctx.close();
  });
}

test('a region Temper has no helpline for gets the directory', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'ja-JP' });
  const page = await ctx.newPage();
  await page.goto('./#/help');
  await expect(page.getByRole('link', { name: /findahelpline\.com/ })).toHaveAttribute('href', 'https://findahelpline.com/');
  await ctx.close();
});

test('answering Often or Always about low mood shows help at once, inside the check-in', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'en-GB' });
  const page = await ctx.newPage();
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let n = 1; n <= 7; n++) {
    const legend = (await page.locator('legend').textContent())!;
    if (legend.startsWith('I feel low')) {
      await expect(page.locator('a.helpline')).toHaveCount(0);
      await page.getByRole('radio', { name: 'Always' }).click();
      await expect(page.getByText(/You don't have to wait until the end of this check-in/)).toBeVisible();
      await expect(page.locator('a.helpline').first()).toHaveText('Samaritans: 116 123');
      // Still in the check-in, on the same question: the tap did not move on.
      await expect(page.getByText(`Question ${n} of 7`)).toBeVisible();
      await page.getByRole('button', { name: n === 7 ? 'See results' : 'Next' }).click();
    } else {
      await choose(page, 'Rarely');
    }
  }
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toBeVisible();
  await ctx.close();
});

test('the hopelessness question is asked on its own, and Often brings help at once', async ({ page }) => {
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Full check-in/ }).click();
  const total = Number((await page.locator('.progress-text').textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBe(47); // 46 questions and the optional role
  let asked = false;
  for (let n = 1; n < total; n++) {
    const legend = (await page.locator('legend').textContent())!;
    if (legend === 'I feel hopeless about the future.') {
      asked = true;
      await page.getByRole('radio', { name: 'Often' }).click();
      await expect(page.getByText(/You don't have to wait until the end of this check-in/)).toBeVisible();
      await expect(page.getByText(`Question ${n} of ${total}`)).toBeVisible();
      await page.getByRole('button', { name: 'Next' }).click();
    } else {
      await choose(page, 'Rarely');
    }
  }
  expect(asked).toBe(true);
  await page.getByRole('button', { name: 'See results' }).click();
  // On the results, help comes first.
  await expect(page.locator('.help.prominent')).toBeVisible();
});
