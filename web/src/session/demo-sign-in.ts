// Demo sign-in, served by the quick start's dashboard server only (never in a deployment, where the
// city's SSO issues the token and this endpoint answers 404).

export interface DemoUser {
  code: string;
  name: string;
  title: string;
  agencyName: string;
  roles: string[];
  partner: boolean;
}

/** The demo people, or null when this server offers no demo sign-in. */
export async function fetchDemoUsers(): Promise<DemoUser[] | null> {
  try {
    const response = await fetch('/dev/demo-users');
    if (!response.ok) return null;
    return (await response.json()) as DemoUser[];
  } catch {
    return null;
  }
}

export async function fetchDemoToken(code: string): Promise<string> {
  const response = await fetch('/dev/demo-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (!response.ok) throw new Error(`演示登录失败（HTTP ${response.status}）`);
  return ((await response.json()) as { token: string }).token;
}
