import { test, expect } from '@playwright/test';
import { pulse, choose } from './pulse';

// How the page comes up (issue 7): the static home screen first, then the
// app, with nothing competing with the first paint and nothing moving.

test('the texts, glue and wasm are requested only after the first paint, and the app replaces the static screen without a layout shift', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__shift = 0;
    (window as any).__moved = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) {
        if (e.hadRecentInput) continue;
        (window as any).__shift += e.value;
        // What moved, where from and to: said if the test fails.
        for (const s of e.sources) {
          const n = s.node;
          (window as any).__moved.push(`${Math.round(e.startTime)} ms: ${n?.nodeName}${n?.id ? '#' + n.id : ''} in ${n?.parentElement?.nodeName}.${n?.parentElement?.className} ` +
            `"${(n?.textContent ?? '').slice(0, 40)}" ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('./');
  await page.waitForFunction(() => !document.getElementById('prerender'));
  await expect(page.getByRole('heading', { level: 1, name: 'How are you really doing at work?' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  const t = await page.evaluate(() => {
    const paint = performance.getEntriesByType('paint').map((e) => e.startTime);
    const start = (suffix: string) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(suffix))?.startTime ?? -1;
    return { paint: Math.min(...paint), texts: start('i18n/en.json'), glue: start('.js'), wasm: start('.wasm'), shift: (window as any).__shift, moved: (window as any).__moved };
  });
  expect(t.paint).toBeGreaterThan(0);
  for (const k of ['texts', 'glue', 'wasm'] as const) expect(t[k], k).toBeGreaterThanOrEqual(t.paint);
  expect(t.shift, t.moved.join('\n')).toBe(0);
  // One app, one main landmark, one navigation.
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
});

// The browser may paint the static header before the parser has reached
// all of its links (seen with a slow CPU: a 3 px shift of the name, one run
// in about ten). So the name's place must not depend on the links.
test("the header's name stays put while its navigation is still arriving", async ({ page }) => {
  await page.goto('./');
  await page.waitForFunction(() => !document.getElementById('prerender'));
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    const ys = await page.evaluate(() => {
      const y = () => document.querySelector('header .brand')!.getBoundingClientRect().y;
      const nav = document.querySelector('header nav')!;
      const ul = nav.querySelector('ul')!;
      const full = y();
      // Parsed up to an empty first link, then up to the bare list, then
      // before the navigation itself.
      const first = ul.querySelector('li')!.cloneNode(true) as HTMLElement;
      first.querySelector('a')!.textContent = '';
      const kept = [...ul.children];
      ul.replaceChildren(first);
      const emptyLink = y();
      ul.replaceChildren();
      const bare = y();
      nav.remove();
      const none = y();
      return { full, emptyLink, bare, none, kept: kept.length };
    });
    expect(ys.kept, `${width}`).toBeGreaterThan(3);
    for (const k of ['emptyLink', 'bare', 'none'] as const) expect(ys[k], `${width} px, ${k}`).toBe(ys.full);
    await page.reload();
    await page.waitForFunction(() => !document.getElementById('prerender'));
  }
});

test.describe(() => {
  // The service worker's precache fetches the wasm where page.route can't
  // hold it, and once it takes control it serves the page from that cache: on
  // a busy machine that can happen before the page asks for the wasm.
  test.use({ serviceWorkers: 'block' });

  test('a tap on the static screen\'s "Start check-in" before the app has loaded still leads to the check-in', async ({ page }) => {
    // Hold the wasm back until the tap has happened.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('./');
    await page.getByRole('link', { name: 'Start check-in' }).click();
    await expect(page).toHaveURL(/#\/checkin$/);
    expect(await page.evaluate(() => !!document.getElementById('prerender'))).toBe(true);
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Check-in' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Quick pulse/ })).toBeVisible();
  });

  test('home and the quick pulse need only the start-up texts: with the rest held back, no key shows in place of a text', async ({ page }) => {
    // Every dotted key there is ("home.title"; "no" is also a word); none
    // may appear as such on screen.
    const keys = [
      ...Object.keys(await (await page.request.get('./i18n/en.json')).json()),
      ...Object.keys(await (await page.request.get('./i18n/en.more.json')).json()),
    ].filter((k) => k.includes('.'));
    expect(keys.length).toBeGreaterThan(400);
    const shown = async () => {
      const text = await page.locator('body').innerText();
      return keys.filter((k) => text.includes(k));
    };
    await page.route('**/i18n/*.more.json', (route) => route.abort('internetdisconnected'));
    await page.goto('./#/nowhere');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(await shown()).toEqual([]);
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('link', { name: 'Start check-in' })).toBeVisible();
    expect(await shown()).toEqual([]);
    await page.getByRole('link', { name: 'Start check-in' }).click();
    await expect(page.getByRole('button', { name: /Quick pulse/ })).toBeVisible();
    expect(await shown()).toEqual([]);
    await page.getByRole('button', { name: /Quick pulse/ }).click();
    for (let n = 1; n <= 7; n++) {
      await expect(page.getByText(`Question ${n} of 7`)).toBeVisible();
      expect(await shown()).toEqual([]);
      await choose(page, 'Sometimes');
    }
    // The results need the rest: held back, that is said plainly.
    await expect(page.getByRole('alert')).toContainText('This screen could not be loaded');
    expect(await shown()).toEqual([]);
    // The full check-in's first question is a pulse one; the next ones come
    // with the rest of the texts: held back, that is said, never a key.
    await page.goto('./#/checkin');
    await page.getByRole('button', { name: /Full check-in/ }).click();
    await expect(page.getByText('Question 1 of 47')).toBeVisible();
    await choose(page, 'Sometimes');
    await expect(page.getByRole('alert')).toContainText('could not be loaded');
    expect(await shown()).toEqual([]);
    // Once they can arrive, "Try again" brings the question.
    await page.unroute('**/i18n/*.more.json');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('Question 2 of 47')).toBeVisible();
    expect(await shown()).toEqual([]);
  });

  test('a screen whose code is slow to arrive holds up no other screen', async ({ page }) => {
    // The history screen's own module never arrives.
    await page.route(/\/app-[0-9a-f]+\/split_history\.wasm$/, () => {});
    await page.goto('./#/history');
    await expect(page.locator('main .loading')).toHaveText('Loading…');
    await page.getByRole('navigation').getByRole('link', { name: 'Plan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your plan' })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await expect(page.locator('main .loading')).toHaveText('Loading…');
    await page.getByRole('navigation').getByRole('link', { name: 'Privacy' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
  });

  test('a screen whose code fails to arrive says so, keeps the data, and loads on "Try again"', async ({ page, context }) => {
    await pulse(page, 'Often');
    const stored = await page.evaluate(() => localStorage.getItem('temper.data'));
    // A fresh page whose other screens' code can't be fetched (offline on a
    // first visit, say): the prefetch after start-up fails too.
    const fresh = await context.newPage();
    let failing = true;
    await fresh.route(/\/app-[0-9a-f]+\/(split|chunk)_\w+\.wasm$/, (route) => (failing ? route.abort('internetdisconnected') : route.continue()));
    await fresh.goto('./#/history');
    // Two messages: the screen, and the stored data, whose reader is split
    // off too (src/lazy.rs `Codec`) and left unread, untouched.
    const alert = fresh.getByRole('alert').filter({ hasText: 'This screen could not be loaded' });
    await expect(alert).toBeVisible();
    await expect(fresh.getByRole('alert').filter({ hasText: 'the part of Temper that reads it could not be loaded' })).toBeVisible();
    // Asking again while still offline: the same message, nothing else changes.
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(alert).toBeVisible();
    failing = false;
    // Once the code arrives, the stored data is read: no reload needed.
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(fresh.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
    await expect(fresh.locator('table.history tbody tr')).toHaveCount(1);
    await expect(fresh.getByRole('alert')).toHaveCount(0);
    expect(await fresh.evaluate(() => localStorage.getItem('temper.data'))).toBe(stored);
  });
});

// Without JavaScript the app can't run: the page says so above the static
// home screen, rather than offering a button that leads nowhere with the
// reason hidden. With it, the words stay out of sight, and the app's frame
// is hidden behind the static screen until it replaces it.
test('with JavaScript off the page says it needs it; with it on, one frame at a time', async ({ browser, page }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const off = await ctx.newPage();
  await off.goto('./');
  // (Playwright's text search skips <noscript>, so it is named here.)
  const words = off.locator('noscript p');
  await expect(words).toBeVisible();
  await expect(words).toContainText('Temper needs JavaScript and WebAssembly to run.');
  const [said, heading] = await Promise.all([words.boundingBox(), off.locator('#prerender h1').boundingBox()]);
  expect(said!.y).toBeLessThan(heading!.y);
  await ctx.close();

  await page.goto('./');
  await page.waitForFunction(() => !document.getElementById('prerender'));
  await expect(page.locator('noscript p')).toBeHidden();
  await expect(page.locator('html')).not.toHaveAttribute('data-starting');
  await expect(page.locator('main')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
});

test('while the app is starting only the app is hidden: a failed start and an update on offer stay in view', async ({ page }) => {
  await page.goto('./');
  await page.waitForFunction(() => !document.getElementById('prerender'));
  // What a start that never finished leaves: the start-up attribute still
  // set, prefs.js's failure message, and (after 10 s) register-sw.js's
  // offer of a waiting version, both put before everything else in <body>.
  await page.evaluate(() => {
    document.documentElement.setAttribute('data-starting', '');
    (window as unknown as { temperFailed: (e: Error) => void }).temperFailed(new Error('test'));
    const bar = document.createElement('p');
    bar.id = 'update';
    bar.className = 'banner';
    bar.textContent = 'Update available.';
    document.body.prepend(bar);
  });
  await expect(page.getByRole('alert').filter({ hasText: 'could not start' })).toBeVisible();
  await expect(page.locator('#update')).toBeVisible();
  await expect(page.locator('main')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
});
