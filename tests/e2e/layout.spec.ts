import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';

// Layout rules on every screen, at 320, 390 and 768 px, light and dark,
// English and Spanish, with a three-year history stored (the fixture):
// - nothing makes the page scroll sideways; only tables (with a shadow
//   cue) and the phone navigation scroll sideways inside themselves;
// - the navigation is one row;
// - buttons, answers and navigation links are at least 44 px tall;
// - a block never runs into the one after it, a question's legend stays
//   inside its card, and the map's labels stay inside their squares.
// A screenshot of each is kept in target/playwright/layout/.

const history = fs.readFileSync('tests/fixtures/history-v2.json', 'utf8');
const screens = ['', 'checkin', 'checkin/step', 'results', 'history', 'plan', 'ledger', 'audit', 'report', 'privacy', 'help'];

async function problems(page: Page, phone: boolean): Promise<string[]> {
  return page.evaluate((phone) => {
    const out: string[] = [];
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} “${(e.textContent ?? '').trim().slice(0, 40)}”`;
    const root = document.documentElement;
    if (root.scrollWidth > innerWidth + 1) out.push(`the page scrolls sideways: ${root.scrollWidth} > ${innerWidth}`);
    for (const e of document.querySelectorAll('main *, header *')) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || e.closest('svg')) continue;
      if (e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(s.overflowX) && !e.matches('.table-wrap, nav')) {
        out.push(`scrolls sideways without a cue: ${name(e)}`);
      }
    }
    const top = document.querySelector('.top')!.getBoundingClientRect();
    if (phone && top.height > 64) out.push(`the navigation takes ${Math.round(top.height)} px (more than one row)`);
    for (const e of document.querySelectorAll('main button, main .button, nav a, .option, main select')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(e).visibility === 'hidden') continue;
      if (r.height < 43.5) out.push(`tap target ${Math.round(r.height)} px tall: ${name(e)}`);
    }
    // Consecutive blocks never overlap.
    for (const parent of document.querySelectorAll('main, main > div, main section, main form')) {
      const kids = [...parent.children].filter((k) => {
        const s = getComputedStyle(k);
        return s.display !== 'none' && s.position !== 'absolute' && s.float === 'none' && k.getBoundingClientRect().height > 0;
      });
      for (let i = 1; i < kids.length; i++) {
        const a = kids[i - 1].getBoundingClientRect();
        const b = kids[i].getBoundingClientRect();
        const sameRow = Math.abs(a.top - b.top) < 2 && b.left >= a.right - 1;
        if (!sameRow && b.top < a.bottom - 1) out.push(`${name(kids[i])} runs into ${name(kids[i - 1])}`);
      }
    }
    for (const f of document.querySelectorAll('fieldset')) {
      const l = f.querySelector('legend');
      if (l && l.getBoundingClientRect().top < f.getBoundingClientRect().top + 1) out.push(`a legend sits on its card's border: ${name(l)}`);
    }
    const rects = [...document.querySelectorAll('.zone-map rect.q')];
    document.querySelectorAll('.zone-map .quad-label').forEach((label, i) => {
      const t = label.getBoundingClientRect();
      const q = rects[i].getBoundingClientRect();
      if (t.left < q.left - 0.5 || t.right > q.right + 0.5) out.push(`the map label ${name(label)} leaves its square`);
    });
    return out;
  }, phone);
}

for (const width of [320, 390, 768]) {
  for (const locale of ['en-US', 'es-ES']) {
    test(`layout at ${width} px in ${locale}, light and dark, on every screen`, async ({ browser }) => {
      test.setTimeout(120_000);
      const phone = width < 640;
      const found: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        const ctx = await browser.newContext({ viewport: { width, height: 844 }, locale, colorScheme, hasTouch: phone, isMobile: phone });
        const page = await ctx.newPage();
        await page.goto('./');
        await page.evaluate((h) => localStorage.setItem('temper.data', h), history);
        for (const screen of screens) {
          if (screen === 'checkin/step') {
            await page.goto('./#/checkin');
            await page.locator('.choices .button.primary').click();
            await expect(page.locator('fieldset legend')).toBeVisible();
          } else {
            await page.goto(`./#/${screen}`);
            await expect(page.locator('main h1')).toBeVisible();
            await page.waitForTimeout(100);
          }
          for (const p of await problems(page, phone)) found.push(`${colorScheme} #/${screen}: ${p}`);
          await page.screenshot({ path: `target/playwright/layout/${locale}-${colorScheme}-${width}-${screen.replace('/', '-') || 'home'}.png`, fullPage: true });
          if (screen === 'checkin/step') {
            await page.getByRole('button', { name: /Discard|Descartar/ }).click();
          }
        }
        await ctx.close();
      }
      expect(found).toEqual([]);
    });
  }
}

test('the computation table on a phone: a question takes a line or two, and the table scrolls sideways with its cue', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await page.goto('./');
  await page.evaluate((h) => localStorage.setItem('temper.data', h), history);
  const id = JSON.parse(history).data.checkins.filter((c: { m: string }) => c.m === 'full').pop().id;
  await page.goto(`./#/results/${id}`);
  await page.reload();
  await page.getByText('How this was computed').click();
  const table = page.locator('details.how table');
  await expect(table.locator('tbody tr')).toHaveCount(43);
  // It was about 6,200 px tall, a word or two a line.
  const [height, wide, room] = await table.evaluate((t) => [t.getBoundingClientRect().height, t.scrollWidth, t.parentElement!.clientWidth]);
  expect(height).toBeLessThan(3000);
  expect(wide).toBeGreaterThan(room);
  expect(await table.evaluate((t) => t.parentElement!.matches('.table-wrap'))).toBe(true);
  await ctx.close();
});
