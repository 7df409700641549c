import { defineConfig } from '@playwright/test';

// Run by `cargo xtask test`, which builds dist/ and serves it on loopback,
// then passes its address in BASE_URL. Debian's Chromium only: nothing here
// may download a browser.
const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'target/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: base,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
