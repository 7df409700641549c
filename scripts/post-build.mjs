// Post-build step for dist/ (run by `cargo xtask dist|test|serve` after
// `trunk build`):
// 00. split the wasm (src/lazy.rs): `wasm-split-cli` cuts Cargo's wasm
//    (built with the `split` feature and `--emit-relocs`) into the main
//    module and one module per lazily loaded screen, plus modules of code
//    those share; wasm-bindgen then makes the glue for the main module,
//    which replaces Trunk's. The other modules go to dist/lazy/ with a
//    content hash in their names, optimized by wasm-opt, and the loader
//    that fetches them is written as split-<hash>.js;
// 0. run wasm-opt on the main module;
// 1. minify the glue with terser, which Trunk's own minifier can't parse,
//    and update both sub-resource-integrity hashes in index.html;
// 1b. put the prerendered home screen into index.html: the markup the
//    app's own components render in English (src/bin/prerender.rs, run by
//    xtask before this script; its file is the second argument). It is what
//    a first visit paints before the wasm has loaded (the app removes it
//    when it mounts; assets/prefs.js hides it for other screens and
//    languages). And list the languages (one per i18n/<code>.json) on
//    <html data-langs> for assets/prefs.js;
// 1c. start loading the app right after the first paint rather than during
//    parsing: Trunk's preload links and loader become one small loader that
//    waits for a frame, then preloads the glue with its integrity hash and
//    fetches the wasm with its integrity hash;
// 2. add the Content-Security-Policy meta tag, with the sha256 of Trunk's
//    inline loader script computed from the final file;
// 3. write sw.js from assets/sw.js with the list of every file in the build
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
const glue = readdirSync(dist).filter((f) => /^temper-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`expected one JS glue file in ${dist}, found ${glue.length}`);
const file = join(dist, glue[0]);
const wasmFile = join(dist, glue[0].replace(/\.js$/, '_bg.wasm'));
// Trunk's files, as index.html's integrity hashes name them.
const trunkJs = readFileSync(file);
const trunkWasm = readFileSync(wasmFile);
// The wasm-opt settings (from the source index.html).
const params = readFileSync('index.html', 'utf8').match(/data-wasm-opt-params="([^"]*)"/);
if (!params) throw new Error('no data-wasm-opt-params in index.html');
// (Its output is kept quiet: the split modules' name sections carry a subsection it
// doesn't know, and it warns about each; an error still stops the build.)
const wasmOpt = (from, to) => execFileSync('node_modules/.bin/wasm-opt', ['-Oz', ...params[1].split(/\s+/), from, '-o', to], { stdio: 'pipe' });
const split = await splitWasm(glue[0]);
const before = split.js;
writeFileSync(wasmFile, split.wasm);
wasmOpt(wasmFile, wasmFile);
const optimized = readFileSync(wasmFile);
console.log(`post-build: main wasm ${split.wasm.length} -> ${optimized.length} bytes after wasm-opt`);
const out = await minify(before.toString('utf8'), { module: true, compress: true, mangle: true });
writeFileSync(file, out.code);
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');
for (const [old, now] of [[trunkJs, Buffer.from(out.code)], [trunkWasm, optimized]]) {
  if (!html.includes(sri(old))) throw new Error('an integrity hash was not found in index.html');
  html = html.replace(sri(old), sri(now));
}

html = prerender(html, readFileSync(prerendered, 'utf8'));
// (Each language is <code>.json, the start-up texts, and <code>.more.json.)
html = listLanguages(html, readdirSync(join(dist, 'i18n')).filter((f) => f.endsWith('.json') && !f.endsWith('.more.json')).map((f) => f.slice(0, -5)).sort());
html = paintFirst(html, glue[0], glue[0].replace(/\.js$/, '_bg.wasm'), sri(Buffer.from(out.code)), sri(optimized), split.loader);

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) throw new Error('no inline loader script found in index.html');
const hashes = inline.map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
const csp = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
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
console.log(`post-build: ${glue[0]} ${before.length} -> ${out.code.length} bytes; CSP with ${hashes.length} inline hash(es)`);

// 3. The service worker, written last so the list covers the final files.
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

