// Post-build step for dist/ (run by `cargo xtask dist|test|serve` after
// `trunk build`):
// 1. split the wasm (src/lazy.rs): `wasm-split-cli` cuts Cargo's wasm
//    (built with the `split` feature and `--emit-relocs`) into the main
//    module and one module per lazily loaded screen, plus modules of code
//    those share; wasm-bindgen then makes the glue for the main module,
//    which replaces Trunk's (Trunk's glue and wasm are deleted). All of it
//    goes into dist/app-<hash>/ under the names the tools gave it: every
//    wasm through wasm-opt, both JS files through terser (Trunk's own
//    minifier can't parse the glue), and nothing rewritten;
// 2. put the prerendered home screen into index.html: the markup the
//    app's own components render in English (src/bin/prerender.rs, run by
//    xtask before this script; its file is the second argument). It is what
//    a first visit paints before the wasm has loaded (the app removes it
//    when it mounts; assets/prefs.js hides it for other screens and
//    languages). And list the languages (one per i18n/<code>.json) on
//    <html data-langs> for assets/prefs.js, with each one's words for an
//    app that could not start (<html data-failed-<code>>);
// 3. start loading the app right after the first paint rather than during
//    parsing: Trunk's preload links and loader become one small loader that
//    waits for a frame, then preloads the glue and the split modules'
//    loader and fetches the wasm, each with its integrity hash;
// 4. add the Content-Security-Policy meta tag, with the sha256 of each
//    inline script, computed from the final file;
// 5. write sw.js from assets/sw.js with the list of every file in the build
//    and a version derived from their contents, so each build gets a new
//    cache and hashed file names are always precached.
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { minify } from 'terser';

const dist = process.argv[2] ?? 'dist';
const prerendered = process.argv[3];
if (!prerendered) throw new Error('usage: post-build.mjs <dist> <prerendered home.html>');
const sri = (buf) => 'sha384-' + createHash('sha384').update(buf).digest('base64');
// Trunk's glue and wasm: replaced by the split build's (see 1), so they go.
const trunk = readdirSync(dist).filter((f) => /^temper-[0-9a-f]+(\.js|_bg\.wasm)$/.test(f));
if (trunk.length !== 2) throw new Error(`expected Trunk's glue and wasm in ${dist}, found ${trunk}`);
// The wasm-opt settings (from the source index.html).
const params = readFileSync('index.html', 'utf8').match(/data-wasm-opt-params="([^"]*)"/);
if (!params) throw new Error('no data-wasm-opt-params in index.html');
// (Its output is kept quiet: the split modules' name sections carry a subsection it
// doesn't know, and it warns about each; an error still stops the build.)
const wasmOpt = (from, to) => execFileSync('node_modules/.bin/wasm-opt', ['-Oz', ...params[1].split(/\s+/), from, '-o', to], { stdio: 'pipe' });
const app = await buildApp();
for (const f of trunk) rmSync(join(dist, f));
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');

html = prerender(html, readFileSync(prerendered, 'utf8'));
// (Each language is <code>.json, the start-up texts, and <code>.more.json.)
html = listLanguages(html, readdirSync(join(dist, 'i18n')).filter((f) => f.endsWith('.json') && !f.endsWith('.more.json')).map((f) => f.slice(0, -5)).sort());
html = paintFirst(html, app);
for (const f of trunk) if (html.includes(f)) throw new Error(`index.html still names ${f}`);

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) throw new Error('no inline loader script found in index.html');
const hashes = inline.map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
const csp = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
if (html.includes('Content-Security-Policy')) throw new Error('index.html already has a CSP');
const charset = html.match(/<meta charset=[^>]*>/i);
if (!charset) throw new Error('no <meta charset> in index.html');
// Right after the charset, before anything the policy must govern.
html = html.replace(charset[0], `${charset[0]}<meta http-equiv=Content-Security-Policy content="${csp}">`);
writeFileSync(indexPath, html);
console.log(`post-build: CSP with ${hashes.length} inline hash(es)`);

