import { test, expect } from '@playwright/test';
import { pulse, choose } from './pulse';

test('a very high dimension is never called "In balance", and comes first', async ({ page }) => {
  // Exhaustion "Always", a strong sense of achievement, everything else
  // "Never": the burnout index is 33, below the middle.
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let n = 1; n <= 7; n++) {
    const legend = (await page.locator('legend').textContent())!;
    const answer = /drained|proud/.test(legend) ? 'Always' : 'Never';
    await choose(page, answer);
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
    await choose(page, 'Sometimes');
  }
  // The details are closed under the summary; open, they read the pattern.
  await expect(page.getByRole('heading', { name: 'Your pattern' })).toBeHidden();
  await page.getByText('What this means').click();
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
    await choose(page, /workload|low or down/.test(legend) ? 'Always' : 'Rarely');
  }
  await page.getByRole('button', { name: 'See results' }).click();
  const main = page.locator('main');
  await page.getByText('What this means').click();
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

test('summary first: where you are, what weighs most and a first step to add right there, on a phone screen', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  // A full check-in: "Rarely" to every strain, "Often" to the positive
  // questions, and "Always" to the workload: low indices, one severe driver.
  const ids = 'ex1b ex2 ex3 ex4b cy1b cy2b cy3 cy4b ef1 ef2 ef3 ef4b bo1 bo2b bo3 bo4b di1 di2 di3 di4 uc1 uc2 uc3 uc4 sg1b sg2b sg3b sg4b sg5 dr1b dr2 dr3 dr4 dr5b dr6b dr7b dr8b dr9 dr10 rs1 rs2b rs3b rs4 rs5 rs6b rs7b'.split(' ');
  const reverse = new Set('ef1 ef2 ef3 ef4b dr2 dr3 dr4 dr7b dr8b dr9 dr10'.split(' '));
  const a = Object.fromEntries(ids.map((id) => [id, id === 'dr1b' ? 4 : reverse.has(id) ? 3 : 1]));
  await page.goto('./');
  await page.evaluate((a) => {
    localStorage.setItem('temper.data', JSON.stringify({ v: 2, data: { checkins: [{ id: 'c1', at: Date.now() - 864e5, m: 'full', cv: 2, a }] } }));
  }, a);
  await page.goto('./#/results/c1');
  const short = page.locator('section.in-short');
  await expect(short.getByRole('heading', { level: 2 })).toHaveText('Where you are: In balance');
  await expect(short.getByText('What weighs most: a workload you can’t keep up (severe).')).toBeVisible();
  await expect(short.getByText('A first step:')).toBeVisible();
  const add = short.getByRole('button', { name: /^Add to plan: / });
  // All of it on the first screen, with no help card in the way.
  await expect(add).toBeVisible();
  const box = (await add.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  await expect(page.locator('.help.prominent')).toHaveCount(0);
  await expect(short.locator('.help-line')).toBeVisible();
  // The details follow, closed.
  await expect(page.locator('details.why')).not.toHaveAttribute('open');
  const step = (await add.getAttribute('aria-label'))!.replace('Add to plan: ', '');
  await add.tap();
  await expect(short.getByRole('status')).toHaveText('Added to your plan.');
  await expect(short.getByText('In your plan')).toBeVisible();
  await expect(short.getByRole('link', { name: 'Open your plan' })).toBeFocused();
  const plan = await page.evaluate(() => JSON.parse(localStorage.getItem('temper.data')!).data.plan);
  expect(plan).toHaveLength(1);
  await page.screenshot({ path: 'target/playwright/results-summary.png' });
  // The plan has it; coming back, the summary suggests the next step.
  await short.getByRole('link', { name: 'Open your plan' }).tap();
  await expect(page.getByText(step).first()).toBeVisible();
  await page.goto('./#/results/c1');
  const next = page.locator('section.in-short').getByRole('button', { name: /^Add to plan: / });
  await expect(next).toBeVisible();
  expect(await next.getAttribute('aria-label')).not.toBe(`Add to plan: ${step}`);
  await ctx.close();
});
