import { test, expect, Page } from '@playwright/test';
import { pulse as quickPulse } from './pulse';
import * as fs from 'fs';

async function pulse(page: Page, answer: string) {
  await quickPulse(page, answer);
  await expect(page.getByRole('heading', { level: 1, name: 'Your results' })).toBeVisible();
}

// The rows shown: the rest of a long list is built ahead in hidden bodies.
const rows = (page: Page) => page.locator('table.history tbody:not([hidden]) tr');

test('history: chart, since last time, notes as text, delete with undo, delete all', async ({ page }) => {
  await pulse(page, 'Rarely');
  await pulse(page, 'Often');
  // A note with markup is kept as plain text.
  await page.getByLabel(/Your note on this check-in/).fill('<b>tired</b> & bored');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Note saved.')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(page.locator('figure.trend svg[role="img"]')).toBeVisible();
  await expect(page.locator('figure.trend rect.pulse')).toHaveCount(4);
  await expect(page.getByRole('heading', { name: /^Since your last quick pulse, on [A-Z][a-z]{2} \d{1,2}, \d{4}$/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Your last 2 check-ins on the stress-spectrum map.* from rust-out\/burnout 25\/42 to 75\/58/ })).toBeVisible();
  // Rarely -> Often on a pulse: rust-out 25 -> 75. Burnout 42 -> 58, as the
  // efficacy item is reverse-scored (75 -> 25). A pulse has no dimension
  // figures, so no dimension lines.
  await expect(page.getByText('Rust-out: 75, up 50 (worse)')).toBeVisible();
  await expect(page.getByText('Burnout: 58, up 16 (worse)')).toBeVisible();
  await expect(page.getByText(/^Reduced efficacy:/)).toHaveCount(0);
  // Each row's date is its header (a screen reader names the row by it),
  // and links to that check-in's results.
  await expect(rows(page).first().getByRole('rowheader')).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  await expect(page.getByRole('rowheader')).toHaveCount(2);
  await expect(rows(page).first().getByRole('rowheader').getByRole('link')).toHaveAttribute('href', /^#\/results\/.+/);
  const note = rows(page).first().locator('.note-cell');
  await expect(note).toHaveText('<b>tired</b> & bored');
  expect(await note.locator('b').count()).toBe(0);
  await page.screenshot({ path: 'target/playwright/history.png', fullPage: true });
  // Delete the newest, then undo; reload proves what was saved.
  await rows(page).first().getByRole('button', { name: 'Delete' }).click();
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page)).toHaveCount(2);
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
  await rows(page).first().getByRole('button', { name: 'Delete' }).click();
  await page.reload();
  await expect(rows(page)).toHaveCount(1);
  // One check-in is described in the singular.
  await expect(page.getByRole('img', { name: /^Your one check-in on the stress-spectrum map.* at rust-out\/burnout 25\/42\./ })).toBeVisible();
  // A check-in in progress is part of "all my data".
  await page.goto('./#/checkin');
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  await page.getByRole('radio', { name: 'Often' }).click();
  await page.goto('./#/history');
  page.once('dialog', d => d.accept());
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await expect(page.getByText('No check-ins saved yet.')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('temper.draft'))).toBeNull();
  await page.reload();
  await expect(page.getByText('No check-ins saved yet.')).toBeVisible();
  await page.goto('./#/checkin');
  await expect(page.getByRole('heading', { name: 'Choose a check-in' })).toBeVisible();
});

