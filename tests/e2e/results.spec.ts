import { test, expect } from '@playwright/test';
import { pulse } from './pulse';

test('a very high dimension is never called "In balance", and comes first', async ({ page }) => {
  // Exhaustion "Always", a strong sense of achievement, everything else
  // "Never": the burnout index is 33, below the middle.
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let n = 1; n <= 7; n++) {
    const legend = (await page.locator('legend').textContent())!;
    const answer = /drained|proud/.test(legend) ? 'Always' : 'Never';
    await page.getByRole('radio', { name: answer }).check();
    await page.getByRole('button', { name: n === 7 ? 'See results' : 'Next' }).click();
  }
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toHaveAttribute('aria-valuenow', '33');
  await expect(page.getByText('Where you are: Not in balance')).toBeVisible();
  await expect(page.getByText('Where you are: In balance')).toHaveCount(0);
  await expect(page.getByText('Very high: Exhaustion (100).')).toBeVisible();
  await page.goto('./#/history');
  await expect(page.locator('table.history tbody tr').first()).toContainText('Not in balance');
  await page.goto('./');
  await expect(page.getByText(/Your last check-in: .*, Not in balance\./)).toBeVisible();
});

test('a full check-in reads its pattern on both sides', async ({ page }) => {
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Full check-in/ }).click();
  const progress = page.locator('.progress-text');
  const total = Number((await progress.textContent())!.match(/of (\d+)/)![1]);
  for (let n = 1; n <= total; n++) {
    const legend = (await page.locator('legend').textContent())!;
    if (legend.startsWith('Which best describes')) {
      await page.getByRole('button', { name: 'See results' }).click();
      break;
    }
    await page.getByRole('radio', { name: 'Sometimes' }).check();
    await page.getByRole('button', { name: n === total ? 'See results' : 'Next' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Your pattern' })).toBeVisible();
  // "Sometimes" everywhere: exhaustion and cynicism both at 50.
  await expect(page.getByText(/^Burnout side: burnout: /)).toBeVisible();
  await expect(page.getByText(/^Rust-out side: rust-out: /)).toBeVisible();
});

test('a pulse shows no pattern of dimensions it measured with one answer each', async ({ page }) => {
  await pulse(page, 'Rarely');
  await expect(page.getByRole('heading', { name: 'Your pattern' })).toHaveCount(0);
});
