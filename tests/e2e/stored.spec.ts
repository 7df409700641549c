import { test, expect } from '@playwright/test';
import * as fs from 'fs';

// A three-year history written by the release before the serde rewrite
// (full and pulse check-ins, notes, roles, deleted ids, plan, ledger,
// audit), and the figures that release gave each check-in.
const fixture = fs.readFileSync('tests/fixtures/history-v2.json', 'utf8');
const figures = fs.readFileSync('tests/fixtures/history-v2.figures.csv', 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split(','));

test('a history stored by an earlier release shows the same figures, and is written back unchanged but for its version', async ({ page }) => {
  await page.goto('./');
  await page.evaluate((text) => localStorage.setItem('temper.data', text), fixture);
  await page.goto('./#/history');
  await page.reload();
  const rows = page.locator('table.history tbody tr');
  await page.getByRole('button', { name: `Show all ${figures.length} check-ins` }).click();
  await expect(rows).toHaveCount(figures.length);
  // Newest first: row i is figures[n - 1 - i]; columns 3 and 4 are the indices.
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => {
    const td = (tr as HTMLTableRowElement).cells;
    return [td[0].querySelector('a')!.getAttribute('href'), td[2].textContent, td[3].textContent];
  }));
  cells.forEach(([href, burnout, rustout], i) => {
    const [id, b, r] = figures[figures.length - 1 - i];
    expect([href, burnout, rustout]).toEqual([`#/results/${id}`, b, r]);
  });
  // Every dimension of a full check-in, and the plan, ledger and audit.
  const full = figures.find((f) => f[0] === 'h001-x')!;
  await page.goto('./#/results/h001-x');
  for (const [name, value] of [['Exhaustion', full[4]], ['Cynicism', full[5]], ['Reduced efficacy', full[6]],
    ['Boredom', full[7]], ['Disengagement', full[8]], ['Under-challenge', full[9]]]) {
    await expect(page.getByRole('meter', { name, exact: true })).toHaveAttribute('aria-valuenow', value);
  }
  await page.goto('./#/plan');
  await expect(page.locator('.steps li')).toHaveCount(3);
  await page.goto('./#/ledger');
  await expect(page.locator('table.ledger tbody tr')).toHaveCount(2);
  await page.goto('./#/audit');
  await expect(page.locator('#value-0')).toHaveValue('Family');
  // A save (a note) writes it back as schema 3, which for this history
  // differs in nothing but the version number and the note; the schema-2
  // text is kept as it was in temper.data.backup.
  await page.goto('./#/results/h001-x');
  await page.getByLabel(/Your note on this check-in/).fill('x');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Note saved.')).toBeVisible();
  const after = await page.evaluate(() => localStorage.getItem('temper.data'));
  const at = fixture.indexOf('"r":"caring"}', fixture.indexOf('"id":"h001-x"'));
  const end = '"r":"caring"}'.length;
  const v3 = fixture.replace('{"v":2,', '{"v":3,');
  // "2" and "3" are as long, so the note's place is the same.
  expect(after).toBe(v3.slice(0, at) + '"r":"caring","n":"x"}' + v3.slice(at + end));
  expect(await page.evaluate(() => localStorage.getItem('temper.data.backup'))).toBe(fixture);
});
