// Profiles from the AWS files, session resolution (region and endpoint precedence) and the error messages.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { explainAwsError } from '../../../src/aws/errors';
import { listProfiles, parseIni, profilesFromText } from '../../../src/aws/profiles';
import { createAwsSession, SessionError } from '../../../src/aws/session';

const CONFIG = `# comment
[default]
region = us-east-1

[profile dev]
region=eu-west-1
s3 =
    max_concurrent_requests = 10
[profile sso-admin]
sso_session = corp
sso_account_id = 111111111111
sso_role_name = Admin
region = eu-central-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start

[profile ops]
role_arn = arn:aws:iam::222222222222:role/Ops
source_profile = dev
`;
const CREDENTIALS = `[default]
aws_access_key_id = AKIAEXAMPLE
aws_secret_access_key = not-read-by-the-list

[ci]
aws_access_key_id = AKIAEXAMPLE2
aws_secret_access_key = x
`;

void test('the INI reader keeps sections and keys, skips comments and nested settings', () => {
  const ini = parseIni(CONFIG);
  assert.deepEqual(ini.get('profile dev'), { region: 'eu-west-1', s3: '' });
  assert.equal(ini.get('sso-session corp')?.sso_start_url, 'https://corp.awsapps.com/start');
});

void test('profiles merge both files, with their kind and region, never their secrets', () => {
  const profiles = profilesFromText(CONFIG, CREDENTIALS);
  assert.deepEqual(profiles, [
    { name: 'default', kind: 'static', sources: ['config', 'credentials'], region: 'us-east-1' },
    { name: 'ci', kind: 'static', sources: ['credentials'] },
    { name: 'dev', kind: 'other', sources: ['config'], region: 'eu-west-1' },
    { name: 'ops', kind: 'assume-role', sources: ['config'] },
    { name: 'sso-admin', kind: 'sso', sources: ['config'], region: 'eu-central-1' },
  ]);
  assert.doesNotMatch(JSON.stringify(profiles), /AKIA|not-read/);
});

void test('sessions: region from the flag, else the profile, else the environment; endpoint from the flag, else AWS_ENDPOINT_URL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aws-files-'));
  writeFileSync(join(dir, 'config'), CONFIG);
  writeFileSync(join(dir, 'credentials'), CREDENTIALS);
  const env = {
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_REGION: 'sa-east-1',
  };
  assert.equal((await listProfiles(env)).length, 5);
  assert.equal((await createAwsSession({ profile: 'dev', env })).region, 'eu-west-1');
  assert.equal((await createAwsSession({ profile: 'dev', region: 'us-west-2', env })).region, 'us-west-2');
  assert.equal((await createAwsSession({ profile: 'ops', env })).region, 'sa-east-1');
  assert.equal((await createAwsSession({ env: { ...env, AWS_PROFILE: 'sso-admin' } })).region, 'eu-central-1');
  assert.equal(
    (await createAwsSession({ env: { ...env, AWS_ENDPOINT_URL: 'http://localhost:4566' } })).endpoint,
    'http://localhost:4566',
  );
  assert.equal(
    (
      await createAwsSession({
        endpointUrl: 'http://127.0.0.1:1',
        env: { ...env, AWS_ENDPOINT_URL: 'http://localhost:4566' },
      })
    ).endpoint,
    'http://127.0.0.1:1',
  );
  await assert.rejects(
    createAwsSession({ profile: 'ops', env: { AWS_CONFIG_FILE: env.AWS_CONFIG_FILE } }),
    (e: Error) => e instanceof SessionError && /profile ops has no region/.test(e.message),
  );
  await assert.rejects(createAwsSession({ endpointUrl: 'localhost:4566', region: 'eu-west-1', env: {} }), SessionError);
  const explicit = await createAwsSession({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    env: {},
  });
  assert.deepEqual(await explicit.credentials(), { accessKeyId: 'a', secretAccessKey: 'b' });
});

void test('error messages say what to do', () => {
  const sso = Object.assign(
    new Error(
      'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
    ),
    { name: 'CredentialsProviderError' },
  );
  assert.equal(
    explainAwsError(sso, { profile: 'corp' }),
    'the SSO session of profile corp has expired or is invalid: run `aws sso login --profile corp` and try again',
  );
  const none = Object.assign(new Error('Could not load credentials from any providers'), {
    name: 'CredentialsProviderError',
  });
  assert.match(explainAwsError(none), /no AWS credentials found: pass --profile/);
  const denied = Object.assign(
    new Error(
      'User: arn:aws:sts::1:assumed-role/Dev/me is not authorized to perform: lambda:UpdateFunctionCode on resource: arn:aws:lambda:eu-west-1:1:function:f because no identity-based policy allows the lambda:UpdateFunctionCode action',
    ),
    { name: 'AccessDeniedException' },
  );
  assert.match(
    explainAwsError(denied),
    /arn:aws:sts::1:assumed-role\/Dev\/me is not allowed to call lambda:UpdateFunctionCode on arn:aws:lambda:eu-west-1:1:function:f; grant lambda:UpdateFunctionCode/,
  );
  const bare = Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
  assert.match(explainAwsError(bare, { action: 'iam:GetRole' }), /not allowed to call iam:GetRole/);
  const expired = Object.assign(new Error('The security token included in the request is expired'), {
    name: 'ExpiredToken',
  });
  assert.match(
    explainAwsError(expired, { profile: 'corp' }),
    /session token has expired: run `aws sso login --profile corp`/,
  );
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
  assert.equal(
    explainAwsError(refused, { endpoint: 'http://127.0.0.1:4566' }),
    'cannot reach http://127.0.0.1:4566 (ECONNREFUSED): check the network and the endpoint URL',
  );
});

void test('a plain http:// endpoint is accepted only for loopback hosts (signed requests never cross the network unencrypted)', async () => {
  for (const ok of [
    'http://localhost:4566',
    'http://127.0.0.1:4566',
    'http://[::1]:4566',
    'https://localstack.internal:4566',
  ])
    assert.equal(
      (
        await createAwsSession({
          endpointUrl: ok,
          region: 'eu-west-1',
          env: {},
          credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
        })
      ).endpoint,
      ok,
    );
  for (const bad of ['http://attacker.example:4566', 'http://10.0.0.5', 'http://localhost.attacker.example'])
    await assert.rejects(
      createAwsSession({ endpointUrl: bad, region: 'eu-west-1', env: {} }),
      (e: Error) => e instanceof SessionError && /plain http to another machine/.test(e.message),
      bad,
    );
  await assert.rejects(
    createAwsSession({ region: 'eu-west-1', env: { AWS_ENDPOINT_URL: 'http://192.168.1.20:4566' } }),
    SessionError,
  );
});
