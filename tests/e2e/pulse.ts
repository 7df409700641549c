import { expect, Page } from '@playwright/test';

// Complete a quick pulse (7 questions), answering question n (1 to 7) with
// `answer(n)`, or the same answer everywhere, and wait for the results.
// Callers check what their test needs about the scores.
export async function pulse(page: Page, answer: string | ((n: number) => string), start = './#/checkin') {
  await page.goto(start);
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let n = 1; n <= 7; n++) {
    await page.getByRole('radio', { name: typeof answer === 'string' ? answer : answer(n) }).check();
    await page.getByRole('button', { name: n === 7 ? 'See results' : 'Next' }).click();
  }
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toBeVisible();
}
