// The AWS profile and region quick picks that every AWS command shares (deploy, Step Functions calls).
import * as vscode from 'vscode';
import type { AwsProfile } from '../aws/profiles';

const DEFAULT_CHAIN = 'Default credential chain';

/**
 * Asks which profile to use. Returns `{ cancelled: true }` when dismissed; `profile` undefined means the
 * default credential chain.
 */
export async function pickProfile(
  profiles: AwsProfile[],
  options: { title: string; placeHolder: string; current?: string },
): Promise<{ cancelled: boolean; profile?: string }> {
  const items: (vscode.QuickPickItem & { name?: string })[] = [
    { label: DEFAULT_CHAIN, description: 'environment variables, default profile, SSO, instance role' },
    ...profiles.map((p) => ({
      label: p.name,
      name: p.name,
      description: [p.kind, p.region].filter(Boolean).join(' · '),
    })),
  ];
  for (const item of items) item.picked = options.current !== undefined && item.name === options.current;
  const picked = await vscode.window.showQuickPick(items, { title: options.title, placeHolder: options.placeHolder });
  return picked ? { cancelled: false, profile: picked.name } : { cancelled: true };
}

/** The region the profile or environment suggests, if any. */
export function suggestedRegion(
  profiles: AwsProfile[],
  profile: string | undefined,
  fallback?: string,
): string | undefined {
  return (
    (profile && profiles.find((p) => p.name === profile)?.region) ||
    process.env.AWS_REGION ||
    process.env.AWS_DEFAULT_REGION ||
    fallback
  );
}

/** Asks for a region, the suggested one first. */
export async function pickRegion(
  known: readonly string[],
  suggested: string | undefined,
  options: { title: string; placeHolder: string },
): Promise<string | undefined> {
  const regions = [...new Set([...(suggested ? [suggested] : []), ...known])];
  return vscode.window.showQuickPick(regions, options);
}
