import { test, expect, Page, APIRequestContext } from '@playwright/test';
import { pulse as quickPulse } from './pulse';
import * as fs from 'fs';

async function pulse(page: Page, base: string) {
  await quickPulse(page, 'Often', base + '#/checkin');
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toHaveAttribute('aria-valuenow', '58');
}

// An icon as the browser gets it: from this origin, served and made as a
// PNG, smaller than `max` bytes.
async function expectPng(request: APIRequestContext, src: string, max: number) {
  const res = await request.get(src);
  expect(res.ok(), src).toBe(true);
  expect(res.headers()['content-type'], src).toBe('image/png');
  const png = await res.body();
  expect(png.subarray(1, 4).toString(), src).toBe('PNG');
  expect(png.length, src).toBeLessThan(max);
}

// Wait until the service worker controls the page and has precached the build.
async function installed(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 15_000 });
}

for (const base of ['./', './tools/temper/']) {
  test(`installed on the first visit; offline reload and check-in work (${base})`, async ({ page, context }) => {
    await page.goto(base);
    await installed(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'How are you really doing at work?' })).toBeVisible();
    await pulse(page, base);
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await expect(page.locator('table.history tbody tr')).toHaveCount(1);
    // Every screen's code comes from the cache (src/lazy.rs).
    await page.getByRole('navigation').getByRole('link', { name: 'Plan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your plan' })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Privacy' }).click();
    await expect(page.getByRole('heading', { name: 'What is stored, and where' })).toBeVisible();
    await context.setOffline(false);
  });
}

test('the service worker is registered only once the app has started, so installing it never competes with start-up', async ({ page }) => {
  // What the page held when it asked for the worker, and when the app's
  // first screen was on.
  await page.addInitScript(() => {
    const w = window as any;
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args: any[]) {
      w.asked = { staticScreen: !!document.getElementById('prerender'), at: performance.now() };
      return register.apply(this, args as any);
    };
    addEventListener('DOMContentLoaded', () => new MutationObserver((_, o) => {
      if (!document.getElementById('prerender')) { w.started = performance.now(); o.disconnect(); }
    }).observe(document.body, { childList: true }));
  });
  await page.goto('./');
  await installed(page);
  const { asked, started } = await page.evaluate(() => ({ asked: (window as any).asked, started: (window as any).started }));
  expect(asked.staticScreen).toBe(false);
  expect(asked.at).toBeGreaterThan(started);
  await expect(page.getByRole('heading', { level: 1, name: 'How are you really doing at work?' })).toBeVisible();
});

test('the manifest makes it installable', async ({ page, request }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(href!)).json();
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toBe('#1f5f8b');
  expect(manifest.icons.some((i: any) => i.purpose === 'maskable')).toBe(true);
  expect(manifest.icons.map((i: any) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  // Small PNGs only: Chromium fetches a manifest icon as the page starts
  // (to offer installing it), alongside the page's own files, and draws an
  // SVG one as a document of its own on the page's main thread (7 to 26 ms
  // in Lighthouse traces).
  for (const icon of manifest.icons) {
    expect(icon.type).toBe('image/png');
    await expectPng(request, icon.src, 6 * 1024);
  }
  // And Chromium's own check finds nothing missing (a test's browser
  // context is a private one, which it names as the only reason).
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
});

test('the page\'s icon is a small PNG from the same origin (an SVG one is drawn as a document of its own as the page starts)', async ({ page, request }) => {
  await page.goto('./');
  const icons = page.locator('link[rel~="icon"]');
  await expect(icons).toHaveCount(1);
  const href = (await icons.getAttribute('href'))!;
  expect(href).not.toMatch(/^data:|\.svg$/);
  await expectPng(request, href, 1024);
});

test('a new version is offered, never switched to silently', async ({ page }) => {
  await page.goto('./#/checkin');
  await installed(page);
  // Start a check-in, then a new build appears on the server.
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  // Chosen with the keyboard's Space: chosen, not yet moved on.
  await page.getByRole('radio', { name: 'Often' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Often' })).toBeChecked();
  const sw = 'dist/sw.js';
  const original = fs.readFileSync(sw, 'utf8');
  try {
    const newer = original.replace(/\}v[0-9a-f]{16}/, '}v0000000000000000');
    expect(newer).not.toBe(original);
    fs.writeFileSync(sw, newer);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const offer = page.locator('#update');
    await expect(offer).toContainText('Update available.');
    // Nothing changed under the person: same question, answer still chosen.
    await expect(page.getByText('Question 1 of 7')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Often' })).toBeChecked();
    await offer.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => !document.getElementById('update'));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const cache = await page.evaluate(async () => (await caches.keys()).join(','));
    // One cache, named for this deployment's scope and the new version.
    expect(cache).toMatch(/^temper:http:\/\/127\.0\.0\.1:\d+\/:v0{16}$/);
  } finally {
    fs.writeFileSync(sw, original);
  }
});

test('the static home screen is the app\'s own first-visit home: the same frame, texts and links', async ({ browser }) => {
  // What a person reads and can follow: each region's text, every link's
  // words and address, and the heading that takes focus.
  const seen = (root: string) => ({
    top: `${root} header.top`,
    main: `${root} main`,
    foot: `${root} footer.foot > p:not(.theme)`,
  });
  const read = async (page: Page, root: string) => {
    const at = seen(root);
    const out: Record<string, unknown> = {};
    for (const [name, sel] of Object.entries(at)) {
      out[name] = await page.locator(sel).allInnerTexts();
      out[`${name} links`] = await page.locator(`${sel} a`).evaluateAll((as) =>
        as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('aria-current'), a.className]));
    }
    out.skip = await page.locator(`${root} a.skip`).evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    out.heading = await page.locator(`${root} main h1`).evaluateAll((hs) => hs.map((h) => [h.textContent, h.getAttribute('tabindex')]));
    return out;
  };
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto('./');
  const painted = await read(page, '#prerender');
  expect((painted.heading as string[][])[0]).toEqual(['How are you really doing at work?', '-1']);
  expect(painted['main links']).toEqual([['Start check-in', '#/checkin', null, 'button primary']]);
  await page.unroute('**/*.wasm');
  await page.reload();
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.locator('main h1')).toBeFocused();
  expect(await read(page, 'body')).toEqual(painted);
  await ctx.close();
});

