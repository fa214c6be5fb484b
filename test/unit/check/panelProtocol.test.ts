// The Live check messages of the panel protocol: well-formed ones pass both validators, malformed ones are dropped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHostMessage, parsePageMessage } from '../../../webview/protocol';

const row = {
  status: 'fail',
  severity: 'warning',
  check: 'credentials.trust',
  state: 'Fulfil',
  pointer: '/States/Fulfil',
  account: '222222222222',
  message: 'the trust policy lacks sts:ExternalId',
  fix: 'Trust policy of arn:aws:iam::222222222222:role/OrdersTarget',
};

void test('liveCheck host messages: a done check with rows passes; unknown statuses and missing fields do not', () => {
  assert.ok(parseHostMessage({ type: 'liveCheck', check: { status: 'done', message: '1 failed', rows: [row] } }).ok);
  assert.ok(parseHostMessage({ type: 'liveCheck', check: { status: 'running', message: '', rows: [] } }).ok);
  assert.equal(
    parseHostMessage({ type: 'liveCheck', check: { status: 'done', message: '', rows: [{ ...row, status: 'ok' }] } })
      .ok,
    false,
  );
  assert.equal(parseHostMessage({ type: 'liveCheck', check: { status: 'later', message: '', rows: [] } }).ok, false);
  const { fix: _fix, ...noFix } = row;
  assert.equal(
    parseHostMessage({ type: 'liveCheck', check: { status: 'done', message: '', rows: [noFix] } }).ok,
    false,
  );
});

void test('page messages: runLiveCheck, and copyCheckFix with a row index only', () => {
  assert.ok(parsePageMessage({ type: 'runLiveCheck' }).ok);
  assert.ok(parsePageMessage({ type: 'copyCheckFix', index: 0 }).ok);
  assert.equal(parsePageMessage({ type: 'copyCheckFix', index: -1 }).ok, false);
  assert.equal(parsePageMessage({ type: 'copyCheckFix', index: '0' }).ok, false);
});
