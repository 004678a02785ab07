import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pagePolicy } from './page-policy';

async function headersWith(https: boolean): Promise<Headers> {
  const policy = pagePolicy({ https });
  const server = createServer((req, res) => {
    policy(req, res);
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await response.text();
    return response.headers;
  } finally {
    server.close();
  }
}

describe('pagePolicy', () => {
  it('pins https (HSTS, upgrade-insecure-requests) only when Harbour is reached over https', async () => {
    const secure = await headersWith(true);
    expect(secure.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expect(secure.get('content-security-policy')).toContain('upgrade-insecure-requests');
    const plain = await headersWith(false);
    expect(plain.get('strict-transport-security')).toBeNull();
    expect(plain.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(plain.get('content-security-policy')).toContain("script-src 'self';");
  });
});
