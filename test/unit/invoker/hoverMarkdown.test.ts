// Hovers show definition values as Markdown: a backtick, a newline or a link in a value must not end its code span
// or render as a link. The hover text is rendered with markdown-it (the renderer VS Code uses for hovers).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { hoverAt } from '../../../src/core/crossings/assist';
import { buildModel } from '../../../src/core/model/model';
import { parseDefinition } from '../../../src/core/parse';

const MarkdownIt = createRequire(join(process.cwd(), 'package.json'))('markdown-it') as new (options?: object) => {
  render(src: string): string;
};
const md = new MarkdownIt({ linkify: true });

const HOSTILE_ROLE = 'arn:aws:iam::222222222222:role/x` [click me](https://evil.example/steal) `';
const HOSTILE_AUTH = '**IAM_ROLE** [x](https://evil.example)';

function hoverOn(definition: unknown, needle: string): string {
  const text = JSON.stringify(definition, null, 2);
  const parsed = parseDefinition(text, { languageId: 'asl' });
  const model = buildModel(parsed);
  assert.ok(model, 'a state machine model');
  const hover = hoverAt(model, text.indexOf(needle) + 1, ['sfn-crossings-invoker']);
  assert.ok(hover, 'a hover is shown');
  return hover.markdown;
}

void test('a backtick and a link inside a role ARN stay inside the code span: no link is rendered', () => {
  const markdown = hoverOn(
    {
      StartAt: 'CallB',
      States: {
        CallB: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets',
          Credentials: { RoleArn: HOSTILE_ROLE },
          Parameters: {},
          End: true,
        },
      },
    },
    '"CallB": {',
  );
  const html = md.render(markdown);
  assert.doesNotMatch(html, /<a /, html);
  assert.ok(html.includes('[click me](https://evil.example/steal)'), html);
});

void test('a literal AuthType is shown as text, never as Markdown', () => {
  const markdown = hoverOn(
    {
      StartAt: 'Api',
      States: {
        Api: {
          Type: 'Task',
          Resource: 'arn:aws:states:::apigateway:invoke',
          Parameters: {
            ApiEndpoint: 'abc123.execute-api.us-east-1.amazonaws.com',
            Method: 'GET',
            Stage: 'prod',
            AuthType: HOSTILE_AUTH,
          },
          End: true,
        },
      },
    },
    '"Api": {',
  );
  const html = md.render(markdown);
  assert.doesNotMatch(html, /<a |<strong>IAM_ROLE/, html);
  assert.ok(html.includes('**IAM_ROLE** [x](https://evil.example)'), html);
});
