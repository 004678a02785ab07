import { Client } from 'pg';
import { DEMO_ACCOUNTS, postGraphQL, signInAs, type TestPlatform } from './platform';

export interface OpenCampaign {
  trust: string;
  campaignId: string;
  /** The token of the personal link the outbox holds for the one person with an email. */
  token: string;
}

/**
 * Opens a campaign of Northmoor's "Where I belong" (or the survey given) now, for all its staff, through the gateway
 * as its trust admin. One person (`email`) has an email address, so once the delivery clock
 * has run (start the platform with a short HARBOUR_DELIVERY_EVERY_MS) the outbox holds their
 * invitation; its link's token is read from the stored message (admins see it withheld).
 */
export async function openCampaignWithLink(
  platform: TestPlatform,
  email = 'robin@northmoor.example',
  name = 'Belonging now',
  surveyId?: string,
  anonymity: 'ANONYMOUS' | 'PSEUDONYMOUS' | 'IDENTIFIED' = 'PSEUDONYMOUS',
  options: { preferNotToSay?: boolean } = {},
): Promise<OpenCampaign> {
  const owner = new Client({ connectionString: platform.database.ownerUrl });
  await owner.connect();
  let trust: string;
  let survey: string;
  try {
    trust = (await owner.query(`SELECT id FROM directory.organisation WHERE parent_id IS NULL AND name LIKE 'Northmoor%'`)).rows[0].id;
    survey = surveyId ?? (await owner.query(`SELECT id FROM forms.survey WHERE tenant_id = $1 AND title = 'Where I belong: quarterly'`, [trust])).rows[0].id;
    await owner.query(
      `INSERT INTO directory.staff_contact (staff_id, tenant_id, name, email)
       SELECT s.id, s.tenant_id, 'Robin', $2 FROM directory.staff s
       WHERE s.tenant_id = $1 AND s.left_on IS NULL AND NOT EXISTS (SELECT 1 FROM directory.staff_contact k WHERE k.staff_id = s.id)
       ORDER BY s.external_ref LIMIT 1`,
      [trust, email],
    );
  } finally {
    await owner.end();
  }
  const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
  const made = await postGraphQL(
    platform.gatewayUrl,
    `mutation { createCampaign(input: { surveyId: "${survey}", versionNumber: 1, name: "${name}", anonymity: ${anonymity}, preferNotToSay: ${options.preferNotToSay ?? false}, audience: { organisationId: "${trust}" }, schedule: { kind: WINDOW, opensOn: "2020-01-01", closesOn: "2099-12-31" } }) { id } }`,
    admin,
  );
  const campaignId = (made.body.data as { createCampaign: { id: string } }).createCampaign.id;
  const scheduled = await postGraphQL(platform.gatewayUrl, `mutation { scheduleCampaign(id: "${campaignId}") { state } }`, admin);
  if ((scheduled.body.data as { scheduleCampaign: { state: string } } | null)?.scheduleCampaign.state !== 'OPEN') throw new Error(`The campaign did not open: ${JSON.stringify(scheduled.body)}`);
  // Admins see every message but its link (until a campaign's links are released): the test reads the stored message.
  const reader = new Client({ connectionString: platform.database.ownerUrl });
  await reader.connect();
  try {
    for (let tries = 0; tries < 80; tries++) {
      // The message names its campaign: the person may be invited to others (the demo's) as well.
      const { rows } = await reader.query(`SELECT body FROM responses.outbox WHERE recipient = $1 AND strpos(body, $2) > 0 LIMIT 1`, [email, `(${name})`]);
      if (rows[0]) return { trust, campaignId, token: /\/s\/([A-Za-z0-9_-]{43})/.exec(rows[0].body as string)![1]! };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await reader.end();
  }
  throw new Error(`No invitation for ${email} reached the outbox; the services said:\n${platform.output().slice(-3000)}`);
}

/**
 * Waits until the fold job has added every submission, withdrawal and erasure appended so far
 * into the rollups (reports lag them by about HARBOUR_FOLD_EVERY_MS), so a report read next
 * counts them.
 */
export async function untilFolded(platform: TestPlatform, timeoutMs = 20_000): Promise<void> {
  const owner = new Client({ connectionString: platform.database.ownerUrl });
  await owner.connect();
  try {
    for (const end = Date.now() + timeoutMs; ; ) {
      const { rows } = await owner.query(`SELECT count(*)::int AS n FROM responses.rollup_delta`);
      if (rows[0].n === 0) return;
      if (Date.now() > end) throw new Error(`${rows[0].n} appended measures were not folded in ${timeoutMs} ms; the services said:\n${platform.output().slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await owner.end();
  }
}
