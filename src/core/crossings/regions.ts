// Region codes for completion, the region quick pick and "did you mean" (not a validity check: any code of the
// form xx-name-N is accepted, so a new region never raises a false error). Source: AWS General Reference,
// "Service endpoints" region table.
export const KNOWN_REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
  'eu-north-1',
  'il-central-1',
  'me-south-1',
  'me-central-1',
  'mx-central-1',
  'sa-east-1',
  'cn-north-1',
  'cn-northwest-1',
  'us-gov-east-1',
  'us-gov-west-1',
];

/** The partition a region belongs to. */
export function partitionOfRegion(region: string): 'aws' | 'aws-cn' | 'aws-us-gov' {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

const KNOWN_AREAS = new Set(KNOWN_REGIONS.map((r) => r.replace(/-\d+$/, '')));

/**
 * A region-shaped code whose name part is no known area (`us-westt-2`) but is close to a known region: that region.
 * A new number in a known area (`ap-southeast-9`) or a far-off name is left alone (it may be a region newer than
 * this list).
 */
export function misspelledRegion(
  region: string,
  closest: (name: string, candidates: readonly string[]) => string | undefined,
): string | undefined {
  if (KNOWN_REGIONS.includes(region) || KNOWN_AREAS.has(region.replace(/-\d+$/, ''))) return undefined;
  return closest(region, KNOWN_REGIONS);
}
