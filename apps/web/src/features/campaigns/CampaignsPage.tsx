import { useState } from 'react';
import { useWorkingOrganisation } from '../../app/working-organisation';
import { CampaignForm } from './CampaignForm';
import { CampaignsList } from './CampaignsList';

/** Campaigns: who is asked what, when. Plan one as a draft, check its audience, then schedule it. */
export function CampaignsPage() {
  const organisation = useWorkingOrganisation();
  // Bumped when a campaign is made, so the list shows it.
  const [made, setMade] = useState(0);
  if (!organisation) return <h1>Campaigns</h1>;
  return (
    <>
      <h1>Campaigns</h1>
      <CampaignsList key={made} organisationId={organisation.id} />
      {organisation.manages && <CampaignForm organisationId={organisation.id} onCreated={() => setMade(made + 1)} />}
    </>
  );
}
