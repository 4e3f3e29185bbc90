import { describe, expect, it } from 'vitest';
import { hasValidHmac, hmacSha256Hex, safeEqual, verifyToken } from './verifyToken.js';

describe('timing-safe comparisons', () => {
  it('compares strings of any lengths', () => {
    expect(safeEqual('secret', 'secret')).toBe(true);
    expect(safeEqual('secret', 'secret-but-longer')).toBe(false);
    expect(safeEqual('', 'secret')).toBe(false);
  });

  it('accepts an HMAC in upper-case hex, and no HMAC without a usable secret', () => {
    const body = Buffer.from('{"ok":true}');
    const signature = hmacSha256Hex('s3cret', body).toUpperCase();
    expect(hasValidHmac(body, ['s3cret'], [signature])).toBe(true);
    expect(hasValidHmac(body, [''], [hmacSha256Hex('', body)])).toBe(false);
  });

  it('reads the token from basic auth only when it is the password', () => {
    const basic = (credentials: string) => ({
      headers: { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
      body: Buffer.alloc(0),
    });
    expect(verifyToken(basic(':tok:en'), ['tok:en'])).toBe(true);
    expect(verifyToken(basic('tok:en'), ['tok:en'])).toBe(false);
    expect(verifyToken(basic('no-colon'), ['no-colon'])).toBe(false);
  });
});
