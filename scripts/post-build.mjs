// Post-build step for dist/ (run by `cargo xtask dist|test|serve` after
// `trunk build`): minify wasm-bindgen's JS glue with terser, which Trunk's
// own minifier can't parse, then update its sub-resource-integrity hash in
// index.html so the browser still accepts it.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
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
writeFileSync(indexPath, index.replace(oldHash, sri(Buffer.from(out.code))));
console.log(`post-build: ${glue[0]} ${before.length} -> ${out.code.length} bytes`);
