import { useEffect, useState } from 'react';
import { CAMPAIGNS } from '../api/queries';
import type { Campaign } from '../api/types';
import { useGraphQL } from '../api/use-graphql';

const SELECTED_KEY = 'eco.dashboard.campaign';
const CACHE_KEY = 'eco.dashboard.campaigns';

type CampaignList = { rectificationCampaigns: Campaign[] };

function cachedCampaigns(): CampaignList | null {
  try {
    return JSON.parse(window.sessionStorage.getItem(CACHE_KEY) ?? 'null') as CampaignList | null;
  } catch {
    return null;
  }
}

/**
 * The campaigns and the one the pages show (kept for the tab, so every page shows the same one).
 * The list is remembered for the tab and refreshed in the background, so a page's own query need
 * not wait for it (the overview's load time).
 */
export function useSelectedCampaign() {
  const fetched = useGraphQL<CampaignList>(CAMPAIGNS);
  const [cached] = useState(cachedCampaigns);
  useEffect(() => {
    if (fetched.data) window.sessionStorage.setItem(CACHE_KEY, JSON.stringify(fetched.data));
  }, [fetched.data]);
  const data = fetched.data ?? cached;
  const state = { ...fetched, data, error: data ? null : fetched.error };
  const [selectedId, setSelectedId] = useState(() => window.sessionStorage.getItem(SELECTED_KEY));
  const campaigns = data?.rectificationCampaigns ?? [];
  const selected = campaigns.find((c) => c.id === selectedId) ?? campaigns[0] ?? null;
  const select = (id: string) => {
    window.sessionStorage.setItem(SELECTED_KEY, id);
    setSelectedId(id);
  };
  return { state, campaigns, selected, select };
}

export function CampaignPicker({
  campaigns,
  selected,
  select,
}: {
  campaigns: Campaign[];
  selected: Campaign | null;
  select(id: string): void;
}) {
  if (campaigns.length <= 1) {
    return selected ? <p className="campaign-name">{selected.name}</p> : null;
  }
  return (
    <label className="campaign-picker">
      整改工作：
      <select value={selected?.id ?? ''} onChange={(e) => select(e.target.value)}>
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
