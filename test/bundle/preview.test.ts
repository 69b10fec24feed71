// The preview server answers only this machine's pages: a foreign Host (DNS
// rebinding), a foreign Origin (a cross-site page) or a POST that is not JSON
// (a plain form anywhere) is refused before it reaches the fake workbook.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../scripts/preview';

let preview: Preview;
beforeAll(async () => {
  preview = await startPreview(0);
});
afterAll(async () => {
  await preview?.close();
});

/** A raw request, so that Host and Origin can be set at will. */
function send(method: string, path: string, headers: Record<string, string>, body = ''): Promise<number> {
  const u = new URL(preview.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, method, path, headers: { host: u.host, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the preview server', () => {
  const json = { 'content-type': 'application/json' };
  it('answers its own pages', async () => {
    expect(await send('GET', '/__sheets', {})).toBe(200);
    expect(await send('POST', '/__control', { ...json, origin: preview.url.replace(/\/$/, '') }, '{}')).toBe(200);
  });
  it('refuses a request whose Host is another name (DNS rebinding)', async () => {
    expect(await send('GET', '/__sheets', { host: 'evil.example:80' })).toBe(403);
  });
  it('refuses a request from another origin', async () => {
    expect(await send('POST', '/__control', { ...json, origin: 'https://evil.example' }, '{"reset":true}')).toBe(403);
  });
  it('refuses a POST that is not JSON (a plain cross-site form)', async () => {
    expect(await send('POST', '/__run/sidebarCall', { 'content-type': 'text/plain' }, '["list",{}]')).toBe(415);
  });
});
