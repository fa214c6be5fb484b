// The remote commands' one sentence for an endpoint that answers with a web page: recognised from the
// SDK's parser failure, naming the endpoint (override or regional); other failures are left alone.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEndpoint, htmlAnswerMessage } from '../../../src/extension/remote/htmlAnswer';

test('an HTML answer becomes one sentence naming the endpoint', () => {
  const sdk =
    'states:ValidateStateMachineDefinition failed: SyntaxError: Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.';
  const message = htmlAnswerMessage(sdk, describeEndpoint('http://127.0.0.1:8080', 'us-east-1'))!;
  assert.match(message, /^http:\/\/127\.0\.0\.1:8080 answered with a web page, not the Step Functions API/);
  assert.doesNotMatch(message, /\$response|Unexpected token/);
  assert.equal(message.split('. ').length, 1, 'one sentence');
});

test('the regional endpoint is named when there is no override; other failures are not rewritten', () => {
  assert.equal(describeEndpoint(undefined, 'eu-west-1'), 'https://states.eu-west-1.amazonaws.com');
  assert.equal(htmlAnswerMessage('access denied: you are not allowed to call states:TestState', 'x'), undefined);
});