// 5. The service worker, written last so the list covers the final files.
const files = [];
const walk = (dir, prefix) => {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
    else if (!(prefix === '' && name === 'sw.js')) files.push(`${prefix}${name}`);
  }
};
walk(dist, '');
const version = createHash('sha256');
for (const f of files) version.update(f).update(readFileSync(join(dist, f)));
const template = readFileSync('assets/sw.js', 'utf8');
const precache = ['./', ...files.map((f) => `./${f}`)];
const sw = template
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__FILES__', JSON.stringify(precache));
writeFileSync(join(dist, 'sw.js'), (await minify(sw, { compress: true, mangle: true })).code);
console.log(`post-build: sw.js precaches ${precache.length} entries`);

// 1. Split Cargo's wasm (see the top of this file) into dist/app-<hash>/:
// the main module (`main_bg.wasm`), its glue (`main.js`), the loader of the
// split modules (`__wasm_split.js`) and those modules, under the names the
// tools give them, which are the names they import and fetch each other by
// (relative to their own address): nothing in them is rewritten. The
// directory's name is a hash of all of it, so a new build is a new address.
async function buildApp() {
  const cargoWasm = join(process.env.CARGO_TARGET_DIR ?? 'target', 'wasm32-unknown-unknown', 'release', 'temper.wasm');
  const input = readFileSync(cargoWasm);
  if (!input.includes(Buffer.from('__wasm_split_unstable')) || !input.includes(Buffer.from('reloc.CODE'))) {
    throw new Error(`${cargoWasm} has no split points or no relocations: build with the split feature and --emit-relocs`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'temper-split-'));
  try {
    execFileSync('wasm-split-cli', [cargoWasm, tmp]);
    execFileSync('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript',
      '--out-dir', join(tmp, 'bg'), '--out-name', 'main', join(tmp, 'main.wasm')]);
    const glue = readFileSync(join(tmp, 'bg', 'main.js'), 'utf8');
    const loader = readFileSync(join(tmp, '__wasm_split.js'), 'utf8');
    // What the two import from each other (checked, not changed).
    if (!glue.includes('from "./__wasm_split.js"')) throw new Error('split: the glue does not import ./__wasm_split.js');
    if (!loader.includes('from "./main.js"')) throw new Error('split: the loader does not import ./main.js');
    const js = async (code) => Buffer.from((await minify(code, { module: true, compress: true, mangle: true })).code);
    const opt = (from) => {
      const to = join(tmp, `opt-${from.replace(/\W/g, '_')}`);
      wasmOpt(from, to);
      return readFileSync(to);
    };
    const files = new Map([['main.js', await js(glue)], ['__wasm_split.js', await js(loader)], ['main_bg.wasm', opt(join(tmp, 'bg', 'main_bg.wasm'))]]);
    const modules = readdirSync(tmp).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm').sort();
    if (modules.length === 0) throw new Error('split: no lazily loaded modules');
    for (const f of modules) {
      if (!loader.includes(`"./${f}"`)) throw new Error(`split: the loader does not fetch ${f}`);
      files.set(f, opt(join(tmp, f)));
    }
    const hash = createHash('sha256');
    for (const [name, bytes] of files) hash.update(name).update(bytes);
    const dir = `app-${hash.digest('hex').slice(0, 16)}`;
    for (const f of readdirSync(dist).filter((f) => /^app-[0-9a-f]+$/.test(f))) rmSync(join(dist, f), { recursive: true });
    mkdirSync(join(dist, dir));
    for (const [name, bytes] of files) writeFileSync(join(dist, dir, name), bytes);
    console.log(`post-build: ${dist}/${dir}: main wasm ${files.get('main_bg.wasm').length} bytes after wasm-opt, glue ${files.get('main.js').length}, and ${modules.length} lazily loaded modules`);
    const at = (name) => ({ href: `./${dir}/${name}`, integrity: sri(files.get(name)) });
    return { glue: at('main.js'), loader: at('__wasm_split.js'), wasm: at('main_bg.wasm') };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Tell assets/prefs.js which languages exist (one per i18n/<code>.json),
// so that adding a language needs no code: <html data-langs="en es">. And
// give it each language's words for an app that could not start
// (`start.failed`, shown by `temperFailed` when the wasm never runs): the
// language files can't be read by an app that isn't there.
function listLanguages(page, codes) {
  if (!codes.includes('en') || !codes.every((c) => /^[a-z]{2,3}$/.test(c))) throw new Error(`bad i18n files: ${codes}`);
  const tag = page.match(/<html[^>]*>/);
  if (!tag) throw new Error('no <html> tag in index.html');
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const failed = codes.map((code) => {
    const text = JSON.parse(readFileSync(join('i18n', `${code}.json`), 'utf8'))['start.failed'];
    if (typeof text !== 'string' || !text) throw new Error(`i18n/${code}.json has no start.failed`);
    return ` data-failed-${code}="${escape(text)}"`;
  });
  return page.replace(tag[0], `${tag[0].slice(0, -1)} data-langs="${codes.join(' ')}"${failed.join('')}>`);
}

// The home screen as the app renders it with nothing saved yet (see 2),
// first in <body>, after the <noscript> words (shown above it when
// JavaScript is off).
function prerender(page, markup) {
  if (!markup.startsWith('<div id="prerender">')) throw new Error('prerender: the markup is not the #prerender screen');
  const start = page.match(/<body>\s*(<noscript>[\s\S]*?<\/noscript>)?/);
  if (!start) throw new Error('prerender: no <body> in index.html');
  return page.replace(start[0], `${start[0]}${markup}`);
}

// Replace Trunk's two preload links and module loader with a loader that
// runs after the first paint (`temperPainted`, from assets/prefs.js), for
// the files of `buildApp`, each with its integrity hash: the glue and the
// split modules' loader through modulepreload links with `integrity`, the
// wasm through fetch's `integrity`.
function paintFirst(page, app) {
  const links = [...page.matchAll(/<link[^>]*rel=(?:modulepreload|preload)[^>]*>/g)].map((m) => m[0]);
  const loader = page.match(/<script type=module>import init, \* as bindings from '\.\/[^']+';[\s\S]*?<\/script>/);
  if (links.length < 2 || !loader) throw new Error("paintFirst: Trunk's loader has changed shape");
  for (const l of new Set(links)) page = page.split(l).join('');
  const code = `(window.temperPainted || Promise.resolve()).then(async () => {` +
    `for (const [href, integrity] of [['${app.glue.href}', '${app.glue.integrity}'], ['${app.loader.href}', '${app.loader.integrity}']]) {` +
    `const l = document.createElement('link'); l.rel = 'modulepreload'; l.href = href; l.integrity = integrity; document.head.append(l); }` +
    `const get = () => fetch('${app.wasm.href}', { integrity: '${app.wasm.integrity}' });` +
    // Compile (streaming, or from bytes where the server's MIME type rules
    // that out), then instantiate and start in a later task: two shorter
    // tasks instead of one long one.
    `const [bindings, module] = await Promise.all([import('${app.glue.href}'),` +
    ` WebAssembly.compileStreaming(get()).catch(async () => WebAssembly.compile(await (await get()).arrayBuffer()))]);` +
    `await new Promise((go) => setTimeout(go));` +
    `const wasm = await bindings.default({ module_or_path: module });` +
    `window.wasmBindings = bindings;` +
    `dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));` +
    // Whatever stopped it (the glue or wasm didn't arrive or didn't match
    // its hash, the browser can't compile it, the app failed as it
    // started): said on the page rather than a blank or dead screen.
    `}).catch((e) => window.temperFailed ? window.temperFailed(e) : console.error(e));`;
  return page.replace(loader[0], `<script type=module>${code}</script>`);
}
