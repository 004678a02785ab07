import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Browsers may use these features on no Harbour page (helmet sets no Permissions-Policy). A
 * survey needs none of them.
 */
const PERMISSIONS_POLICY = [
  'accelerometer=()', 'autoplay=()', 'camera=()', 'display-capture=()', 'geolocation=()', 'gyroscope=()', 'magnetometer=()', 'microphone=()',
  'midi=()', 'payment=()', 'publickey-credentials-get=()', 'screen-wake-lock=()', 'serial=()', 'usb=()', 'xr-spatial-tracking=()',
].join(', ');

/**
 * The page policy on every response the gateway gives (pages, GraphQL, downloads), from helmet:
 * scripts only from this origin (no inline script, no eval), requests only to it, no plugins,
 * no <base>, no framing by any site, no referrer (a personal link never leaves in one), and
 * HSTS when Harbour is reached over https. Styles may be inline: SurveyJS writes its theme as
 * a <style> element and its layout as style attributes. docs/anonymity.md says why each is so.
 */
export function pagePolicy(options: { https: boolean }): (req: IncomingMessage, res: ServerResponse) => void {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.https ? { maxAge: 63_072_000, includeSubDomains: true } : false,
    // Harbour's pages load nothing from another origin, so none of them needs an opening.
    crossOriginEmbedderPolicy: false,
  });
  return (req, res) => {
    headers(req, res, () => undefined);
    res.setHeader('permissions-policy', PERMISSIONS_POLICY);
  };
}
