import { checkGatewaySecret, newGatewaySecret } from './gateway-secret';

describe('checkGatewaySecret', () => {
  const secret = newGatewaySecret();

  it('accepts the secret and tells missing from wrong', () => {
    expect(checkGatewaySecret(secret, secret)).toBe('ok');
    expect(checkGatewaySecret(undefined, secret)).toBe('missing');
    expect(checkGatewaySecret('', secret)).toBe('missing');
    expect(checkGatewaySecret(`${secret}x`, secret)).toBe('wrong');
    expect(checkGatewaySecret([secret], secret)).toBe('ok');
  });

  it('makes a new secret of at least 256 bits each time', () => {
    const other = newGatewaySecret();
    expect(other).not.toBe(secret);
    expect(Buffer.from(other, 'base64url').length).toBeGreaterThanOrEqual(32);
  });
});
