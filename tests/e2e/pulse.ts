import { expect, Page } from '@playwright/test';

// Complete a quick pulse (7 questions), answering question n (1 to 7) with
// `answer(n)`, or the same answer everywhere, and wait for the results.
// Callers check what their test needs about the scores.
export async function pulse(page: Page, answer: string | ((n: number) => string), start = './#/checkin') {
  await page.goto(start);
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let n = 1; n <= 7; n++) {
    await choose(page, typeof answer === 'string' ? answer : answer(n));
  }
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toBeVisible();
}

// Answer the current step as a person does: a tap on the answer, which
// moves on by itself; on the last step, and where the answer brings up
// help (it stays in view), they press the form's button (Next, or See
// results) themselves.
export async function choose(page: Page, name: string | RegExp) {
  const progress = page.locator('.progress-text');
  const before = await progress.textContent();
  await page.getByRole('radio', { name }).click();
  // Moved on (a new question), or stayed with the answer chosen.
  await page.waitForFunction(
    (b) => document.querySelector('.progress-text')?.textContent !== b || document.querySelector('form.step input:checked'),
    before,
  );
  const now = await page.evaluate(() => document.querySelector('.progress-text')?.textContent);
  if (now === before) {
    await page.locator('form.step button[type=submit]').click();
  }
}