test('export, then import into a fresh browser profile gives the same history', async ({ page, browser }, info) => {
  await pulse(page, 'Sometimes');
  await pulse(page, 'Always');
  await page.getByLabel('Your note on this check-in').fill('a long, "hard" week');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Note saved.')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await expect(rows(page)).toHaveCount(2);
  const before = await rows(page).allTextContents();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup (JSON)' }).click()]);
  const file = info.outputPath('backup.json');
  await dl.saveAs(file);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download scores (CSV)' }).click()]);
  const csvFile = info.outputPath('scores.csv');
  await csv.saveAs(csvFile);
  const lines = fs.readFileSync(csvFile, 'utf8').trim().split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toBe('Date,Mode,Burnout,Rust-out,Zone,Exhaustion,Cynicism,Reduced efficacy,Boredom,Disengagement,Under-challenge,Note');
  // ISO dates (a spreadsheet sorts them), a pulse's dimension cells empty, and the note.
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  expect(lines[1]).toMatch(new RegExp(`^${today},Quick pulse,50,50,Worth watching,,,,,,,$`));
  expect(lines[2]).toBe(`${today},Quick pulse,67,100,Both at once,,,,,,,"a long, ""hard"" week"`);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('./#/history');
  await expect(other.getByText('No check-ins saved yet.')).toBeVisible();
  await other.getByLabel('Restore from a backup file').setInputFiles(file);
  await expect(other.getByText(/^This file holds 2 check-ins \(.*\)\. New to this device: 2\.$/)).toBeVisible();
  await other.getByRole('button', { name: 'Merge with what is here' }).click();
  await expect(other.getByText('Merged. Check-ins added: 2. Already here: 0.')).toBeVisible();
  await other.reload();
  await expect(rows(other)).toHaveCount(before.length);
  expect(await rows(other).allTextContents()).toEqual(before);
  // Importing the same file again adds nothing.
  await other.getByLabel('Restore from a backup file').setInputFiles(file);
  await expect(other.getByText(/New to this device: 0\.$/)).toBeVisible();
  await other.getByRole('button', { name: 'Merge with what is here' }).click();
  await expect(other.getByText('Merged. Check-ins added: 0. Already here: 2.')).toBeVisible();
  await fresh.close();
});

test('every bad import is refused with a clear message and the data stays unchanged', async ({ page }, info) => {
  await pulse(page, 'Sometimes');
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  const stored = await page.evaluate(() => localStorage.getItem('temper.data'));
  const good = stored!;
  const cases: [string, string | Buffer, RegExp][] = [
    ['not-json.json', 'hello', /not valid JSON/],
    ['scores.csv', 'Date,Mode\r\n2026-12-01,Quick pulse\r\n', /nothing was changed: this is not a Temper backup \(details: it is not valid JSON at line 1, column 1\)\. Backups are the \.json files that “Download backup \(JSON\)” makes; a scores CSV or another file can’t be restored\.$/],
    ['truncated.json', good.slice(0, good.length - 20), /ends too early/],
    ['newer.json', good.replace('"v":3', '"v":99'), /newer version of Temper/],
    ['wrong-type.json', good.replace(/"a":\{"([a-z0-9]+)":2/, '"a":{"$1":"often"'), /wrong type/],
    ['off-scale.json', good.replace(/"a":\{"([a-z0-9]+)":2/, '"a":{"$1":9'), /off the 0 to 4 scale/],
    ['deep.json', '['.repeat(5000) + ']'.repeat(5000), /not a Temper backup/],
    ['huge.json', Buffer.alloc(5 * 1024 * 1024 + 10, 32), /the file is larger than 5 MB, the most Temper reads/],
    ['empty.json', '', /empty|not a Temper backup/],
  ];
  for (const [name, body, message] of cases) {
    const path = info.outputPath(name);
    fs.writeFileSync(path, body);
    await page.getByLabel('Restore from a backup file').setInputFiles(path);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This file was not imported, and nothing was changed');
    await expect(alert).toContainText(message);
    await expect(page.getByRole('button', { name: 'Merge with what is here' })).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('temper.data'))).toBe(stored);
  }
  await expect(rows(page)).toHaveCount(1);
});

test('two tabs saving: no check-in is lost', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('./');
  await b.goto('./');
  // The tab in use is brought to the front: a background tab gets about one
  // animation frame a second, which makes every click wait.
  await a.bringToFront();
  await pulse(a, 'Rarely');
  await b.bringToFront();
  await pulse(b, 'Often'); // b loaded before a saved: its write must merge
  await a.goto('./#/history');
  await expect(rows(a)).toHaveCount(2);
  const saved = await a.evaluate(() => JSON.parse(localStorage.getItem('temper.data')!).data.checkins.length);
  expect(saved).toBe(2);
});