// 00. Split Cargo's wasm (see the top of this file). Returns the main
// module's wasm and glue, and the loader's file name and integrity hash.
async function splitWasm(glueName) {
  const cargoWasm = join(process.env.CARGO_TARGET_DIR ?? 'target', 'wasm32-unknown-unknown', 'release', 'temper.wasm');
  const input = readFileSync(cargoWasm);
  if (!input.includes(Buffer.from('__wasm_split_unstable')) || !input.includes(Buffer.from('reloc.CODE'))) {
    throw new Error(`${cargoWasm} has no split points or no relocations: build with the split feature and --emit-relocs`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'temper-split-'));
  try {
    execFileSync('wasm-split-cli', [cargoWasm, tmp]);
    execFileSync('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript',
      '--out-dir', join(tmp, 'bg'), '--out-name', 'temper', join(tmp, 'main.wasm')]);
    let loader = readFileSync(join(tmp, '__wasm_split.js'), 'utf8');
    const swap = (old, now) => {
      if (!loader.includes(old)) throw new Error(`split: ${old} not in the loader`);
      loader = loader.split(old).join(now);
    };
    swap('from "./main.js"', `from "./${glueName}"`);
    const lazy = join(dist, 'lazy');
    rmSync(lazy, { recursive: true, force: true });
    mkdirSync(lazy);
    const modules = readdirSync(tmp).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm').sort();
    if (modules.length === 0) throw new Error('split: no lazily loaded modules');
    for (const f of modules) {
      const optimized = join(tmp, `opt-${f}`);
      wasmOpt(join(tmp, f), optimized);
      const bytes = readFileSync(optimized);
      const name = `${f.slice(0, -5)}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.wasm`;
      writeFileSync(join(lazy, name), bytes);
      swap(`"./${f}"`, `"./lazy/${name}"`);
    }
    const code = Buffer.from((await minify(loader, { module: true, compress: true, mangle: true })).code);
    const name = `split-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
    for (const f of readdirSync(dist).filter((f) => /^split-[0-9a-f]+\.js$/.test(f))) rmSync(join(dist, f));
    writeFileSync(join(dist, name), code);
    let js = readFileSync(join(tmp, 'bg', 'temper.js'), 'utf8');
    const imports = js.match(/^import \* as \w+ from "\.\/__wasm_split\.js"$/gm) ?? [];
    if (imports.length === 0) throw new Error('split: the glue does not import the loader');
    js = js.replace(/^(import \* as \w+ from )"\.\/__wasm_split\.js"$/gm, `$1"./${name}"`);
    console.log(`post-build: split into the main module and ${modules.length} lazily loaded ones (dist/lazy/)`);
    return { js: Buffer.from(js), wasm: readFileSync(join(tmp, 'bg', 'temper_bg.wasm')), loader: { name, sri: sri(code) } };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Tell assets/prefs.js which languages exist (one per i18n/<code>.json),
// so that adding a language needs no code: <html data-langs="en es">.
function listLanguages(page, codes) {
  if (!codes.includes('en') || !codes.every((c) => /^[a-z]{2,3}$/.test(c))) throw new Error(`bad i18n files: ${codes}`);
  const tag = page.match(/<html[^>]*>/);
  if (!tag) throw new Error('no <html> tag in index.html');
  return page.replace(tag[0], `${tag[0].slice(0, -1)} data-langs="${codes.join(' ')}">`);
}

// The home screen as the app renders it with nothing saved yet (see 1b),
// first in <body>.
function prerender(page, markup) {
  if (!markup.startsWith('<div id="prerender">')) throw new Error('prerender: the markup is not the #prerender screen');
  if (!page.includes('<body>')) throw new Error('prerender: no <body> in index.html');
  return page.replace('<body>', `<body>${markup}`);
}

// Replace Trunk's two preload links and module loader with a loader that
// runs after the first paint (`temperPainted`, from assets/prefs.js). The
// integrity hashes are kept: the glue through a modulepreload link with
// `integrity`, the wasm through fetch's `integrity`.
function paintFirst(page, js, wasm, jsSri, wasmSri, split) {
  const links = [...page.matchAll(/<link[^>]*rel=(?:modulepreload|preload)[^>]*>/g)].map((m) => m[0]);
  const loader = page.match(/<script type=module>import init, \* as bindings from '\.\/[^']+';[\s\S]*?<\/script>/);
  if (links.length < 2 || !loader) throw new Error("paintFirst: Trunk's loader has changed shape");
  for (const l of new Set(links)) page = page.split(l).join('');
  const code = `(window.temperPainted || Promise.resolve()).then(async () => {` +
    `for (const [href, integrity] of [['./${js}', '${jsSri}'], ['./${split.name}', '${split.sri}']]) {` +
    `const l = document.createElement('link'); l.rel = 'modulepreload'; l.href = href; l.integrity = integrity; document.head.append(l); }` +
    `const get = () => fetch('./${wasm}', { integrity: '${wasmSri}' });` +
    // Compile (streaming, or from bytes where the server's MIME type rules
    // that out), then instantiate and start in a later task: two shorter
    // tasks instead of one long one.
    `const [bindings, module] = await Promise.all([import('./${js}'),` +
    ` WebAssembly.compileStreaming(get()).catch(async () => WebAssembly.compile(await (await get()).arrayBuffer()))]);` +
    `await new Promise((go) => setTimeout(go));` +
    `const wasm = await bindings.default({ module_or_path: module });` +
    `window.wasmBindings = bindings;` +
    `dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));` +
    `});`;
  return page.replace(loader[0], `<script type=module>${code}</script>`);
}
