import { test, expect, Page } from '@playwright/test';
import { choose } from './pulse';

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

test('a draft survives a reload and can be discarded, with Undo', async ({ page }) => {
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  await choose(page, 'Often');
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('radio', { name: 'Often' })).toBeChecked();
  // Discarding offers Undo, which brings every answer back.
  await page.getByRole('button', { name: 'Discard this check-in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a check-in' })).toBeVisible();
  await expect(page.getByText('The check-in in progress was discarded.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Question 1 of 7')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Often' })).toBeChecked();
  await page.reload();
  await expect(page.getByText('Question 2 of 7')).toBeVisible();
  // Discarded for good: nothing comes back after a reload.
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
    await expect(progress).toHaveText(new RegExp(`^Question ${n} of ${total} · `));
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
    await choose(page, /proud/.test(legend) ? 'Always' : 'Never');
  }
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toHaveAttribute('aria-valuetext', '0, low');
  await expect(page.getByRole('meter', { name: 'Rust-out', exact: true })).toHaveAttribute('aria-valuetext', '0, low');
  await expect(page.getByText('Where you are: In balance')).toBeVisible();
  await expect(page.locator('.help.prominent')).toHaveCount(0);
  // Help is one clear line in the summary, with the helplines a tap away.
  const line = page.locator('.in-short .help-line');
  await expect(line).toContainText('talking to someone helps');
  await expect(line.getByRole('link', { name: 'Helplines where you are' })).toHaveAttribute('href', '#/help');
  // Temper writes dates itself (language data, not Intl); they read as the
  // browser's own formatter writes them.
  const date = await page.evaluate(() => new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date()));
  await expect(page.locator('main')).toContainText(date);
});

test('home offers to continue a check-in in progress, naming the question', async ({ page }) => {
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let n = 1; n <= 3; n++) {
    await choose(page, 'Sometimes');
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
  const home = page.locator('main');
  await expect(home.getByRole('heading', { level: 1, name: 'Welcome back' })).toBeVisible();
  await expect(home.getByRole('link', { name: /^Your last check-in: [A-Z][a-z]{2} \d+, \d{4}, .+\.$/ })).toBeVisible();
  await expect(home.getByRole('heading', { name: 'A check-in is due.' })).toBeVisible();
  await expect(home.getByRole('heading', { name: /^Since your last quick pulse, on / })).toBeVisible();
  await expect(home.getByText('Burnout: 50, up 25 (worse)')).toBeVisible();
  await expect(home.locator('figure.trend svg')).toBeVisible();
  await expect(home.locator('figure.trend rect.pulse')).toHaveCount(16);
  // No first-visit introduction in the way.
  await expect(home.getByText('Stress can go wrong in two directions.', { exact: false })).toHaveCount(0);
  await expect(home.getByRole('link', { name: '1 of 2 steps done' })).toBeVisible();
  await expect(home.getByText(/^Next step: /)).toBeVisible();
  await page.screenshot({ path: 'target/playwright/welcome.png', fullPage: true });
  // After a new check-in, the next one is two weeks away.
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let n = 1; n <= 7; n++) {
    await choose(page, 'Rarely');
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

test('coming back on a phone: where you stand and what is next, without scrolling, and Continue when a check-in is under way', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await page.goto('./');
  await page.evaluate(() => {
    const day = 864e5;
    const now = Date.now();
    const a = (v: number) => ({ ex1b: v, cy1b: v, ef1: 4 - v, bo1: v, di1: v, uc1: v, sg4b: 1 });
    const checkins = [1, 2, 3].map((v, i) => ({ id: `c${i}`, at: now - (20 - i * 3) * day, m: 'pulse', cv: 2, a: a(v) }));
    localStorage.setItem('temper.data', JSON.stringify({ v: 2, data: { checkins, plan: [{ id: 'boundaries.1', at: now - day }] } }));
  });
  await page.reload();
  const main = page.locator('main');
  const inView = async (l: ReturnType<typeof page.locator>) => {
    await expect(l).toBeVisible();
    const box = (await l.boundingBox())!;
    expect(box.y + box.height, await l.textContent() ?? '').toBeLessThanOrEqual(844);
  };
  // The newest check-in is 14 days old: due.
  await inView(main.getByRole('link', { name: /^Your last check-in: / }));
  await inView(main.getByRole('heading', { name: /^Since your last quick pulse/ }));
  await inView(main.getByText(/^Burnout: \d+, /));
  await inView(main.getByRole('heading', { name: 'A check-in is due.' }));
  await inView(main.getByRole('link', { name: 'Start check-in' }));
  await inView(main.getByRole('link', { name: '0 of 1 step done' }));
  await inView(main.getByText(/^Next step: /));
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.screenshot({ path: 'target/playwright/welcome-phone.png' });
  // Three answers into a pulse, home offers to continue it, naming where.
  await main.getByRole('link', { name: 'Start check-in' }).tap();
  await page.getByRole('button', { name: /Quick pulse/ }).tap();
  for (let n = 1; n <= 3; n++) await page.getByRole('radio', { name: 'Sometimes' }).tap();
  await expect(page.getByText(/^Question 4 of 7/)).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Home' }).tap();
  const go = main.getByRole('link', { name: 'Continue your check-in (question 4 of 7)' });
  await inView(go);
  await go.tap();
  await expect(page.getByText(/^Question 4 of 7/)).toBeVisible();
  await ctx.close();
});

test('choosing an answer moves on; Back stays; arrow keys only choose; the keys 1 to 5 choose and move on', async ({ page }) => {
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  const progress = page.locator('.progress-text');
  await expect(progress).toHaveText(/^Question 1 of 7 · About a minute left$/);
  // A click (or tap) on an answer: the next question, with no Next.
  await page.getByText('Often', { exact: true }).click();
  await expect(progress).toHaveText(/^Question 2 of 7/);
  // Back shows the answer given, and leaves it alone.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(progress).toHaveText(/^Question 1 of 7/);
  await expect(page.getByRole('radio', { name: 'Often' })).toBeChecked();
  // Arrow keys move through the answers without leaving the question.
  await page.getByRole('radio', { name: 'Often' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Always' })).toBeChecked();
  await expect(progress).toHaveText(/^Question 1 of 7/);
  // Enter goes on with that answer.
  await page.keyboard.press('Enter');
  await expect(progress).toHaveText(/^Question 2 of 7/);
  // Number keys: 2 is "Rarely", and moves on.
  await page.keyboard.press('2');
  await expect(progress).toHaveText(/^Question 3 of 7/);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('radio', { name: 'Rarely' })).toBeChecked();
  // 6 is not an answer: nothing happens.
  await page.keyboard.press('6');
  await expect(progress).toHaveText(/^Question 2 of 7/);
  // The hint says so, for keyboards.
  await expect(page.getByText(/^Keyboard: the keys 1 to 5 choose an answer and go on/)).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('temper.draft')!));
  expect(Object.values(stored.a ?? stored.checkin?.a ?? {})).toEqual(expect.arrayContaining([4, 1]));
});

