// Live checks of the cross-region invoker calls of one state: the invoker function exists (GetFunctionConfiguration in
// its region), its ALLOWED_CALLS / ALLOWED_REGIONS cover the call, and its role allows the call's IAM actions (or
// sts:AssumeRole on the payload's assumeRoleArn), asked of the simulator. Fixes come from the IAM generator's kit.
import type { StateInfo } from '../model/model';
import { parseFunctionArn } from '../iam/arn';
import type { InvokerCall, IamKit } from '../iam/types';
import { INVOKER_ENV, isCallAllowed, parseAllowedCalls, parseAllowedRegions } from '../invoker/protocol';
import type { CheckSession } from './session';

const KIND = 'invoker' as const;

export async function checkInvokerCalls(
  s: CheckSession,
  state: StateInfo,
  calls: InvokerCall[],
  kit: IamKit,
): Promise<void> {
  const invoker = kit.invokerRole;
  if (!invoker || calls.length === 0) return;
  const where = s.where(state, 'Resource');
  const fn = parseFunctionArn(invoker.functionArn);
  if (!fn) return;
  const config = await s.once(`invoker:${invoker.functionArn}`, () =>
    s.read(
      KIND,
      'invoker.function',
      where,
      fn.account,
      `invoker ${fn.name}`,
      (p) => p.getFunctionConfiguration(fn.region, fn.name),
      (e) =>
        s.add(
          KIND,
          'invoker.function',
          where,
          fn.account,
          'fail',
          `the invoker function ${invoker.functionArn} does not exist (${e.message}): deploy it (sfn-crossings deploy-invoker)`,
        ),
    ),
  );
  if (!config) return;
  const allowed = parseAllowedCalls(config.environment[INVOKER_ENV.allowedCalls]).calls;
  const regions = parseAllowedRegions(config.environment[INVOKER_ENV.allowedRegions]);
  const blocked = calls.filter((c) => !isCallAllowed(allowed, c.service, c.action));
  const offRegion = calls.filter((c) => c.region && regions && !regions.includes(c.region));
  if (blocked.length || offRegion.length) {
    const parts = [
      ...blocked.map((c) => `${c.service}:${c.action} is not in ALLOWED_CALLS (fails with Invoker.CallNotAllowed)`),
      ...offRegion.map((c) => `region ${c.region} is not in ALLOWED_REGIONS (fails with Invoker.RegionNotAllowed)`),
    ];
    const merged = [...new Set([...allowed.map((a) => `${a.service}:${a.action}`), ...invoker.allowedCalls.split(',')])]
      .filter(Boolean)
      .sort()
      .join(',');
    s.add(KIND, 'invoker.allowlist', where, fn.account, 'fail', `invoker ${fn.name}: ${parts.join('; ')}`, {
      fix: {
        label: `Environment of ${fn.name} (redeploy with sfn-crossings deploy-invoker)`,
        text: `${INVOKER_ENV.allowedCalls}=${merged}${offRegion.length && regions ? `\n${INVOKER_ENV.allowedRegions}=${[...new Set([...regions, ...offRegion.map((c) => c.region!)])].sort().join(',')}` : ''}`,
      },
    });
  } else
    s.add(
      KIND,
      'invoker.allowlist',
      where,
      fn.account,
      'pass',
      `invoker ${fn.name} allows ${calls.map((c) => `${c.service}:${c.action}`).join(', ')}`,
    );
  const grants = calls.flatMap((c) =>
    c.assumeRoleArn
      ? [{ sid: 'AssumeTargetRoles', actions: ['sts:AssumeRole'], resources: [c.assumeRoleArn] }]
      : c.grants,
  );
  await s.checkGrants(KIND, 'invoker.role', where, config.roleArn, grants, 'invoker role');
}
