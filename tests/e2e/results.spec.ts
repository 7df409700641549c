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
  // Named, without a figure: a pulse measures no dimension.
  await expect(page.getByText('High: Exhaustion.')).toBeVisible();
  await expect(page.getByRole('meter')).toHaveCount(2);
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
  // "Sometimes" everywhere is the middle, not a problem: moderate bands,
  // "worth watching", no pattern of strain, nothing strained, and a word
  // about the same answer throughout.
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toHaveAttribute('aria-valuetext', '50, moderate');
  await expect(page.getByRole('meter', { name: 'Rust-out', exact: true })).toHaveAttribute('aria-valuetext', '50, moderate');
  await expect(page.getByRole('meter')).toHaveCount(8);
  await expect(page.getByText('Where you are: Worth watching')).toBeVisible();
  await expect(page.getByText(/^Burnout side: engaged: /)).toBeVisible();
  await expect(page.getByText(/^Rust-out side: stimulated: /)).toBeVisible();
  await expect(page.getByText('None of the work conditions we asked about stands out as a strain.')).toBeVisible();
  await expect(page.getByText(/^You gave the same answer to every question/)).toBeVisible();
  await expect(page.getByText(/Temper’s questions are its own: they are not a validated instrument/)).toBeVisible();
  await expect(page.getByText(/occupational phenomenon/)).toBeVisible();
});

test('a pulse shows no pattern of dimensions it measured with one answer each', async ({ page }) => {
  await pulse(page, 'Rarely');
  await expect(page.getByRole('heading', { name: 'Your pattern' })).toHaveCount(0);
});

test('results speak plainly: no "Driver:" or "(100)" in the lines, and the details show that they open', async ({ page }) => {
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Full check-in/ }).click();
  const total = Number((await page.locator('.progress-text').textContent())!.match(/of (\d+)/)![1]);
  for (let n = 1; n < total; n++) {
    const legend = (await page.locator('legend').textContent())!;
    await page.getByRole('radio', { name: /workload|low or down/.test(legend) ? 'Always' : 'Rarely' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('button', { name: 'See results' }).click();
  const main = page.locator('main');
  await expect(main.getByText('A workload you can’t keep up (severe): There is more work, or a faster pace, than you can sustain.')).toBeVisible();
  await expect(main.getByText('Low mood', { exact: true })).toBeVisible();
  // The per-question table (closed) names categories; the lines never do.
  expect(await main.innerText()).not.toMatch(/Driver: |Rest: |Signal: |\(\d+\):/);
  // "How this was computed" carries a disclosure mark that turns when open.
  const summary = page.locator('details.how > summary');
  expect(await summary.evaluate((s) => getComputedStyle(s, '::before').content)).toBe('"▸"');
  await summary.click();
  expect(await summary.evaluate((s) => getComputedStyle(s, '::before').content)).toBe('"▾"');
});
