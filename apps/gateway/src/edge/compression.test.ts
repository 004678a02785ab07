import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { staticFiles } from '../static-files';
import { responseCompression } from './compression';

/** A GET as a browser's network layer sees it: the bytes on the wire and the headers, undecoded. */
function get(port: number, pathname: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('what the gateway sends over the wire', () => {
  let root: string;
  let server: Server;
  let port: number;
  // A script the size and repetitiveness of a real chunk, with the build's two precompressed copies.
  const script = Buffer.from(Array.from({ length: 2000 }, (_, i) => `export const item${i} = "question ${i % 37}";\n`).join(''));
  const answer = JSON.stringify({ data: { surveys: Array.from({ length: 200 }, (_, i) => ({ id: `survey-${i}`, title: 'Where I belong' })) } });

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'harbour-static-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Harbour</title>');
    writeFileSync(path.join(root, 'assets', 'app-abc.js'), script);
    // Marked so the test can tell the build's copy from one compressed on the fly.
    writeFileSync(path.join(root, 'assets', 'app-abc.js.br'), brotliCompressSync(Buffer.concat([script, Buffer.from('// precompressed\n')])));
    writeFileSync(path.join(root, 'assets', 'app-abc.js.gz'), gzipSync(Buffer.concat([script, Buffer.from('// precompressed\n')])));
    const files = staticFiles(root);
    const compress = responseCompression();
    server = createServer((req, res) => {
      compress(req, res);
      if (req.url === '/graphql') {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(answer);
      } else files(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("sends the build's brotli copy to a browser that accepts it, though browsers list gzip first", async () => {
    const sent = await get(port, '/assets/app-abc.js', 'gzip, deflate, br, zstd');
    expect(sent.headers['content-encoding']).toBe('br');
    expect(sent.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(sent.headers['content-length'])).toBe(sent.body.length);
    const text = brotliDecompressSync(sent.body).toString();
    expect(text.endsWith('// precompressed\n')).toBe(true);
    expect(sent.body.length).toBeLessThan(script.length / 10);
  });

  it("sends the gzip copy where brotli is not accepted, and the file itself where nothing is", async () => {
    const gzip = await get(port, '/assets/app-abc.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString().endsWith('// precompressed\n')).toBe(true);
    const plain = await get(port, '/assets/app-abc.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(script)).toBe(true);
    const refused = await get(port, '/assets/app-abc.js', 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.equals(script)).toBe(true);
  });

  it('compresses answers made per request (GraphQL) with brotli, and leaves small ones alone', async () => {
    const sent = await get(port, '/graphql', 'gzip, deflate, br');
    expect(sent.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(sent.body).toString()).toBe(answer);
    expect(sent.body.length).toBeLessThan(answer.length / 5);
    const page = await get(port, '/some/route', 'gzip, deflate, br');
    // index.html here is 37 bytes and has no precompressed copy: under the 1 kB threshold it goes as it is.
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body.toString()).toContain('<title>Harbour</title>');
  });
});
