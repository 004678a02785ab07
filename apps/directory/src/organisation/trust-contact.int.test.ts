import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { as, executeOperation, PLATFORM_ADMIN } from '@harbour/graphql-kit/testing';
import { database } from '../database';
import { buildDirectorySchema } from '../schema';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildDirectorySchema();
});

const run = (query: string) => executeOperation<{ updateOrganisation: { contactEmail: string | null; privacyNoticeUrl: string | null } }>(schema, as(db.app, PLATFORM_ADMIN), query);

describe("a trust's contact and privacy notice", () => {
  it('are set on the trust, refused elsewhere or malformed naming the field, removed by an empty string, and published to responses', async () => {
    const trust = randomUUID();
    await db.owner.query(`INSERT INTO directory.organisation (id, tenant_id, kind, name) VALUES ($1, $1, 'trust', 'Southmoor NHS Trust')`, [trust]);
    const team = (await executeOperation<{ createOrganisation: { id: string } }>(schema, as(db.app, PLATFORM_ADMIN), `mutation { createOrganisation(input: { parentId: "${trust}", kind: TEAM, name: "Ward 2" }) { id } }`)).data!.createOrganisation.id;

    const set = await run(`mutation { updateOrganisation(input: { id: "${trust}", contactEmail: "surveys@southmoor.nhs.uk", privacyNoticeUrl: "https://southmoor.nhs.uk/privacy" }) { contactEmail privacyNoticeUrl } }`);
    expect(set.errors).toBeUndefined();
    expect(set.data!.updateOrganisation).toEqual({ contactEmail: 'surveys@southmoor.nhs.uk', privacyNoticeUrl: 'https://southmoor.nhs.uk/privacy' });

    const onTeam = await run(`mutation { updateOrganisation(input: { id: "${team}", contactEmail: "ward2@southmoor.nhs.uk" }) { contactEmail } }`);
    expect(onTeam.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactEmail' });
    expect(onTeam.errors?.[0]?.message).toContain('set on the trust');
    for (const [field, value] of [['contactEmail', 'not an address'], ['privacyNoticeUrl', 'javascript:alert(1)']] as const) {
      const bad = await run(`mutation { updateOrganisation(input: { id: "${trust}", ${field}: ${JSON.stringify(value)} }) { contactEmail } }`);
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(bad.errors?.[0])).toContain(field);
    }
    // What responses reads for the trust's personal link pages, as it reads it.
    const [published] = await db.owner.query(`SELECT name, contact_email, privacy_notice_url FROM directory.respondent_trust WHERE tenant_id = $1`, [trust]);
    expect(published).toEqual({ name: 'Southmoor NHS Trust', contact_email: 'surveys@southmoor.nhs.uk', privacy_notice_url: 'https://southmoor.nhs.uk/privacy' });

    const removed = await run(`mutation { updateOrganisation(input: { id: "${trust}", contactEmail: "" }) { contactEmail privacyNoticeUrl } }`);
    expect(removed.data!.updateOrganisation).toEqual({ contactEmail: null, privacyNoticeUrl: 'https://southmoor.nhs.uk/privacy' });
  });
});
