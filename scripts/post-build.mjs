// Post-build step for dist/ (run by `cargo xtask dist|test|serve` after
// `trunk build`):
// 1. minify wasm-bindgen's JS glue with terser, which Trunk's own minifier
//    can't parse, and update its sub-resource-integrity hash in index.html;
// 2. add the Content-Security-Policy meta tag, with the sha256 of Trunk's
//    inline loader script computed from the final file;
// 3. write sw.js from assets/sw.js with the list of every file in the build
//    and a version derived from their contents, so each build gets a new
//    cache and hashed file names are always precached.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2] ?? 'dist';
const sri = (buf) => 'sha384-' + createHash('sha384').update(buf).digest('base64');
const glue = readdirSync(dist).filter((f) => /^temper-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`expected one JS glue file in ${dist}, found ${glue.length}`);
const file = join(dist, glue[0]);
const before = readFileSync(file);
const out = await minify(before.toString('utf8'), { module: true, compress: true, mangle: true });
writeFileSync(file, out.code);
const indexPath = join(dist, 'index.html');
const index = readFileSync(indexPath, 'utf8');
const oldHash = sri(before);
if (!index.includes(oldHash)) throw new Error('integrity hash of the JS glue not found in index.html');
let html = index.replace(oldHash, sri(Buffer.from(out.code)));

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
