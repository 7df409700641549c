// The crypto adapter: the optional passphrase lock, with WebCrypto.
// AES-GCM (256-bit) with a fresh 12-byte IV on every write; the key is
// derived with PBKDF2-SHA256, 600,000 iterations, random 16-byte salt. The
// key is created non-extractable and lives only in this closure; the
// passphrase is never stored. What is sealed, when, and where it is written
// is decided by the app (src/lock.rs, src/state.rs); this file only does
// the cryptography and the inactivity timer. Plain JS, so WebCrypto's
// bindings add nothing to the wasm.
(() => {
  const ITERATIONS = 600000;
  const te = new TextEncoder();
  const td = new TextDecoder();
  const subtle = crypto.subtle;
  let key = null;
  let salt = null;
  let iterations = ITERATIONS;
  let timer = 0;
  let minutes = 0;

  const b64 = (bytes) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const unb64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

  const derive = async (passphrase, saltBytes, iter) => {
    const base = await subtle.importKey('raw', te.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
    return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: saltBytes, iterations: iter },
      base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  };

  // The sealed form: the parts the app stores (see README, "Stored data").
  const parts = (sealed) => {
    const s = JSON.parse(sealed).sealed;
    return { salt: unb64(s.salt), iter: s.iter, iv: unb64(s.iv), ct: unb64(s.ct) };
  };

  const rearm = () => {
    clearTimeout(timer);
    // Locking again = forgetting the key and reloading: the page then holds
    // nothing but the sealed text.
    if (key && minutes > 0) timer = setTimeout(() => { key = null; location.reload(); }, minutes * 60000);
  };
  for (const ev of ['pointerdown', 'keydown', 'wheel', 'touchstart']) {
    addEventListener(ev, rearm, { passive: true, capture: true });
  }

  window.temperLock = {
    // Start locking with a new passphrase (fresh salt).
    async create(passphrase) {
      salt = crypto.getRandomValues(new Uint8Array(16));
      iterations = ITERATIONS;
      key = await derive(passphrase, salt, iterations);
      rearm();
    },
    // Decrypt stored sealed text with a passphrase; keeps the key on success.
    // Rejects (and keeps nothing) when the passphrase is wrong.
    async open(passphrase, sealed) {
      const p = parts(sealed);
      const k = await derive(passphrase, p.salt, p.iter);
      const text = td.decode(await subtle.decrypt({ name: 'AES-GCM', iv: p.iv }, k, p.ct));
      key = k; salt = p.salt; iterations = p.iter;
      rearm();
      return text;
    },
    // Decrypt with the key already held (another tab saved).
    async reopen(sealed) {
      const p = parts(sealed);
      return td.decode(await subtle.decrypt({ name: 'AES-GCM', iv: p.iv }, key, p.ct));
    },
    // Encrypt text with the held key and a fresh IV; resolves to the JSON
    // members of the sealed form.
    async seal(text) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ct = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv }, key, te.encode(text)));
      return JSON.stringify({ alg: 'AES-GCM', kdf: 'PBKDF2-SHA256', iter: iterations, salt: b64(salt), iv: b64(iv), ct: b64(ct) });
    },
    forget() { key = null; salt = null; clearTimeout(timer); },
    // Lock after this many minutes without input (0: never).
    autoLock(m) { minutes = m; rearm(); },
  };
})();
