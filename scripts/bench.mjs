// `cargo xtask bench` runs this against the release build served on
// loopback: node scripts/bench.mjs <base-url> <dist-dir>. It prints a table
// and writes the same figures to target/bench.json.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const [base, dist] = [process.argv[2], process.argv[3] ?? 'dist'];
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const out = { bytes: [], lighthouse: null, timings: {}, storage: {} };
const r = (n) => (typeof n === 'number' ? (Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) < 10 ? 2 : 1)) : String(n));

// 1. First-load bytes: the page and everything it references (the icon
// too), plus sw.js and the default language's texts (loaded at start-up).
const index = readFileSync(join(dist, 'index.html'), 'utf8');
// Links and scripts, and the glue and wasm named in the inline loader.
const referenced = [...index.matchAll(/(?:href=|src=|')(?:\.\/)?([\w-][\w./-]*\.(?:js|wasm|css|png))/g)].map((m) => m[1]);
const files = ['index.html', ...new Set(referenced), 'sw.js'].filter((f) => existsSync(join(dist, f)));
files.push('i18n/en.json');
const sizes = (f) => {
  const buf = readFileSync(join(dist, f));
  return {
    // The same `gzip -9` as the budget test in `cargo xtask test`.
    file: f, raw: buf.length, gzip: execFileSync('gzip', ['-9', '-c', join(dist, f)], { maxBuffer: 64 << 20 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
for (const f of files) out.bytes.push(sizes(f));
const total = (list, k) => list.reduce((s, b) => s + b[k], 0);
const totals = (list) => ({ file: 'total', raw: total(list, 'raw'), gzip: total(list, 'gzip'), brotli: total(list, 'brotli') });
out.bytes.push(totals(out.bytes));
// The split modules (src/lazy.rs), fetched when a screen is first opened:
// not part of the first load; listed so their cost stays visible.
// They are the files in dist/app-<hash>/ the page doesn't name.
const app = readdirSync(dist).filter((f) => /^app-[0-9a-f]+$/.test(f));
if (app.length !== 1) throw new Error(`expected one app-<hash> directory in ${dist}, found ${app}`);
out.lazyBytes = readdirSync(join(dist, app[0])).sort().map((f) => `${app[0]}/${f}`).filter((f) => !files.includes(f)).map(sizes);
out.lazyBytes.push(totals(out.lazyBytes));

// 2. Lighthouse, mobile preset (its default). Single runs vary a lot on a
// shared machine (the same build has measured a TBT from 0 to over 500 ms),
// so it runs LH_RUNS times (default 5): the figures are the medians, with
// each metric's range alongside.
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const runs = [];
  for (let i = 0; i < Number(process.env.LH_RUNS ?? 5); i++) {
    const json = execFileSync('node_modules/.bin/lighthouse', [base, '--quiet', '--output=json',
      '--only-categories=performance,accessibility,best-practices', `--chrome-flags=--headless=new ${args.join(' ')}`],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 << 20 }).toString();
    const lh = JSON.parse(json);
    const a = (id) => lh.audits[id]?.numericValue;
    runs.push({
      performance: lh.categories.performance.score, accessibility: lh.categories.accessibility.score,
      bestPractices: lh.categories['best-practices'].score,
      fcpMs: a('first-contentful-paint'), lcpMs: a('largest-contentful-paint'), tbtMs: a('total-blocking-time'), cls: a('cumulative-layout-shift'),
    });
  }
  out.lighthouse = { runs: runs.length };
  for (const k of Object.keys(runs[0])) {
    const xs = runs.map((r) => r[k]);
    out.lighthouse[k] = median(xs);
    out.lighthouse[`${k}Range`] = `${r(Math.min(...xs))} to ${r(Math.max(...xs))}`;
  }
} catch (e) {
  out.lighthouse = { error: String(e.message ?? e).split('\n')[0] };
}

// 3. Interaction timings, measured inside the page from the click to the
// frame where the new content is in the DOM.
const browser = await chromium.launch({ executablePath: CHROMIUM, args });
for (const rate of [1, 4]) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(base + '#/checkin');
  await page.getByRole('button', { name: /Full check-in/ }).click();
  await page.locator('fieldset').waitFor();
  const steps = [];
  for (let i = 0; i < 15; i++) {
    steps.push(await page.evaluate(() => new Promise((done) => {
      const legend = () => document.querySelector('legend')?.textContent;
      const before = legend();
      const t0 = performance.now();
      // A tap on an answer (a click with a click count) moves on by itself.
      document.querySelectorAll('label.option')[2].dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 }));
      const poll = () => (legend() !== before ? done(performance.now() - t0) : requestAnimationFrame(poll));
      poll();
    })));
  }
  await page.goto(base + '#/checkin');
  await page.getByRole('button', { name: /Discard/ }).click();
  await page.getByRole('button', { name: /Quick pulse/ }).click();
  for (let i = 0; i < 6; i++) {
    const before = await page.locator('.progress-text').textContent();
    await page.getByRole('radio', { name: 'Sometimes' }).click();
    await page.waitForFunction((b) => document.querySelector('.progress-text')?.textContent !== b, before);
  }
  await page.getByRole('radio', { name: 'Sometimes' }).check();
  const results = await page.evaluate(() => new Promise((done) => {
    const t0 = performance.now();
    document.querySelector('form.step button[type=submit]').click();
    const poll = () => (document.querySelector('[role=meter]') ? done(performance.now() - t0) : requestAnimationFrame(poll));
    poll();
  }));
  out.timings[`cpu${rate}x`] = { answerToNextMs: median(steps), lastAnswerToResultsMs: results };
  await page.close();
}

// 4. History with 1,000 stored check-ins, and bytes per full check-in.
{
  const page = await browser.newPage();
  await page.goto(base);
  await page.waitForFunction(() => !document.getElementById('prerender'));
  const full = await page.evaluate(() => {
    const ids = ['ex', 'cy', 'ef', 'bo', 'di', 'uc'].flatMap((p) => [1, 2, 3, 4].map((n) => p + n))
      .concat(['sg1', 'sg2', 'sg3', 'sg4', 'dr1', 'dr2', 'dr3', 'dr4', 'dr5', 'dr6', 'dr7', 'dr8', 'rs1', 'rs2', 'rs3', 'rs4', 'rs5', 'rs6', 'rs7']);
    const checkins = [];
    for (let i = 0; i < 1000; i++) {
      const a = {};
      ids.forEach((id, k) => { a[id] = (i + k) % 5; });
      checkins.push({ id: `b${i.toString(36)}-${(i * 7919).toString(36)}`, at: 1.6e12 + i * 6.048e8, m: 'full', cv: 1, a, r: 'other' });
    }
    const text = JSON.stringify({ v: 1, data: { checkins } });
    localStorage.setItem('temper.data', text);
    return { total: text.length, perCheckin: Math.round(text.length / 1000), one: JSON.stringify(checkins[0]).length };
  });
  out.storage = { bytesPerFullCheckin: full.one, thousandCheckinsBytes: full.total };
  for (const rate of [1, 4]) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    // The median of 3 loads of the screen: chart, path, since last time and
    // the newest 100 rows. Each starts once the app has replaced the static
    // home screen, so it includes fetching the screen's code and the rest
    // of the texts (src/lazy.rs); then the same again in that session, with
    // the code already there.
    const loads = [];
    const again = [];
    const all = [];
    const atOnce = [];
    // The rows shown: the rest of the list is built ahead, hidden.
    const open = () => page.evaluate(() => new Promise((done) => {
      const t0 = performance.now();
      location.hash = '#/history';
      const poll = () => (document.querySelectorAll('table.history tbody:not([hidden]) tr').length === 100 ? done(performance.now() - t0) : requestAnimationFrame(poll));
      poll();
    }));
    const home = async () => {
      await page.evaluate(() => { location.hash = '#/'; });
      await page.waitForFunction(() => !document.querySelector('table.history'));
    };
    // Then every row, after "Show all 1000 check-ins".
    const showAll = () => page.evaluate(() => new Promise((done) => {
      const t0 = performance.now();
      document.getElementById('history-showall').click();
      const poll = () => (document.querySelectorAll('table.history tbody:not([hidden]) tr').length === 1000 ? done(performance.now() - t0) : requestAnimationFrame(poll));
      poll();
    }));
    for (let i = 0; i < 3; i++) {
      await page.goto(base + '#/');
      await page.reload();
      await page.waitForFunction(() => !document.getElementById('prerender') && document.querySelector('main h1'));
      loads.push(await open());
      await home();
      again.push(await open());
      // Clicked as soon as the first 100 rows show (no person is that
      // quick: the button is below them), whether or not the rest has
      // been built ahead by then (it varies from run to run).
      atOnce.push(await showAll());
      // As a person meets it: the rest built ahead while the screen was
      // idle (src/pages/history.rs), then clicked.
      await home();
      await open();
      await page.waitForFunction(() => document.querySelectorAll('table.history tbody[hidden] tr').length === 900, null, { timeout: 20000 });
      await page.waitForTimeout(200);
      all.push(await showAll());
    }
    out.timings[`cpu${rate}x`].history1000Ms = median(loads);
    out.timings[`cpu${rate}x`].history1000AgainMs = median(again);
    out.timings[`cpu${rate}x`].history1000AllRowsAtOnceMs = median(atOnce);
    out.timings[`cpu${rate}x`].history1000AllRowsMs = median(all);
  }
  await page.close();
}

