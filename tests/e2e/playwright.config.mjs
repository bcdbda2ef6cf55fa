// Browser tests drive Debian's Chromium (never a downloaded browser) against dist/ served
// from a sub-path on loopback.
import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run their browser tests at once.
const port = Number(process.env.E2E_PORT || 8765);
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../target/e2e-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/some/dir/`,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `node tests/e2e/server.mjs ${port} /some/dir/`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/some/dir/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
