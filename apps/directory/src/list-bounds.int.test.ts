import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { LIST_SIZES, MAX_ORGANISATION_DEPTH, MAX_OWN_CATALOGUE_ENTRIES } from '@harbour/graphql-kit';
import { as, callerWith, executeOperation, PLATFORM_ADMIN } from '@harbour/graphql-kit/testing';
import { database } from './database';
import { buildDirectorySchema } from './schema';

/**
 * The lists the gateway's cost estimate counts at their most (LIST_SIZES) stay within it: what
 * would add past the most is refused, naming the field, and nothing already saved changes.
 */
const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildDirectorySchema();
});

type Answer = { errors?: readonly { message: string; extensions?: Record<string, unknown> }[]; data?: Record<string, { id: string } | null> | null };
const run = (query: string) => executeOperation(schema, as(db.app, PLATFORM_ADMIN), query) as Promise<Answer>;

async function trust(): Promise<string> {
  const id = randomUUID();
  await db.owner.query(`INSERT INTO directory.organisation (id, tenant_id, kind, name) VALUES ($1, $1, 'trust', 'Deep Trust')`, [id]);
  return id;
}

describe('an organisation tree', () => {
  it(`is at most ${MAX_ORGANISATION_DEPTH} levels deep, whether built down or moved under`, async () => {
    const root = await trust();
    const chain = [root];
    for (let level = 2; level <= MAX_ORGANISATION_DEPTH; level++) {
      const made = await run(`mutation { createOrganisation(input: { parentId: "${chain.at(-1)}", kind: TEAM, name: "Level ${level}" }) { id } }`);
      expect(made.errors).toBeUndefined();
      chain.push(made.data!.createOrganisation!.id);
    }
    const deeper = await run(`mutation { createOrganisation(input: { parentId: "${chain.at(-1)}", kind: TEAM, name: "Too deep" }) { id } }`);
    expect(deeper.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect(deeper.errors?.[0]?.message).toBe(`That would make the tree ${MAX_ORGANISATION_DEPTH + 1} levels deep; the most is ${MAX_ORGANISATION_DEPTH} (the trust is the first)`);
    // A branch of two moved under level 9 would reach 11.
    const branch = await run(`mutation { createOrganisation(input: { parentId: "${root}", kind: TEAM, name: "Branch" }) { id } }`);
    const leaf = await run(`mutation { createOrganisation(input: { parentId: "${branch.data!.createOrganisation!.id}", kind: TEAM, name: "Leaf" }) { id } }`);
    expect(leaf.errors).toBeUndefined();
    const moved = await run(`mutation { updateOrganisation(input: { id: "${branch.data!.createOrganisation!.id}", parentId: "${chain[8]}" }) { id } }`);
    expect(moved.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    const [{ parent }] = await db.owner.query(`SELECT parent_id AS parent FROM directory.organisation WHERE id = $1`, [branch.data!.createOrganisation!.id]);
    expect(parent).toBe(root);
    const ancestors = (await executeOperation<{ organisation: { ancestors: unknown[] } }>(schema, as(db.app, PLATFORM_ADMIN), `{ organisation(id: "${chain.at(-1)}") { ancestors { id } } }`)).data!.organisation.ancestors;
    expect(ancestors).toHaveLength(LIST_SIZES['Organisation.ancestors']);
  });
});

describe('a trust\'s own roles', () => {
  it(`number at most ${MAX_OWN_CATALOGUE_ENTRIES}`, async () => {
    const root = await trust();
    await db.owner.query(
      `INSERT INTO directory.role (id, tenant_id, code, name) SELECT gen_random_uuid(), $1, 'own_' || i, 'Own role ' || i FROM generate_series(1, $2) i`,
      [root, MAX_OWN_CATALOGUE_ENTRIES],
    );
    const refused = await run(`mutation { createRole(input: { organisationId: "${root}", code: "one_more", name: "One more" }) { id } }`);
    expect(refused.errors?.[0]?.message).toBe(`The trust already has ${MAX_OWN_CATALOGUE_ENTRIES} of its own; the most is ${MAX_OWN_CATALOGUE_ENTRIES}`);
    const roles = (await executeOperation<{ roles: unknown[] }>(schema, as(db.app, PLATFORM_ADMIN), '{ roles { id } }')).data!.roles;
    expect(roles.length).toBeLessThanOrEqual(LIST_SIZES['Query.roles']);
  });
});

describe('an account\'s grants', () => {
  it(`number at most ${LIST_SIZES['Account.grants']}; giving one it holds already is no new grant`, async () => {
    const root = await trust();
    await db.owner.query(`INSERT INTO directory.account (id, email, display_name) VALUES ($1, 'platform@harbour.example', 'Platform')`, [PLATFORM_ADMIN.kind === 'account' ? PLATFORM_ADMIN.accountId : '']);
    const holder = randomUUID();
    await db.owner.query(`INSERT INTO directory.account (id, email, display_name) VALUES ($1, 'holder@deep.example', 'Holder')`, [holder]);
    const teams: string[] = [];
    for (let i = 0; i < LIST_SIZES['Account.grants']; i++) teams.push(randomUUID());
    await db.owner.query(
      `INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name) SELECT t, $1, $1, 'team', 'Team ' || t FROM unnest($2::uuid[]) t`,
      [root, teams],
    );
    await db.owner.query(
      `INSERT INTO directory.access_grant (id, tenant_id, account_id, organisation_id, role, granted_by) SELECT gen_random_uuid(), $1, $2, t, 'evaluator', NULL FROM unnest($3::uuid[]) t`,
      [root, holder, teams],
    );
    const again = await run(`mutation { grantAccess(input: { email: "holder@deep.example", organisationId: "${teams[0]}", role: EVALUATOR }) { id } }`);
    expect(again.errors).toBeUndefined();
    const more = await run(`mutation { grantAccess(input: { email: "holder@deep.example", organisationId: "${root}", role: EVALUATOR }) { id } }`);
    expect(more.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    // An admin of another trust, who cannot see those 50, cannot give a 51st either.
    const other = await trust();
    const otherAdmin = callerWith([{ role: 'trust_admin', organisationId: other, tenantId: other }], 'session', randomUUID());
    const fromElsewhere = (await executeOperation(schema, as(db.app, otherAdmin), `mutation { grantAccess(input: { email: "holder@deep.example", organisationId: "${other}", role: EVALUATOR }) { id } }`)) as Answer;
    expect(fromElsewhere.errors?.[0]?.message).toBe(`holder@deep.example already holds ${LIST_SIZES['Account.grants']} grants; the most is ${LIST_SIZES['Account.grants']}: take one away first`);
    const [{ n }] = await db.owner.query(`SELECT count(*)::int AS n FROM directory.access_grant WHERE account_id = $1`, [holder]);
    expect(n).toBe(LIST_SIZES['Account.grants']);
  });
});
