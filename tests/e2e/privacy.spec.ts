import { test, expect, Page } from '@playwright/test';
import { choose } from './pulse';

// A split module (src/lazy.rs), in the build's dist/app-<hash>/.
const lazyModule = /\/app-[0-9a-f]{16}\/(?:split|chunk)_[a-z_0-9]+\.wasm$/;

// Record every request (its address, and how it was sent) and every CSP
// violation from the first byte on.
async function watch(page: Page) {
  const requests: string[] = [];
  const sent: { method: string; body: string | null }[] = [];
  page.on('request', (r) => {
    requests.push(r.url());
    sent.push({ method: r.method(), body: r.postData() });
  });
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { requests, sent };
}

test('a whole session stays on this origin, sends nothing, after load fetches only its own files for the other screens, once, and breaks no CSP rule', async ({ page, baseURL }) => {
  const { requests, sent } = await watch(page);
  await page.goto('./');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const origin = new URL(baseURL!).origin;
  expect(requests.length).toBeGreaterThan(0);
  for (const url of requests) expect(new URL(url).origin).toBe(origin);
  const atLoad = requests.length;

  // Check-in, results, history, plan, privacy, export.
  await page.getByRole('link', { name: 'Start check-in' }).click();
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let n = 1; n <= 7; n++) {
    await choose(page, 'Often');
  }
  await expect(page.getByRole('meter', { name: 'Burnout', exact: true })).toBeVisible();
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: 'History' }).click();
  await expect(page.locator('table.history tbody tr')).toHaveCount(1);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup (JSON)' }).click()]);
  expect(dl.suggestedFilename()).toBe('temper-backup.json');
  await nav.getByRole('link', { name: 'Plan' }).click();
  await nav.getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByRole('heading', { name: 'What is stored, and where' })).toBeVisible();

  // After load, the only requests are for Temper's own files for the other
  // screens (src/lazy.rs: fetched once the browser is idle, or when a
  // screen is opened first): their code, and the rest of the texts, each
  // once. Plain GETs of files the service worker precaches, from this
  // origin, carrying nothing. The page's icon may come among them too: the
  // browser fetches it when it likes, sometimes after the page is idle.
  const sw = await (await page.request.get('./sw.js')).text();
  const after = requests.slice(atLoad).filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(requests.filter((u) => u.endsWith('/i18n/en.more.json'))).toHaveLength(1);
  const lazy = requests.filter((u) => lazyModule.test(u));
  expect(lazy.length).toBeGreaterThan(0);
  expect(new Set(lazy).size).toBe(lazy.length);
  for (const url of after) {
    const u = new URL(url);
    expect(u.origin).toBe(origin);
    expect(u.search).toBe('');
    const file = u.pathname.match(/\/(app-[0-9a-f]{16}\/(?:split|chunk)_[a-z_0-9]+\.wasm|i18n\/en\.more\.json|icons\/icon-32\.png)$/);
    expect(file, url).not.toBeNull();
    expect(sw).toContain(`"./${file![1]}"`);
  }
  expect(sent.filter((r) => r.method !== 'GET' || r.body !== null)).toEqual([]);
  expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
});

test('the page carries a strict Content-Security-Policy and no referrer', async ({ page }) => {
  await page.goto('./');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const part of [
    "default-src 'none'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-", "connect-src 'self'",
    "style-src 'self'", "manifest-src 'self'", "worker-src 'self'",
    "base-uri 'none'", "form-action 'none'",
  ]) expect(csp).toContain(part);
  // Images from this origin only: the page's icon is a file, not a data: address.
  expect(csp!.split('; ')).toContain("img-src 'self'");
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
  // The policy is enforced: an inline script that isn't the hashed loader is refused.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    return (window as any).__injected === true;
  });
  expect(ran).toBe(false);
});
