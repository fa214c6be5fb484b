// The IAM context store behind the editor commands (src/extension/iam/contextStore.ts, no vscode needed): what
// is known is never asked, each question is validated and asked once, answers are remembered per document and
// prefill only that document's questions, settings and command arguments win, a cancel remembers nothing wrong.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ContextStore, type MementoLike, type Question } from '../../../src/extension/iam/contextStore';

const SM = 'arn:aws:states:us-east-1:111111111111:stateMachine:OrderHub';
const ROLE = 'arn:aws:iam::111111111111:role/OrderHubRole';
const INVOKER = 'arn:aws:lambda:us-east-1:111111111111:function:sfn-crossings-invoker';

function memento(): MementoLike & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: <T>(key: string, d: T) => (data.has(key) ? (structuredClone(data.get(key)) as T) : d),
    update: async (key: string, value: unknown) => {
      data.set(key, structuredClone(value));
    },
  };
}

/** Answers questions from a script, recording them. */
function scripted(answers: Array<string | undefined>) {
  const asked: Question[] = [];
  return {
    asked,
    ask: async (q: Question) => {
      asked.push(q);
      return answers.shift();
    },
  };
}

void test('asks for what is missing, validates, and asks once per file', async () => {
  const m = memento();
  const user = scripted([SM, ROLE]);
  const store = new ContextStore(m, () => ({}), user.ask);
  assert.deepEqual(await store.resolve('file:///a.asl.json'), { stateMachineArn: SM, executionRoleArn: ROLE });
  assert.deepEqual(
    user.asked.map((q) => q.title),
    ['state machine ARN', 'execution role ARN'],
  );
  assert.match(user.asked[0]!.validate('arn:aws:states:us-east-1:1:stateMachine:x') ?? '', /state machine ARN/);
  assert.equal(user.asked[0]!.validate(SM), undefined);
  assert.match(user.asked[1]!.validate('OrderHubRole') ?? '', /role ARN/);
  // Second time: nothing asked.
  assert.deepEqual(await store.resolve('file:///a.asl.json'), { stateMachineArn: SM, executionRoleArn: ROLE });
  assert.equal(user.asked.length, 2);
});

void test("another file's answers never prefill a question; each box shows the expected form", async () => {
  const user = scripted([SM, ROLE, undefined]);
  const store = new ContextStore(memento(), () => ({}), user.ask);
  await store.resolve('file:///a.asl.json');
  assert.equal(await store.resolve('file:///b.asl.json'), undefined, 'cancelled');
  assert.equal(user.asked[2]!.value, undefined, "b's box must not offer a's state machine");
  for (const q of user.asked) assert.equal(q.validate(q.placeholder.split(' ')[0]!), undefined, q.placeholder);
});

void test("a file's own earlier answer is not asked again; the definition's invoker ARN is not asked", async () => {
  const user = scripted([SM, undefined, ROLE]);
  const store = new ContextStore(memento(), () => ({}), user.ask);
  assert.equal(await store.resolve('file:///a.asl.json'), undefined, 'cancelled at the role');
  const fromDefinition = { invokerArn: INVOKER };
  assert.deepEqual(await store.resolve('file:///a.asl.json', { wantInvoker: true, fromDefinition }), {
    stateMachineArn: SM,
    executionRoleArn: ROLE,
    invokerArn: INVOKER,
  });
  assert.deepEqual(
    user.asked.map((q) => q.title),
    ['state machine ARN', 'execution role ARN', 'execution role ARN'],
  );
});

void test('the invoker question is optional, and an empty answer is remembered', async () => {
  const user = scripted(['']);
  const store = new ContextStore(memento(), () => ({}), user.ask);
  const given = { stateMachineArn: SM, executionRoleArn: ROLE };
  assert.deepEqual(await store.resolve('k', { given, wantInvoker: true }), given);
  assert.equal(user.asked[0]!.validate(''), undefined);
  assert.match(user.asked[0]!.validate(`${INVOKER}:live`) ?? '', /unqualified/);
  assert.deepEqual(await store.resolve('k', { given, wantInvoker: true }), given);
  assert.equal(user.asked.length, 1);
});

void test('settings and arguments are used without asking; arguments win over settings', async () => {
  const user = scripted([]);
  const settings = { stateMachineArn: SM, executionRoleArn: ROLE };
  const store = new ContextStore(memento(), () => settings, user.ask);
  assert.deepEqual(await store.resolve('k'), settings);
  const other = 'arn:aws:iam::111111111111:role/Other';
  assert.equal((await store.resolve('k', { given: { executionRoleArn: other } }))?.executionRoleArn, other);
  assert.equal(user.asked.length, 0);
});

void test('noPrompt never asks; an invalid scripted answer is refused; forget asks again', async () => {
  const user = scripted(['not an arn', SM, ROLE]);
  const store = new ContextStore(memento(), () => ({}), user.ask);
  assert.equal(await store.resolve('k', { noPrompt: true }), undefined);
  assert.equal(user.asked.length, 0);
  assert.equal(await store.resolve('k'), undefined);
  assert.deepEqual(store.remembered('k'), {});
  assert.deepEqual(await store.resolve('k'), { stateMachineArn: SM, executionRoleArn: ROLE });
  await store.forget('k');
  assert.deepEqual(store.peek('k'), {});
});