test('a save that raced another tab\'s is repaired: the tab holding the missing check-in writes it back', async ({ context }) => {
  const a = await context.newPage();
  await pulse(a, 'Rarely');
  const b = await context.newPage();
  await b.goto('./');
  // What b writes when it read before a saved and both save at once: a copy
  // without a's check-in (and no record of deleting it).
  await b.evaluate(() => localStorage.setItem('temper.data', JSON.stringify({ v: 2, data: { checkins: [] } })));
  await a.bringToFront();
  const stored = () => b.evaluate(() => JSON.parse(localStorage.getItem('temper.data')!).data.checkins.length);
  await expect.poll(stored).toBe(1);
  await a.goto('./#/history');
  await expect(rows(a)).toHaveCount(1);
  // A deletion made elsewhere is not undone by the repair.
  const id = await a.evaluate(() => JSON.parse(localStorage.getItem('temper.data')!).data.checkins[0].id);
  await b.evaluate((gone) => localStorage.setItem('temper.data', JSON.stringify({ v: 2, data: { checkins: [], deleted: [gone] } })), id);
  await expect(a.getByText('No check-ins saved yet.')).toBeVisible();
  expect(await stored()).toBe(0);
});

test('an edit made in one tab survives a later save in a tab that was open all along', async ({ context }) => {
  const a = await context.newPage();
  await pulse(a, 'Rarely');
  const b = await context.newPage();
  await b.goto('./#/history');
  await expect(rows(b)).toHaveCount(1);
  await a.bringToFront();
  await a.getByLabel(/Your note on this check-in/).fill('written in a');
  await a.getByRole('button', { name: 'Save note' }).click();
  await b.bringToFront();
  await expect(rows(b).first().locator('.note-cell')).toHaveText('written in a');
  await pulse(b, 'Often'); // b saves after a's edit
  const notes = await b.evaluate(() => JSON.parse(localStorage.getItem('temper.data')!).data.checkins.map((c: { n?: string }) => c.n ?? ''));
  expect(notes).toEqual(['written in a', '']);
});

test('a long history shows the newest 100 rows, and all on request', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => {
    const a: Record<string, number> = { ex1: 2, cy1: 2, ef1: 2, bo1: 2, di1: 2, uc1: 2, sg4: 1 };
    const checkins = Array.from({ length: 150 }, (_, i) => ({ id: `p${i}`, at: 1.7e12 + i * 864e5, m: 'pulse', cv: 1, a }));
    localStorage.setItem('temper.data', JSON.stringify({ v: 1, data: { checkins } }));
  });
  await page.goto('./#/history');
  await page.reload();
  await expect(rows(page)).toHaveCount(100);
  // Lines through all 150; markers on the newest 60 only (2 per check-in).
  await expect(page.locator('figure.trend rect.pulse')).toHaveCount(120);
  const points = await page.locator('figure.trend polyline.line-b').getAttribute('points');
  expect(points!.trim().split(/\s+/)).toHaveLength(150);
  // The other 50 are built ahead while the page is idle, hidden: not on
  // screen, not to a screen reader (a header row and 100 rows), not found.
  const ahead = page.locator('table.history tbody[hidden] tr');
  await expect(ahead).toHaveCount(50);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(101);
  await expect(page.locator('a[href="#/results/p49"]')).toBeHidden();
  // A change before "Show all" (the newest deleted) builds them afresh.
  await rows(page).nth(0).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText(/The check-in from .* was deleted/)).toBeVisible();
  await expect(rows(page)).toHaveCount(100);
  await expect(ahead).toHaveCount(49);
  await expect(ahead.first().getByRole('link', { includeHidden: true })).toHaveAttribute('href', '#/results/p48');
  await page.getByRole('button', { name: 'Show all 149 check-ins' }).click();
  await expect(rows(page)).toHaveCount(149);
  await expect(ahead).toHaveCount(0);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(150);
  await expect(page.getByRole('button', { name: /Show all/ })).toHaveCount(0);
  // Focus goes to the first row just added (the 101st newest, p48), not
  // back to the top of the screen.
  const first = rows(page).nth(100).getByRole('link');
  await expect(first).toHaveAttribute('href', '#/results/p48');
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
  // A row among those added deletes like any other; a row of the first
  // 100 too, and the rows then move up without gaps or repeats.
  await rows(page).nth(120).getByRole('button', { name: 'Delete' }).click();
  await expect(rows(page)).toHaveCount(148);
  await expect(page.locator('a[href="#/results/p28"]')).toHaveCount(0);
  await rows(page).nth(0).getByRole('button', { name: 'Delete' }).click();
  await expect(rows(page)).toHaveCount(147);
  const hrefs = await page.locator('table.history tbody tr a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const expected = Array.from({ length: 150 }, (_, i) => `#/results/p${149 - i}`).filter((h) => !/\/p(149|148|28)$/.test(h));
  expect(hrefs).toEqual(expected);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('temper.data')!).data.checkins.map((c: { id: string }) => c.id));
  expect(stored).toHaveLength(147);
  for (const id of ['p149', 'p148', 'p28']) expect(stored).not.toContain(id);
});

