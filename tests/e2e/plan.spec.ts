import { test, expect, Page } from '@playwright/test';
import { pulse as quickPulse } from './pulse';
import * as fs from 'fs';

// A pulse with high burnout and low rust-out answers.
const burnoutPulse = (page: Page) => quickPulse(page, (n) => (n <= 3 ? 'Always' : 'Never'));

const stored = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('temper.data') ?? 'null'));

test('suggestions cite the person\'s scores; adopt, tick, date and remove steps, and they survive a reload', async ({ page }) => {
  await burnoutPulse(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your plan' })).toBeFocused();
  await expect(page.getByText('Your plan is empty.')).toBeVisible();
  // Every suggestion says why, with a number out of 100.
  const reasons = page.locator('section.strategy > p.because');
  expect(await reasons.count()).toBeGreaterThan(0);
  for (const text of await reasons.allTextContents()) expect(text).toMatch(/Why for you: .*(\d+ out of 100|talking to a professional)/);
  // Burnout profile: no rust-out strategy among the ranked suggestions.
  const top = await page.locator('main > div > section.strategy h3').allTextContents();
  for (const name of ['Take a hard look at your job', 'Learn something new', 'Bring creativity into your work', 'Set goals that pull you forward', 'Explore new interests']) expect(top.join('|')).not.toContain(name);

  const first = page.locator('main > div > section.strategy').first();
  const name = (await first.locator('h3').textContent())!;
  await first.getByRole('button', { name: /Add all steps of/ }).click();
  await expect(page.getByText(/0 of \d steps done/)).toBeVisible();
  const tick = page.locator('.steps input[type=checkbox]').first();
  await expect(tick).toBeFocused(); // focus follows the action
  await tick.press('Space');
  await expect(page.getByText(/1 of \d steps done/)).toBeVisible();
  await expect(page.locator('.steps input[type=checkbox]').first()).toBeChecked();
  const due = page.locator('.steps input[type=date]').nth(1);
  await due.fill('2027-01-15');
  await due.blur();
  await expect.poll(async () => (await stored(page)).data.plan.filter((s: any) => s.t === '2027-01-15').length).toBe(1);

  await page.reload();
  await expect(page.locator('.plan-group h3').first()).toHaveText(name);
  await expect(page.locator('.steps input[type=checkbox]').first()).toBeChecked();
  await expect(page.locator('.steps input[type=date]').nth(1)).toHaveValue('2027-01-15');
  const total = await page.locator('.steps li').count();
  await page.locator('.steps li').last().getByRole('button', { name: /Remove from plan/ }).click();
  await expect(page.locator('.steps li')).toHaveCount(total - 1);
  await expect(page.getByText(`1 of ${total - 1} steps done`)).toBeVisible();
  const data = await stored(page);
  expect(data.v).toBe(3);
  expect(data.data.plan.length).toBe(total - 1);
  expect(data.data.plan[0].d).toBe(true);
  // With one step left, the count reads in the singular.
  for (let n = total - 1; n > 1; n--) {
    await page.locator('.steps li').last().getByRole('button', { name: /Remove from plan/ }).click();
    await expect(page.locator('.steps li')).toHaveCount(n - 1);
  }
  await expect(page.getByText('1 of 1 step done')).toBeVisible();
});

test('energy ledger: bad input is refused with a message, entries give the weekly balance and survive a reload', async ({ page }) => {
  await page.goto('./#/ledger');
  await expect(page.getByText('Even: as much paid in as taken out.')).toBeVisible();
  await page.getByRole('button', { name: 'Add to ledger' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose whether it drained or restored your energy.');
  await expect(page.getByLabel('It drained me')).toBeFocused();
  await page.getByLabel('It drained me').check();
  await page.getByRole('button', { name: 'Add to ledger' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose a size from 1 to 5.');
  expect(await stored(page)).toBeNull(); // nothing saved on refusal

  await page.getByLabel('Kind', { exact: true }).selectOption('work');
  await page.getByLabel('4', { exact: true }).check();
  // The optional fields are folded away until asked for.
  await expect(page.getByLabel('I need help to change this')).toBeHidden();
  await page.getByText('More detail (optional)').click();
  await page.getByLabel('I need help to change this').check();
  await page.getByLabel('What was it? (optional)').fill('<b>late</b> meeting');
  await page.getByRole('button', { name: 'Add to ledger' }).click();
  await expect(page.locator('table.ledger tbody tr')).toHaveCount(1);
  await page.getByLabel('It restored me').check();
  await page.getByLabel('Kind', { exact: true }).selectOption('body');
  await page.getByLabel('Kind of rest it relates to').selectOption('physical');
  await page.getByLabel('1', { exact: true }).check();
  await page.getByLabel('I can change this').check(); // ignored for a deposit
  await page.getByRole('button', { name: 'Add to ledger' }).click();
  await expect(page.locator('table.ledger tbody tr')).toHaveCount(2);
  await expect(page.locator('.balance strong')).toHaveText('-3');
  await expect(page.getByText('Work: 1 × (total size 4)')).toBeVisible();
  await expect(page.getByText('Body: 1 × (total size 1)')).toBeVisible();
  await expect(page.getByText(/need help with 1/)).toBeVisible();
  // The tip names the strategies as the plan does.
  await expect(page.getByText(/for the others, “Ask for help at work” and “Set boundaries” on your plan can help/)).toBeVisible();
  // What the person typed is text, never markup.
  await expect(page.locator('table.ledger td', { hasText: '<b>late</b> meeting' })).toHaveCount(1);
  expect(await page.locator('table.ledger b').count()).toBe(0);

  await page.reload();
  await expect(page.locator('.balance strong')).toHaveText('-3');
  const data = await stored(page);
  expect(data.data.ledger.map((e: any) => [e.f, e.k, e.s, e.c ?? null, e.r ?? null])).toEqual([
    ['drain', 'work', 4, 'help', null], ['deposit', 'body', 1, null, 'physical']]);
  await page.locator('table.ledger tbody tr').first().getByRole('button', { name: /Remove the entry/ }).click();
  await expect(page.locator('table.ledger tbody tr')).toHaveCount(1);
  await expect(page.locator('.balance strong')).toHaveText('-4');
});

test('inner audit: a rating needs a value and must be 0-10; gaps are shown biggest first and link to the values strategy', async ({ page }) => {
  await page.goto('./#/audit');
  await page.locator('#rating-0').fill('4');
  await page.getByRole('button', { name: 'Save audit' }).click();
  await expect(page.getByRole('alert')).toContainText('A rating needs a value');
  await expect(page.locator('#value-0')).toBeFocused();
  await page.locator('#value-0').fill('Family');
  await page.locator('#value-1').fill('Doing good work');
  await page.locator('#rating-1').fill('8');
  await page.locator('#value-2').fill('Health');
  await page.locator('#rating-2').fill('11');
  await page.getByRole('button', { name: 'Save audit' }).click();
  await expect(page.getByRole('alert')).toContainText('0 to 10');
  await expect(page.locator('#rating-2')).toBeFocused();
  expect(await stored(page)).toBeNull();
  await page.locator('#rating-2').fill('1');
  await page.getByRole('button', { name: 'Save audit' }).click();
  await expect(page.locator('ol li').first()).toHaveText('Health: gap 9 (rated 1 of 10)');
  await expect(page.locator('ol li').nth(1)).toHaveText('Family: gap 6 (rated 4 of 10)');
  // Just after an audit, Temper doesn't suggest doing one: only the step
  // that acts on the biggest gap.
  const act = page.locator('section.strategy', { has: page.getByRole('heading', { name: 'Turn the biggest gap into a step' }) });
  await expect(act).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Do an inner audit of your values' })).toHaveCount(0);
  await expect(act.locator('li')).toHaveCount(1);
  await expect(act.locator('li')).toContainText('Pick the biggest gap and one small task this week');
  await page.reload();
  await expect(page.locator('#value-2')).toHaveValue('Health');
  await act.getByRole('button', { name: /^Add to plan: Pick the biggest gap/ }).click();
  await page.goto('./#/plan');
  await expect(page.locator('.plan-group h3')).toHaveText('Do an inner audit of your values');
});

test('the reminder downloads an RFC 5545 calendar file that links back to Temper', async ({ page }, info) => {
  await page.goto('./#/plan');
  await page.getByLabel('Every two weeks').check();
  await page.getByLabel('First reminder on').fill('2027-03-01');
  await page.getByLabel('At', { exact: true }).fill('18:30');
  const [dl] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download calendar file (.ics)' }).click()]);
  expect(dl.suggestedFilename()).toBe('temper-reminder.ics');
  const path = info.outputPath('r.ics');
  await dl.saveAs(path);
  const text = fs.readFileSync(path, 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const unfolded = text.replace(/\r\n /g, '');
  for (const field of ['VERSION:2.0', 'PRODID:', 'BEGIN:VEVENT', 'UID:', 'DTSTAMP:', 'DTSTART:', 'RRULE:FREQ=WEEKLY;INTERVAL=2', 'SUMMARY:Temper check-in', 'END:VEVENT'])
    expect(unfolded).toContain(field);
  expect(unfolded).toMatch(/URL:http:\/\/127\.0\.0\.1:\d+\/#\/checkin/);
  // 18:30 local time, floating (no "Z", no zone): it rings at 18:30 on
  // the person's clock before and after a daylight-saving change.
  expect(unfolded).toContain('DTSTART:20270301T183000\r\n');
  // An alarm, so the calendar rings rather than showing a silent event.
  expect(unfolded).toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Temper check-in\r\nTRIGGER:PT0M\r\nEND:VALARM\r\n/);
  // The rhythm is remembered and said, after a reload too.
  await expect(page.getByText('Every two weeks, at 18:30. Next reminder: Mar 1, 2027.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Every two weeks, at 18:30. Next reminder: Mar 1, 2027.')).toBeVisible();
  await expect(page.getByLabel('Every two weeks')).toBeChecked();
  await page.getByLabel('First reminder on').fill('');
  await page.getByRole('button', { name: 'Download calendar file (.ics)' }).click();
  await expect(page.locator('#remind-error')).toHaveText(/valid date and time/);
});

test('the report prints results, trend and plan without navigation or buttons', async ({ page }) => {
  await burnoutPulse(page);
  await burnoutPulse(page);
  await page.goto('./#/plan');
  await page.getByRole('button', { name: /Add all steps of/ }).first().click();
  await page.goto('./#/report');
  await expect(page.getByRole('heading', { level: 1, name: 'Temper report' })).toBeVisible();
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Trend' })).toBeVisible();
  await expect(page.getByText(/0 of \d steps done/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Trend' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('report-print.png'), fullPage: true });
  // Two pages at most on A4.
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThan(0);
  expect(pages).toBeLessThanOrEqual(2);
});

test('a schema 1 backup still imports, and stored schema 1 data is upgraded with a copy kept', async ({ page }) => {
  const v1 = '{"v":1,"data":{"checkins":[{"id":"old-1","at":1700000000000,"m":"pulse","cv":1,"a":{"ex1":2,"ex2":3,"cy1":1,"bo1":0,"di1":4,"uc1":2,"sg4":1}}]}}';
  await page.goto('./');
  await page.evaluate((t) => localStorage.setItem('temper.data', t), v1);
  await page.reload();
  await page.goto('./#/history');
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
  await page.goto('./#/plan');
  await page.getByRole('button', { name: /Add all steps of/ }).first().click();
  expect(await page.evaluate(() => localStorage.getItem('temper.data.backup'))).toBe(v1);
  const data = await stored(page);
  expect(data.v).toBe(3);
  expect(data.data.checkins[0].id).toBe('old-1');
  expect(data.data.plan.length).toBeGreaterThan(0);
  // "Delete all my data" removes that copy too: no old check-in is left.
  await page.goto('./#/history');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await expect(page.getByText('No check-ins saved yet.')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('temper.data.backup'))).toBeNull();
  expect(JSON.stringify(await stored(page))).not.toContain('"a":');
});

for (const timezoneId of ['America/New_York', 'Europe/Madrid']) {
  test(`a reminder set in ${timezoneId} keeps its local time across the daylight-saving change`, async ({ browser }, info) => {
    const ctx = await browser.newContext({ timezoneId });
    const page = await ctx.newPage();
    await page.goto('./#/plan');
    // The week before clocks change in both zones (March 2027).
    await page.getByLabel('Every week').check();
    await page.getByLabel('First reminder on').fill('2027-03-08');
    await page.getByLabel('At', { exact: true }).fill('09:00');
    const [dl] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download calendar file (.ics)' }).click()]);
    const path = info.outputPath(`r-${timezoneId.replace('/', '-')}.ics`);
    await dl.saveAs(path);
    const text = fs.readFileSync(path, 'utf8').replace(/\r\n /g, '');
    // Same wall-clock time in either zone, with nothing that could shift it.
    expect(text).toContain('DTSTART:20270308T090000\r\n');
    expect(text).not.toMatch(/DTSTART[^\r]*Z\r\n|TZID/);
    expect(text).toContain('RRULE:FREQ=WEEKLY\r\n');
    await ctx.close();
  });
}

test('the report: dates as the app writes them, a passed target date flagged, the balance explained, and paper always light', async ({ page }) => {
  await burnoutPulse(page);
  await page.goto('./#/plan');
  await page.getByRole('button', { name: /Add all steps of/ }).first().click();
  // One step's target date is already past; another's is ahead.
  const dates = page.locator('.steps input[type=date]');
  await dates.nth(0).fill('2026-01-05');
  await dates.nth(0).dispatchEvent('change');
  await dates.nth(1).fill('2099-12-05');
  await dates.nth(1).dispatchEvent('change');
  await expect(page.locator('.steps li').nth(0).getByText('Past its target date')).toBeVisible();
  await expect(page.locator('.steps li').nth(1).getByText('Past its target date')).toHaveCount(0);
  // A drain in the ledger, for the balance.
  await page.goto('./#/ledger');
  await page.getByLabel('It drained me').check();
  await page.getByLabel('Kind', { exact: true }).selectOption('work');
  await page.getByLabel('2', { exact: true }).check();
  await page.getByRole('button', { name: 'Add to ledger' }).click();
  await page.goto('./#/report');
  const report = page.locator('.report');
  await expect(report.getByText('(Target date: Jan 5, 2026, Past its target date)')).toBeVisible();
  await expect(report.getByText('(Target date: Dec 5, 2099)')).toBeVisible();
  await expect(report).not.toContainText('2099-12-05');
  await expect(report.getByText('-2 More taken out than paid in.')).toBeVisible();
  // A dark device, or dark chosen in Temper: the printout is light.
  for (const theme of [null, 'dark']) {
    await page.evaluate((t) => (t ? document.documentElement.setAttribute('data-theme', t) : document.documentElement.removeAttribute('data-theme')), theme);
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    const fg = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--fg').trim());
    expect(await fg()).toBe('#ecebe7');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await fg()).toBe('#1d1f23');
    const bar = await page.locator('.report .meter .fill').first().evaluate((e) => getComputedStyle(e).fill);
    // Never the dark palette's pale bars on white paper.
    expect(['rgb(46, 125, 79)', 'rgb(138, 109, 0)', 'rgb(179, 84, 30)', 'rgb(163, 34, 45)']).toContain(bar);
  }
});

test('adding single steps keeps the page where it is: the focus stays on the card', async ({ page }) => {
  await burnoutPulse(page);
  await page.goto('./#/plan');
  const buttons = page.getByRole('button', { name: /^Add to plan: / });
  // Three steps of cards far down the page, one after another.
  const last = buttons.nth(8);
  await last.scrollIntoViewIfNeeded();
  for (let i = 0; i < 3; i++) {
    const target = buttons.nth(6);
    const before = await page.evaluate(() => window.scrollY);
    const y = (await target.boundingBox())!.y;
    await target.click();
    await expect(page.getByText('Added to your plan.')).toBeVisible();
    // The new "In your plan" has the focus where the button was; the page
    // did not jump (the plan above grew by a row, and the view stayed put).
    const tag = page.locator(':focus');
    await expect(tag).toHaveAttribute('id', /^inplan-/);
    await expect(tag).toHaveText('In your plan');
    expect(Math.abs((await tag.boundingBox())!.y - y)).toBeLessThan(60);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThanOrEqual(before);
  }
  expect((await stored(page)).data.plan).toHaveLength(3);
});

test('the ledger on a phone: three quick choices on one screen, the sizes on one row, a refusal shown beside the focused field', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await page.goto('./#/ledger');
  await page.getByRole('button', { name: 'Add to ledger' }).scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Add to ledger' }).tap();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('Choose whether it drained or restored your energy.');
  await expect(page.getByLabel('It drained me')).toBeFocused();
  // The message is on screen with the field that has the focus.
  for (const l of [alert, page.getByLabel('It drained me')]) {
    const box = (await l.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(640);
  }
  // 1 to 5 in one row.
  const tops = await page.locator('input[name=size]').evaluateAll((xs) => xs.map((x) => Math.round(x.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  // Drained, 2, work: added without the optional fields.
  await page.getByLabel('It drained me').check();
  await page.getByLabel('2', { exact: true }).check();
  await page.getByRole('button', { name: 'Add to ledger' }).tap();
  await expect(page.locator('table.ledger tbody tr')).toHaveCount(1);
  await ctx.close();
});

test('a step of one\'s own: refused when empty or too long (the text kept), then kept like any step, in the report, stored as schema 3', async ({ page }) => {
  await page.goto('./#/plan');
  const field = page.getByLabel('What will you do?');
  await expect(field).toHaveAccessibleDescription(/up to 120 characters/);
  const add = page.getByRole('button', { name: 'Add my step' });
  // Nothing written: the message, and the focus on the field.
  await field.fill('   ');
  await add.click();
  await expect(page.locator('#own-error')).toHaveText('Write the step first: what will you do?');
  await expect(field).toBeFocused();
  // Too long: refused with its length, never cut; what was typed stays.
  const long = 'Walk around the block at lunch, '.repeat(5).trim();
  await field.fill(long);
  await field.press('Enter');
  await expect(page.locator('#own-error')).toHaveText(`That step is ${long.length} characters long; a step can have up to 120. Shorten it and add it again.`);
  await expect(field).toHaveValue(long);
  expect(await stored(page)).toBeNull();
  // Text that looks like markup is only text.
  await field.fill('Leave my laptop at work on <b>Fridays</b> {gap}');
  await add.click();
  await expect(page.getByText('Your step is in your plan.')).toBeVisible();
  await expect(page.locator('#own-error')).toHaveText('');
  await expect(field).toHaveValue('');
  const group = page.locator('.plan-group', { has: page.getByRole('heading', { name: 'Steps of your own' }) });
  const tick = group.getByRole('checkbox', { name: 'Leave my laptop at work on <b>Fridays</b> {gap}' });
  await expect(tick).toBeFocused();
  await expect(page.locator('.plan-group b')).toHaveCount(0);
  await expect(page.getByText('0 of 1 step done')).toBeVisible();
  // Ticked and dated like a step of the library, and it survives a reload.
  await tick.check();
  const due = group.locator('input[type=date]');
  await due.fill('2099-03-01');
  await due.dispatchEvent('change');
  await expect.poll(async () => (await stored(page)).data.plan[0].t).toBe('2099-03-01');
  const data = await stored(page);
  expect(data.v).toBe(3);
  expect(data.data.plan).toEqual([{ id: expect.stringMatching(/^own\.[a-z0-9-]+$/), at: expect.any(Number), d: true, t: '2099-03-01', w: 'Leave my laptop at work on <b>Fridays</b> {gap}' }]);
  await page.reload();
  await expect(group.getByRole('checkbox', { name: 'Leave my laptop at work on <b>Fridays</b> {gap}' })).toBeChecked();
  // Next to steps from the library, in the report, and on the return home.
  await burnoutPulse(page);
  await page.goto('./#/plan');
  await page.getByRole('button', { name: /^Add to plan: / }).first().click();
  await expect(page.locator('.steps li')).toHaveCount(2);
  await page.goto('./#/report');
  await expect(page.locator('.report')).toContainText('☑ Leave my laptop at work on <b>Fridays</b> {gap} (Target date: Mar 1, 2099)');
  await page.goto('./');
  await expect(page.getByText('1 of 2 steps done')).toBeVisible();
  // Removed like any step, with its text in the button's name.
  await page.goto('./#/plan');
  await group.getByRole('button', { name: 'Remove from plan: Leave my laptop at work on <b>Fridays</b> {gap}' }).click();
  await expect(page.getByText('Removed from your plan.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Steps of your own' })).toHaveCount(0);
  expect((await stored(page)).data.plan).toHaveLength(1);
});

test('a step of one\'s own: a backup with one restores it, and a merge brings it from the file', async ({ page }) => {
  await burnoutPulse(page);
  await page.goto('./#/plan');
  await page.getByLabel('What will you do?').fill('Lunch away from my desk');
  await page.getByRole('button', { name: 'Add my step' }).click();
  await expect(page.getByText('Your step is in your plan.')).toBeVisible();
  const text = await page.evaluate(() => localStorage.getItem('temper.data'));
  await page.evaluate(() => localStorage.clear());
  await page.goto('./#/history');
  await page.reload();
  await page.getByLabel('Restore from a backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text!) });
  await page.getByRole('button', { name: 'Merge with what is here' }).click();
  await page.goto('./#/plan');
  await expect(page.getByRole('heading', { name: 'Steps of your own' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Lunch away from my desk' })).toBeVisible();
});
