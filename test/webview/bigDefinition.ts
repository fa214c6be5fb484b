// A synthetic definition of N states for the panel's render budget: blocks of a Choice, two Tasks that
// cross (invoker in another region, Credentials in another account), a Pass, a Parallel with two
// one-state branches and a Catch, chained; ends with Succeed. Deterministic.
export function bigDefinition(states: number): string {
  const s: Record<string, unknown> = {};
  const name = (i: number) => `Step${String(i).padStart(4, '0')}`;
  let i = 0;
  const regions = ['us-west-2', 'eu-west-1', 'ap-southeast-2'];
  const accounts = ['222233334444', '333344445555'];
  // Each block adds 7 states (Parallel + its 2 branch states count).
  while (i + 8 < states) {
    const [choice, invoke, assume, pass, parallel] = [i, i + 1, i + 2, i + 3, i + 4].map(name);
    const next = name(i + 7);
    s[choice!] = { Type: 'Choice', Choices: [{ Variable: '$.flag', BooleanEquals: true, Next: invoke }], Default: pass };
    s[invoke!] = {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:111122223333:function:sfn-crossings-invoker',
      Parameters: { service: 'dynamodb', action: 'getItem', region: regions[(i / 7) % regions.length], parameters: { TableName: 't', Key: { id: { S: '1' } } } },
      Next: assume,
    };
    s[assume!] = {
      Type: 'Task',
      Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets',
      Credentials: { RoleArn: `arn:aws:iam::${accounts[(i / 7) % accounts.length]}:role/Reader` },
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
    i += 7;
  }
  while (i < states - 1) {
    s[name(i)] = { Type: 'Pass', Next: i + 1 < states - 1 ? name(i + 1) : 'Finish' };
    i++;
  }
  s.Finish = { Type: 'Succeed' };
  // The last block's Next may point at name(i) which is now a Pass or Finish: make sure it exists.
  if (!(name(i) in s) && i < states) s[name(i)] = { Type: 'Pass', Next: 'Finish' };
  return JSON.stringify({ Comment: `${states} states`, StartAt: name(0), States: s }, null, 2);
}