// 5. A 5 MB import of the worst shapes known: keys in descending order in
// an ignored member, and 5 MB of minimal check-ins. Timed from choosing the
// file to the preview (or the refusal) on screen, at 1x CPU.
{
  const page = await browser.newPage();
  await page.goto(base + '#/history');
  await page.waitForSelector('#import-file');
  const limit = 5 * 1024 * 1024;
  let keys = '{"v":2,"data":{"checkins":[],"x":{';
  for (let n = 9000000; keys.length < limit - 32; n--) keys += `"k${n}":0,`;
  keys += '"z":0}}}';
  const a = '{"ex1":1}';
  const parts = [];
  let size = 40;
  for (let i = 0; size < limit - 200; i++) {
    const c = `{"id":"c${i}","at":${1.7e12 + i},"m":"pulse","cv":1,"a":${a}}`;
    parts.push(c);
    size += c.length + 1;
  }
  const many = `{"v":2,"data":{"checkins":[${parts.join(',')}]}}`;
  out.timings.import5MB = {};
  for (const [name, text] of [['descendingKeysMs', keys], ['minimalCheckinsMs', many]]) {
    const ms = await page.evaluate(async (text) => {
      const input = document.getElementById('import-file');
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'big.json', { type: 'application/json' }));
      input.files = dt.files;
      const t0 = performance.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return await new Promise((done) => {
        const poll = () => (document.getElementById('import-merge') || document.querySelector('main [role=alert]')
          ? done(performance.now() - t0) : requestAnimationFrame(poll));
        poll();
      });
    }, text);
    out.timings.import5MB[name] = ms;
    await page.reload();
    await page.waitForSelector('#import-file');
  }
  await page.close();
}
// 6. Storage work with 10,000 check-ins (pulses, so they fit the browser's
// storage), at 1x CPU: start-up to the home screen (reading and checking
// all of them), saving a note (which reads the stored copy, merges and
// writes), and taking in another tab's save (read, merge, show; the
// browser's own delivery of the storage event is timed apart).
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForFunction(() => !document.getElementById('prerender'));
  const startup = async () => {
    const ms = [];
    await page.goto(base + '#/');
    for (let i = 0; i < 3; i++) {
      await page.reload();
      // From the start of the navigation.
      ms.push(await page.evaluate(() => new Promise((done) => {
        const poll = () => (document.querySelector('main h1') && !document.getElementById('prerender')
          ? done(performance.now()) : requestAnimationFrame(poll));
        poll();
      })));
    }
    return median(ms);
  };
  const empty = await startup();
  await page.evaluate(() => {
    const a = { ex1: 2, cy1: 1, ef1: 3, bo1: 2, di1: 1, uc1: 2, sg4: 1 };
    const checkins = [];
    const now = Date.now();
    for (let i = 0; i < 10000; i++) checkins.push({ id: `p${i.toString(36)}`, at: now - (10000 - i) * 3.6e6, m: 'pulse', cv: 1, a });
    localStorage.setItem('temper.data', JSON.stringify({ v: 2, data: { checkins } }));
  });
  const full = await startup();
  const t = (out.timings.storage10k = { startupExtraMs: full - empty });
  // Save a note on the newest check-in.
  await page.goto(base + '#/results');
  await page.locator('.note textarea').fill('a note');
  t.saveNoteMs = await page.evaluate(() => new Promise((done) => {
    const t0 = performance.now();
    [...document.querySelectorAll('.note button')].pop().click();
    const poll = () => (document.querySelector('.note [role=status]')?.textContent ? done(performance.now() - t0) : requestAnimationFrame(poll));
    poll();
  }));
  // Another tab adds a check-in; this one takes it in and shows it.
  await page.goto(base + '#/');
  await page.waitForSelector('main a[href^="#/results/"]');
  const other = await context.newPage();
  await other.goto(base + '#/privacy');
  await page.bringToFront();
  const text = await other.evaluate(() => {
    const d = JSON.parse(localStorage.getItem('temper.data'));
    d.data.checkins.push({ ...d.data.checkins[0], id: 'from-the-other-tab', at: Date.now() - 1000 });
    return JSON.stringify(d);
  });
  // A bare page of this origin (no app) times the browser's own delivery
  // of the storage event, which for 1.3 MB is most of the wait.
  const bare = await context.newPage();
  await bare.goto(base + 'manifest.webmanifest');
  await bare.evaluate(() => addEventListener('storage', () => { window.__heard = Date.now(); }, { once: true }));
  await page.bringToFront();
  const shown = page.evaluate(() => new Promise((done) => {
    const poll = () => (document.querySelector('main a[href="#/results/from-the-other-tab"]') ? done(Date.now()) : requestAnimationFrame(poll));
    poll();
  }));
  const written = await other.evaluate((text) => { const t0 = Date.now(); localStorage.setItem('temper.data', text); return t0; }, text);
  t.otherTabSaveMs = (await shown) - written;
  t.storageEventMs = (await bare.evaluate(() => window.__heard)) - written;
  t.otherTabSaveAppMs = t.otherTabSaveMs - t.storageEventMs;
  await context.close();
}
await browser.close();

