import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ErrorCode, HarbourError } from '@harbour/graphql-kit';

/** A link's token: 32 random bytes (256 bits), base64url; 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const tokenHash = (token: string): Buffer => createHash('sha256').update(token).digest();

/**
 * A new link to an invitation: its token (put it in the message; it is not kept) and the
 * SHA-256 that is. It works until the end of the invitation's last day, in England.
 */
export async function newLink(db: EntityManager, invitation: { id: string; tenantId: string }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO responses.invitation_link (token_hash, tenant_id, invitation_id, expires_at)
     SELECT $1, i.tenant_id, i.id, ((i.closes_on + 1)::timestamp AT TIME ZONE 'Europe/London') FROM responses.invitation i WHERE i.id = $2 AND i.tenant_id = $3`,
    [tokenHash(token), invitation.id, invitation.tenantId],
  );
  return token;
}

export interface OpenedLink {
  tenantId: string;
  invitationId: string;
}

/**
 * The invitation a link opens. From here on, the request's transaction reads and writes that
 * invitation's tenant only. NOT_FOUND for a token that is not a link (or no longer one),
 * FORBIDDEN with reason LINK_EXPIRED after its last day.
 */
export async function openLink(db: EntityManager, token: string): Promise<OpenedLink> {
  const unknown = () => new HarbourError(ErrorCode.NOT_FOUND, 'This link is not known: check that all of it was copied, or ask for a new one', { reason: 'LINK_UNKNOWN' });
  if (typeof token !== 'string' || !TOKEN.test(token)) throw unknown();
  const hash = tokenHash(token);
  // The setting must be in place before the lookup: row-level security reads it.
  await db.query(`SELECT set_config('harbour.link_hash', $1, true)`, [hash.toString('hex')]);
  const [link] = (await db.query(`SELECT tenant_id, invitation_id, expires_at < now() AS expired FROM responses.invitation_link WHERE token_hash = $1`, [hash])) as {
    tenant_id: string;
    invitation_id: string;
    expired: boolean;
  }[];
  if (!link?.tenant_id) throw unknown();
  if (link.expired) throw new HarbourError(ErrorCode.FORBIDDEN, 'This link has expired: the survey it was for has closed', { reason: 'LINK_EXPIRED' });
  await db.query(`SELECT set_config('harbour.tenant_ids', $1, true), set_config('harbour.link_hash', '', true)`, [`{${link.tenant_id}}`]);
  return { tenantId: link.tenant_id, invitationId: link.invitation_id };
}

/** A personal link as a message carries it: `<publicUrl>/s/<token>`. */
const LINK_IN_TEXT = /\S*\/s\/[A-Za-z0-9_-]{43}/g;

/** What admins see of a message whose campaign's links are not released: everything but the link. */
const WITHHELD_LINK = '[personal link withheld: release this campaign\'s links to deliver them by hand]';

/** A message's text with every personal link in it withheld. */
export function withheldLinks(text: string): string {
  return text.replace(LINK_IN_TEXT, WITHHELD_LINK);
}
