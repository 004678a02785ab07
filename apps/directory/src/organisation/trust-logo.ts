/**
 * A trust's logo: the image its personal link pages show in their header, sent inside the
 * page (a `data:` URL), so the page asks no other site for anything and a logo cannot carry
 * script (no SVG). Small, because every page of the trust's campaigns carries it.
 */

/** The largest logo, in bytes of the image itself. */
export const LOGO_MAX_BYTES = 20_000;

/** Each image type taken, by the bytes its files start with. */
const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

const DATA_URL = /^data:(image\/[a-z]+);base64,([A-Za-z0-9+/]+={0,2})$/;

/** What is wrong with a logo, in words for the admin who chose it; null when it may be kept. */
export function logoProblem(logo: string): string | null {
  const match = DATA_URL.exec(logo);
  if (!match) return 'The logo is a PNG, JPEG or WebP image, sent as a data: URL (data:image/png;base64,…)';
  const [, type, base64] = match as unknown as [string, string, string];
  const looksLike = SIGNATURES[type];
  if (!looksLike) return `The logo is a PNG, JPEG or WebP image, not ${type}`;
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > LOGO_MAX_BYTES) return `The logo is ${bytes.length.toLocaleString('en-GB')} bytes; the most is ${LOGO_MAX_BYTES.toLocaleString('en-GB')} (a header logo 400 pixels wide is usually well under that)`;
  if (!looksLike(bytes)) return `The logo says it is ${type}, but its bytes are not that kind of image`;
  return null;
}
