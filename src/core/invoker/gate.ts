// What a deployment refuses: a definition whose invoker payloads have errors (XC4xx at error severity, e.g. an
// `assumeRoleArn` that is not a literal role ARN). Runs the crossing rules with the deploy's invoker names. Pure.
import type { PublicFinding } from '../findings';
import { lint } from '../lint';
import type { LanguageId } from '../parse';

/** The invoker-payload errors of a definition (empty: the deploy may go on). */
export function invokerPayloadErrors(
  text: string,
  options: { languageId?: LanguageId; invokerNames: readonly string[] },
): PublicFinding[] {
  return lint(text, {
    languageId: options.languageId ?? 'asl',
    invokerNames: [...options.invokerNames],
    documentRules: false,
  }).filter((f) => f.severity === 'error' && /^XC4\d\d$/.test(f.code));
}

/** `file:line:column: error XC411 message`, the CLI's own finding format. */
export function formatFinding(file: string, f: PublicFinding): string {
  return `${file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${f.message}`;
}
