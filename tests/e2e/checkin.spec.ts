import { test, expect, Page } from '@playwright/test';

// Answer the current question with the keyboard only: focus is on the
// question's fieldset; Tab reaches the radio group, arrows pick an option.
async function answerByKeyboard(page: Page, index: number) {
  await expect(page.locator('fieldset')).toBeFocused();
  await page.keyboard.press('Tab');
  // First option gets focus; ArrowDown moves (and selects) further ones.
  await page.keyboard.press('Space');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter'); // submits the step form: Next
}

test('home screen, navigation and privacy promise', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How are you really doing at work?');
  await expect(page.getByText('Your answers never leave this device.')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Check-in', 'Results', 'History', 'Plan', 'Privacy']) {
    await nav.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
  }
});

test('works under a sub-path and a reload keeps the screen', async ({ page }) => {
  await page.goto('./tools/temper/#/privacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
});

test('Next without an answer shows an alert and stays put', async ({ page }) => {
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  await expect(page.getByText('Question 1 of 7')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toHaveText('Please choose an answer before going on.');
  await expect(page.getByText('Question 1 of 7')).toBeVisible();
});

test('a draft survives a reload and can be discarded', async ({ page }) => {
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  await page.getByRole('radio', { name: 'Often' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('radio', { name: 'Often' })).toBeChecked();
  await page.getByRole('button', { name: 'Discard this check-in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a check-in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Choose a check-in' })).toBeVisible();
});

test('full check-in by keyboard alone, then meters and table match the formula', async ({ page }) => {
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Full check-in/ }).focus();
  await page.keyboard.press('Enter');
  const progress = page.locator('.progress-text');
  await expect(progress).toHaveText(/Question 1 of (\d+)/);
  const total = Number((await progress.textContent())!.match(/of (\d+)/)![1]);
  // Answer "Often" (3) to everything; the optional role step gets "Something else".
  for (let n = 1; n <= total; n++) {
    await expect(progress).toHaveText(`Question ${n} of ${total}`);
    const legend = await page.locator('legend').textContent();
    if (legend!.startsWith('Which best describes your work?')) {
      await answerByKeyboard(page, 2);
    } else {
      await answerByKeyboard(page, 3);
    }
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Your results' })).toBeFocused();
  // Often = 75 on every normal item; reverse-scored efficacy items = 25.
  // Burnout = (75 + 75 + 25) / 3 = 58.33 -> 58, moderate. Rust-out = 75, high.
  const burnout = page.getByRole('meter', { name: 'Burnout', exact: true });
  await expect(burnout).toHaveAttribute('aria-valuenow', '58');
  await expect(burnout).toHaveAttribute('aria-valuetext', '58, moderate');
  await expect(burnout).toHaveAttribute('aria-valuemin', '0');
  await expect(burnout).toHaveAttribute('aria-valuemax', '100');
  const rustout = page.getByRole('meter', { name: 'Rust-out', exact: true });
  await expect(rustout).toHaveAttribute('aria-valuetext', '75, high');
  const dims: Record<string, string> = {
    'Exhaustion': '75', 'Cynicism': '75', 'Reduced efficacy': '25',
    'Boredom': '75', 'Disengagement': '75', 'Under-challenge': '75',
  };
  for (const [name, value] of Object.entries(dims)) {
    await expect(page.getByRole('meter', { name, exact: true })).toHaveAttribute('aria-valuenow', value);
  }
  await expect(page.getByText('Where you are: Both at once')).toBeVisible();
  // Very high rust-out brings "Talk to someone" to the top.
  const help = page.locator('.help.prominent');
  await expect(help).toBeVisible();
  const helpTop = (await help.boundingBox())!.y;
  const meterTop = (await burnout.boundingBox())!.y;
  expect(helpTop).toBeLessThan(meterTop);
  await expect(page.getByText(/contact your local emergency number or a crisis line now/)).toBeVisible();
  // The computation table.
  await page.getByText('How this was computed').click();
  const table = page.getByRole('table');
  for (const h of ['Question', 'Your answer', 'Counts toward', 'Reverse-scored']) {
    await expect(table.getByRole('columnheader', { name: h })).toBeVisible();
  }
  await expect(table.locator('tbody tr')).toHaveCount(total - 1);
  const efRow = table.getByRole('row', { name: /I get things done at work that I feel proud of/ });
  await expect(efRow.getByRole('cell').nth(2)).toHaveText('Reduced efficacy');
  await expect(efRow.getByRole('cell').nth(3)).toHaveText('Yes');
  await page.screenshot({ path: 'target/playwright/results.png', fullPage: true });
  // Saved: survives a reload and appears in history.
  await page.reload();
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toHaveAttribute('aria-valuenow', '58');
  await page.goto('./#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
});

test('quick pulse: calm answers land in balance with help available but not on top', async ({ page }) => {
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let n = 1; n <= 7; n++) {
    const legend = (await page.locator('legend').textContent())!;
    // Positive (reverse-scored) item: answer Always; others: Never.
    await page.getByRole('radio', { name: /proud/.test(legend) ? 'Always' : 'Never' }).check();
    await page.getByRole('button', { name: n === 7 ? 'See results' : 'Next' }).click();
  }
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toHaveAttribute('aria-valuetext', '0, low');
  await expect(page.getByRole('meter', { name: 'Rust-out', exact: true })).toHaveAttribute('aria-valuetext', '0, low');
  await expect(page.getByText('Where you are: In balance')).toBeVisible();
  await expect(page.locator('.help.prominent')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Talk to someone' })).toBeVisible();
  // Temper writes dates itself (language data, not Intl); they read as the
  // browser's own formatter writes them.
  const date = await page.evaluate(() => new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date()));
  await expect(page.locator('main')).toContainText(date);
});

test('home offers to continue a check-in in progress, naming the question', async ({ page }) => {
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let n = 1; n <= 3; n++) {
    await page.getByRole('radio', { name: 'Sometimes' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
  const go = page.getByRole('link', { name: 'Continue your check-in (question 4 of 7)' });
  await expect(go).toBeVisible();
  await go.click();
  await expect(page.getByText('Question 4 of 7')).toBeVisible();
});

test('coming back: home shows when the next check-in is due, the change since last time, a trend and the plan', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => {
    const day = 864e5;
    const now = Date.now();
    const a = (v: number) => ({ ex1b: v, cy1b: v, ef1: 4 - v, bo1: v, di1: v, uc1: v, sg4b: 1 });
    const checkins = [0, 1, 2, 3, 4, 3, 2, 1, 2].map((v, i) => ({ id: `c${i}`, at: now - (30 - i * 2) * day, m: 'pulse', cv: 2, a: a(v) }));
    localStorage.setItem('temper.data', JSON.stringify({ v: 2, data: { checkins, plan: [{ id: 'boundaries.1', at: now - day, d: true }, { id: 'boundaries.2', at: now - day }] } }));
  });
  await page.reload();
  // The newest check-in is 14 days old: with no reminder set, one is due.
  const home = page.locator('section.welcome');
  await expect(home.getByRole('heading', { name: 'A check-in is due.' })).toBeVisible();
  await expect(home.getByRole('heading', { name: /^Since your last quick pulse, on / })).toBeVisible();
  await expect(home.getByText('Burnout: 50, up 25 (worse)')).toBeVisible();
  await expect(home.locator('figure.trend svg')).toBeVisible();
  await expect(home.locator('figure.trend rect.pulse')).toHaveCount(16);
  await expect(home.getByRole('link', { name: '1 of 2 steps done' })).toBeVisible();
  await expect(home.getByText(/^Next step: /)).toBeVisible();
  await page.screenshot({ path: 'target/playwright/welcome.png', fullPage: true });
  // After a new check-in, the next one is two weeks away.
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let n = 1; n <= 7; n++) {
    await page.getByRole('radio', { name: 'Rarely' }).check();
    await page.getByRole('button', { name: n === 7 ? 'See results' : 'Next' }).click();
  }
  await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
  await expect(page.locator('section.welcome').getByRole('heading', { name: 'Next check-in in 14 days.' })).toBeVisible();
});

test('a first visit gets no return home', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('link', { name: 'Start check-in' })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.locator('section.welcome')).toHaveCount(0);
});
