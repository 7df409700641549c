import { test, expect } from '@playwright/test';

// How the page comes up (issue 7): the static home screen first, then the
// app, with nothing competing with the first paint and nothing moving.

test('the texts, glue and wasm are requested only after the first paint, and the app replaces the static screen without a layout shift', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('./');
  await page.waitForFunction(() => !document.getElementById('prerender'));
  await expect(page.getByRole('heading', { level: 1, name: 'How are you really doing at work?' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  const t = await page.evaluate(() => {
    const paint = performance.getEntriesByType('paint').map((e) => e.startTime);
    const start = (suffix: string) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(suffix))?.startTime ?? -1;
    return { paint: Math.min(...paint), texts: start('i18n/en.json'), glue: start('.js'), wasm: start('.wasm'), shift: (window as any).__shift };
  });
  expect(t.paint).toBeGreaterThan(0);
  for (const k of ['texts', 'glue', 'wasm'] as const) expect(t[k], k).toBeGreaterThanOrEqual(t.paint);
  expect(t.shift).toBe(0);
  // One app, one main landmark, one navigation.
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
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
});