// Report.
console.log('\nFirst-load bytes            raw      gzip -9   brotli -11');
for (const b of out.bytes) console.log(`  ${b.file.padEnd(36)} ${r(b.raw).padStart(8)} ${r(b.gzip).padStart(10)} ${r(b.brotli).padStart(10)}`);
console.log(`\nLoaded when a screen is first opened (${out.lazyBytes.length - 1} files in ${app[0]}/)`);
for (const b of out.lazyBytes) console.log(`  ${b.file.padEnd(36)} ${r(b.raw).padStart(8)} ${r(b.gzip).padStart(10)} ${r(b.brotli).padStart(10)}`);
console.log(`\nLighthouse (mobile; median of ${out.lighthouse.runs ?? 0} runs, range in brackets)`);
for (const [k, v] of Object.entries(out.lighthouse)) if (!k.endsWith('Range')) console.log(`  ${k.padEnd(16)} ${r(v).padStart(7)}${out.lighthouse[`${k}Range`] ? `   (${out.lighthouse[`${k}Range`]})` : ''}`);
console.log('\nInteraction timings (answer: median of 15 steps; history: median of 3 loads; single runs otherwise)');
for (const [k, v] of Object.entries(out.timings)) for (const [m, x] of Object.entries(v)) console.log(`  ${k} ${m.padEnd(24)} ${r(x)} ms`);
console.log('\nStorage');
for (const [k, v] of Object.entries(out.storage)) console.log(`  ${k.padEnd(24)} ${r(v)} B`);
// The issue's targets, met or not (reported, not failed on).
const L = out.lighthouse, T = out.timings;
const sum = out.bytes.find((b) => b.file === 'total');
out.targets = [
  ['first load gzip <= 116,000 B (budget 150,000)', sum.gzip, sum.gzip <= 116000],
  ['Lighthouse performance = 1.00 (issue 16)', L.performance, L.performance >= 1],
  ['Lighthouse accessibility = 1.00', L.accessibility, L.accessibility === 1],
  ['Lighthouse best practices = 1.00', L.bestPractices, L.bestPractices === 1],
  ['LCP <= 1000 ms', L.lcpMs, L.lcpMs <= 1000],
  ['TBT <= 50 ms', L.tbtMs, L.tbtMs <= 50],
  ['answer -> next <= 16 ms (1x)', T.cpu1x.answerToNextMs, T.cpu1x.answerToNextMs <= 16],
  ['answer -> next <= 50 ms (4x)', T.cpu4x.answerToNextMs, T.cpu4x.answerToNextMs <= 50],
  ['history, 1,000 check-ins <= 100 ms (1x)', T.cpu1x.history1000Ms, T.cpu1x.history1000Ms <= 100],
  ['history "Show all" 1,000 rows <= 250 ms (1x)', T.cpu1x.history1000AllRowsMs, T.cpu1x.history1000AllRowsMs <= 250],
  ['  the same, clicked as the rows show <= 250 ms', T.cpu1x.history1000AllRowsAtOnceMs, T.cpu1x.history1000AllRowsAtOnceMs <= 250],
  ['5 MB import, descending keys <= 1000 ms (1x)', T.import5MB.descendingKeysMs, T.import5MB.descendingKeysMs <= 1000],
  ['5 MB import, minimal check-ins <= 1000 ms (1x)', T.import5MB.minimalCheckinsMs, T.import5MB.minimalCheckinsMs <= 1000],
  ['10,000 check-ins: start-up, extra <= 100 ms (1x)', T.storage10k.startupExtraMs, T.storage10k.startupExtraMs <= 100],
  ['10,000 check-ins: save a note <= 100 ms (1x)', T.storage10k.saveNoteMs, T.storage10k.saveNoteMs <= 100],
  ['10,000 check-ins: another tab\'s save, app\'s part <= 100 ms (1x)', T.storage10k.otherTabSaveAppMs, T.storage10k.otherTabSaveAppMs <= 100],
].map(([target, value, met]) => ({ target, value, met }));
console.log('\nTargets (Lighthouse figures are medians)');
for (const t of out.targets) console.log(`  ${t.met ? 'met    ' : 'NOT met'}  ${t.target.padEnd(44)} ${r(t.value)}`);
mkdirSync('target', { recursive: true });
writeFileSync('target/bench.json', JSON.stringify(out, null, 2));
console.log('\nwritten: target/bench.json');
