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

/** A PNG of one pixel. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

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
    for (const [field, value] of [
      ['contactEmail', 'not an address'],
      // A mailto link's extras (a subject, a copy to someone else) are not part of an address.
      ['contactEmail', 'surveys@southmoor.nhs.uk?cc=someone@elsewhere.example'],
      ['privacyNoticeUrl', 'javascript:alert(1)'],
      ['privacyNoticeUrl', 'http://southmoor.nhs.uk/privacy'],
    ] as const) {
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

  it('take a small PNG, JPEG or WebP logo on the trust only, refusing any other image, a false type and a large one by name', async () => {
    const trust = randomUUID();
    await db.owner.query(`INSERT INTO directory.organisation (id, tenant_id, kind, name) VALUES ($1, $1, 'trust', 'Eastmoor NHS Trust')`, [trust]);
    const team = (await executeOperation<{ createOrganisation: { id: string } }>(schema, as(db.app, PLATFORM_ADMIN), `mutation { createOrganisation(input: { parentId: "${trust}", kind: TEAM, name: "Ward 5" }) { id } }`)).data!.createOrganisation.id;
    const setLogo = (id: string, logo: string) =>
      executeOperation<{ updateOrganisation: { logo: string | null } }>(schema, as(db.app, PLATFORM_ADMIN), `mutation ($id: ID!, $logo: String!) { updateOrganisation(input: { id: $id, logo: $logo }) { logo } }`, { id, logo });

    const set = await setLogo(trust, PNG);
    expect(set.errors).toBeUndefined();
    expect(set.data!.updateOrganisation.logo).toBe(PNG);
    const [published] = await db.owner.query(`SELECT logo FROM directory.respondent_trust WHERE tenant_id = $1`, [trust]);
    expect(published.logo).toBe(PNG);

    const svg = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString('base64')}`;
    const large = `data:image/png;base64,${Buffer.concat([Buffer.from(PNG.split(',')[1]!, 'base64'), Buffer.alloc(20_001)]).toString('base64')}`;
    const refusals: [string, string][] = [
      [svg, 'PNG, JPEG or WebP'],
      ['https://cdn.example/logo.png', 'data: URL'],
      [PNG.replace('image/png', 'image/jpeg'), 'its bytes are not that kind of image'],
      [large.slice(0, 29_000), 'bytes; the most is 20,000'],
    ];
    for (const [logo, words] of refusals) {
      const refused = await setLogo(trust, logo);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'logo' });
      expect(refused.errors?.[0]?.message).toContain(words);
    }
    // Anything longer than the column takes is refused before it is read.
    expect(JSON.stringify((await setLogo(trust, large)).errors?.[0])).toContain('logo');
    const onTeam = await setLogo(team, PNG);
    expect(onTeam.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'logo' });
    // What was kept is still there after every refusal; an empty string removes it.
    const [kept] = await db.owner.query(`SELECT logo FROM directory.organisation WHERE id = $1`, [trust]);
    expect(kept.logo).toBe(PNG);
    expect((await setLogo(trust, '')).data!.updateOrganisation.logo).toBeNull();
  });
});