test('a full check-in on a phone takes about 4 minutes: one tap per question, in six parts', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Full check-in/ }).tap();
  const progress = page.locator('.progress-text');
  const total = Number((await progress.textContent())!.match(/of (\d+)/)![1]);
  await expect(progress).toHaveText(/About 4 minutes left/);
  // What a person spends: reading the question (200 words a minute, slow
  // for sentences this short) and 1.5 s to choose and tap. The app's own
  // time per step is measured.
  const perWord = 60 / 200;
  const perTap = 1.5;
  let person = 0;
  let taps = 0;
  const machine = Date.now();
  const parts = new Set<string>();
  for (let n = 1; n <= total; n++) {
    await expect(progress).toHaveText(new RegExp(`^Question ${n} of ${total}`));
    parts.add((await page.locator('h2.part').textContent())!);
    const legend = (await page.locator('legend').textContent())!;
    person += legend.split(/\s+/).length * perWord + perTap;
    if (n === total) {
      // The optional role question, then See results.
      await page.getByRole('radio', { name: /Something else/ }).tap();
      await page.getByRole('button', { name: 'See results' }).tap();
      taps += 2;
    } else {
      await page.getByRole('radio', { name: 'Rarely' }).tap();
      taps += 1;
    }
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Your results' })).toBeVisible();
  const app = (Date.now() - machine) / 1000;
  // One tap per question: nothing to press between questions.
  expect(taps).toBe(total + 1);
  expect([...parts]).toEqual([
    'Part 1 of 6: Energy and outlook', 'Part 2 of 6: Challenge and interest', 'Part 3 of 6: Body and mood',
    'Part 4 of 6: How your work is set up', 'Part 5 of 6: Rest', 'Part 6 of 6: Your role',
  ]);
  const minutes = (person + perTap + app) / 60;
  console.log(`full check-in: ${total} steps, ${taps} taps, person ${person.toFixed(0)} s + app ${app.toFixed(1)} s = ${minutes.toFixed(2)} min`);
  expect(minutes).toBeGreaterThan(3);
  expect(minutes).toBeLessThanOrEqual(4.5);
  await ctx.close();
});
