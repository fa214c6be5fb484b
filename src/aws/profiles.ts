// Named AWS profiles from ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE):
// a small INI reader and the profile list shown by the pickers. Reads names and settings, never secrets' values.
import { KNOWN_REGIONS as ALL_REGIONS, partitionOfRegion } from '../core/crossings/regions';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type ProfileKind = 'sso' | 'static' | 'assume-role' | 'process' | 'web-identity' | 'other';

export interface AwsProfile {
  name: string;
  region?: string;
  kind: ProfileKind;
  /** Where the profile is defined. */
  sources: ('config' | 'credentials')[];
}

/** Parses INI text into sections of key/value pairs (comments `#`/`;`, indented continuation lines ignored). */
export function parseIni(text: string): Map<string, Record<string, string>> {
  const sections = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\uFEFF/, '');
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const section = /^\[\s*([^\]]+?)\s*\]\s*(?:[#;].*)?$/.exec(trimmed);
    if (section) {
      const name = section[1]!.replace(/\s+/g, ' ');
      current = sections.get(name) ?? {};
      sections.set(name, current);
      continue;
    }
    if (!current || /^\s/.test(line)) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) continue;
    current[trimmed.slice(0, eq).trim().toLowerCase()] = trimmed.slice(eq + 1).trim();
  }
  return sections;
}

function kindOf(settings: Record<string, string>): ProfileKind {
  if (settings.sso_session || settings.sso_start_url) return 'sso';
  if (settings.role_arn) return settings.web_identity_token_file ? 'web-identity' : 'assume-role';
  if (settings.credential_process) return 'process';
  if (settings.aws_access_key_id) return 'static';
  return 'other';
}

/** Merges both files the way the SDK does: `[profile x]` / `[default]` in config, `[x]` in credentials. */
export function profilesFromText(configText: string, credentialsText: string): AwsProfile[] {
  const merged = new Map<string, { settings: Record<string, string>; sources: Set<'config' | 'credentials'> }>();
  const add = (name: string, settings: Record<string, string>, source: 'config' | 'credentials') => {
    const entry = merged.get(name) ?? { settings: {}, sources: new Set() };
    Object.assign(entry.settings, settings);
    entry.sources.add(source);
    merged.set(name, entry);
  };
  for (const [section, settings] of parseIni(configText)) {
    if (section === 'default') add('default', settings, 'config');
    else if (section.startsWith('profile ')) add(section.slice('profile '.length).trim(), settings, 'config');
  }
  for (const [section, settings] of parseIni(credentialsText)) add(section, settings, 'credentials');
  return [...merged.entries()]
    .map(([name, { settings, sources }]) => {
      const profile: AwsProfile = { name, kind: kindOf(settings), sources: [...sources].sort() };
      if (settings.region) profile.region = settings.region;
      return profile;
    })
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

export interface ProfileFiles {
  configFile: string;
  credentialsFile: string;
}

export function profileFiles(env: NodeJS.ProcessEnv = process.env): ProfileFiles {
  const home = env.HOME || env.USERPROFILE || homedir();
  return {
    configFile: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}

async function readOrEmpty(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}

/** The profiles of the user's AWS files; empty when there are none. */
export async function listProfiles(env: NodeJS.ProcessEnv = process.env): Promise<AwsProfile[]> {
  const files = profileFiles(env);
  return profilesFromText(await readOrEmpty(files.configFile), await readOrEmpty(files.credentialsFile));
}

/** Regions offered by the pickers: the commercial partition's public regions, from the core's list. */
export const KNOWN_REGIONS: readonly string[] = ALL_REGIONS.filter((r) => partitionOfRegion(r) === 'aws');