test('insights over time: only what the history supports, each saying what it rests on', async ({ page }) => {
  await page.goto('./');
  const seed = (checkins: unknown[], ledger: unknown[]) =>
    page.evaluate(([checkins, ledger]) => localStorage.setItem('temper.data', JSON.stringify({ v: 2, data: { checkins, ledger } })), [checkins, ledger]);
  const day = 864e5;
  const now = await page.evaluate(() => Date.now());
  // A pulse whose burnout answers are b (0-4) and rust-out answers 1.
  const p = (id: string, daysAgo: number, b: number) => ({ id, at: now - daysAgo * day, m: 'pulse', cv: 2, a: { ex1b: b, cy1b: b, ef1: 4 - b, bo1: 1, di1: 1, uc1: 1, sg4b: 0 } });
  const drain = (id: string, daysAgo: number, k: string) => ({ id, at: now - daysAgo * day, f: 'drain', k, s: 3 });
  // One check-in supports nothing: no section at all.
  await seed([p('a', 5, 1)], []);
  await page.goto('./#/history');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'All check-ins' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What your history shows' })).toHaveCount(0);
  // One check-in: no trend yet, said in words, and its values written out.
  await expect(page.locator('figure.trend figcaption')).toContainText('With one check-in there is no trend yet');
  await expect(page.locator('figure.trend text.value')).toHaveText('Burnout 25 · Rust-out 25');
  // Four pulses over 40 days, burnout up then down, drains logged.
  await seed([p('a', 40, 1), p('b', 30, 3), p('c', 20, 3), p('d', 10, 2)], [
    drain('w1', 38, 'work'), drain('w2', 35, 'work'), drain('p1', 33, 'people'), drain('p2', 15, 'people'),
  ]);
  await page.reload();
  const found = page.locator('section.findings');
  await expect(found.getByRole('heading', { name: 'What your history shows' })).toBeVisible();
  const since = await page.evaluate((at) => new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(at)), now - 40 * day);
  // The chart is dated at its ends.
  const last = await page.evaluate((at) => new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(at)), now - 10 * day);
  const axis = await page.locator('figure.trend text.axis').allTextContents();
  expect(axis[axis.length - 1]).toBe(last);
  expect(axis).toContain(since);
  await expect(found.getByText(`Burnout went from 25 to 50 across 4 quick pulses since ${since}.`)).toBeVisible();
  await expect(found.getByText('When burnout rose (once between check-ins), the drain you logged most was “Work”: 2 of 3 drains in those weeks. This rests on 4 check-ins and your energy ledger.')).toBeVisible();
  await expect(found.getByText(/Patterns are not causes/)).toBeVisible();
});