test('the home screen is painted before the wasm arrives, and only where it applies', async ({ browser }) => {
  for (const [locale, hash, shown] of [['en-US', '', true], ['en-US', '#/history', false], ['es-ES', '', false]] as const) {
    const ctx = await browser.newContext({ locale, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await page.route('**/*.wasm', (r) => r.abort());
    await page.goto(`./${hash}`);
    const heading = page.locator('#prerender h1');
    if (shown) await expect(heading).toHaveText('How are you really doing at work?');
    else await expect(heading).toBeHidden();
    await page.unroute('**/*.wasm');
    await page.reload();
    await expect(page.locator('main h1')).toHaveCount(1);
    await expect(page.locator('#prerender')).toHaveCount(0);
    await ctx.close();
  }
  // A person coming back has a home of their own: the first visit's is
  // not painted for them, whether they have check-ins or only one in
  // progress (their home offers to continue it).
  for (const back of ['check-ins', 'a check-in in progress']) {
    const ctx = await browser.newContext({ serviceWorkers: 'block' });
    if (back === 'check-ins') {
      await ctx.addInitScript(() => localStorage.setItem('temper.data', '{"v":2,"data":{"checkins":[]}}'));
    } else {
      const first = await ctx.newPage();
      await first.goto('./#/checkin');
      await first.getByRole('button', { name: /Full check-in/ }).click();
      await first.getByRole('radio', { name: 'Often' }).click();
      await expect(first.locator('.progress-text')).toHaveText(/^Question 2 of/);
      expect(await first.evaluate(() => localStorage.getItem('temper.data'))).toBeNull();
      expect(await first.evaluate(() => localStorage.getItem('temper.draft'))).not.toBeNull();
      await first.close();
    }
    // A new page (going to #/ from #/checkin would not load one).
    const page = await ctx.newPage();
    await page.route('**/*.wasm', (r) => r.abort());
    await page.goto('./#/');
    // The static screen is there, since the app can't load, but hidden.
    await expect(page.locator('#prerender')).toHaveCount(1);
    await expect(page.locator('#prerender h1')).toBeHidden();
    if (back !== 'check-ins') {
      await page.unroute('**/*.wasm');
      await page.reload();
      await expect(page.getByRole('link', { name: /^Continue your check-in/ })).toBeVisible();
    }
    await ctx.close();
  }
});

test('an app that cannot start says so in the page\'s language, and what is stored stays as it was', async ({ browser }) => {
  const stored = '{"v":2,"data":{"checkins":[{"id":"c1","at":1760000000000,"m":"pulse","cv":1,"a":{"ex1":3,"cy1":2,"ef1":1,"bo1":2,"di1":3,"uc1":1}}]}}';
  const cases = [
    // A person coming back (the static screen is hidden: without this, a blank page).
    { locale: 'en-US', data: true, fail: 'abort', words: /^Temper could not start in this browser\. Anything you saved here is untouched\./ },
    // The wasm arrives but is not the one the page names (its integrity hash).
    { locale: 'en-US', data: true, fail: 'garbled', words: /^Temper could not start/ },
    { locale: 'es-ES', data: true, fail: 'abort', words: /^Temper no pudo iniciarse en este navegador\./ },
    // A first visit: the static home stays, with the reason its button does nothing.
    { locale: 'en-US', data: false, fail: 'abort', words: /^Temper could not start/ },
  ] as const;
  for (const c of cases) {
    const ctx = await browser.newContext({ locale: c.locale, serviceWorkers: 'block' });
    if (c.data) await ctx.addInitScript((s) => { if (!localStorage.getItem('temper.data')) localStorage.setItem('temper.data', s); }, stored);
    const page = await ctx.newPage();
    await page.route('**/*.wasm', (r) => (c.fail === 'abort' ? r.abort() : r.fulfill({ contentType: 'application/wasm', body: Buffer.from('\0asm not the app') })));
    await page.goto('./');
    const alert = page.getByRole('alert');
    await expect(alert, `${c.locale} ${c.fail}`).toHaveText(c.words);
    await expect(alert).toBeVisible();
    await expect(alert).toHaveCount(1);
    await expect(page.locator('#prerender h1')).toBeVisible({ visible: !c.data && c.locale === 'en-US' });
    expect(await page.evaluate(() => localStorage.getItem('temper.data'))).toBe(c.data ? stored : null);
    // Once it can load, the app starts as usual, with the same data.
    await page.unroute('**/*.wasm');
    await page.reload();
    await expect(page.locator('main h1')).toHaveCount(1);
    await expect(page.locator('#prerender')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('temper.data'))).toBe(c.data ? stored : null);
    await ctx.close();
  }
});
