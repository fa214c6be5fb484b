// A synthetic definition of N states for the panel's render budget: blocks of a Choice, two Tasks that
// cross (invoker in another region, Credentials in another account), a Pass, a Parallel with two
// one-state branches and a Catch, chained; ends with Succeed. Deterministic.
export function bigDefinition(states: number): string {
  const s: Record<string, unknown> = {};
  const name = (i: number) => `Step${String(i).padStart(4, '0')}`;
  const regions = ['us-west-2', 'eu-west-1', 'ap-southeast-2'];
  const accounts = ['222233334444', '333344445555'];
  const BLOCK = 7; // Choice, two crossing Tasks, Pass, Parallel and its two branch states.
  let i = 0;
  // Keep one state for the final Succeed.
  while (i + BLOCK <= states - 1) {
    const [choice, invoke, assume, pass, parallel] = [i, i + 1, i + 2, i + 3, i + 4].map(name);
    const block = i / BLOCK;
    const next = i + BLOCK < states - 1 ? name(i + BLOCK) : 'Finish';
    s[choice!] = {
      Type: 'Choice',
      Choices: [{ Variable: '$.flag', BooleanEquals: true, Next: invoke }],
      Default: pass,
    };
    s[invoke!] = {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:111122223333:function:sfn-crossings-invoker',
      Parameters: {
        service: 'dynamodb',
        action: 'getItem',
        region: regions[block % regions.length],
        parameters: { TableName: 't', Key: { id: { S: '1' } } },
      },
      Next: assume,
    };
    s[assume!] = {
      Type: 'Task',
      Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets',
      Credentials: { RoleArn: `arn:aws:iam::${accounts[block % accounts.length]}:role/Reader` },
      Parameters: {},
      Next: pass,
    };
    s[pass!] = { Type: 'Pass', Next: parallel };
    s[parallel!] = {
      Type: 'Parallel',
      Branches: [
        { StartAt: name(i + 5), States: { [name(i + 5)]: { Type: 'Pass', End: true } } },
        { StartAt: name(i + 6), States: { [name(i + 6)]: { Type: 'Wait', Seconds: 1, End: true } } },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Finish' }],
      Next: next,
    };
    i += BLOCK;
  }
  for (; i < states - 1; i++) s[name(i)] = { Type: 'Pass', Next: i + 1 < states - 1 ? name(i + 1) : 'Finish' };
  s.Finish = { Type: 'Succeed' };
  return JSON.stringify({ Comment: `${states} states`, StartAt: states > 1 ? name(0) : 'Finish', States: s }, null, 2);
}
