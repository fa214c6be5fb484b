// The anchors we compare against, called the way their users call them: amazon-states-language-service
// (the AWS Toolkit's engine: parse + doValidation) and asl-validator (JSON.parse + validator()).
import { getLanguageService, TextDocument } from 'amazon-states-language-service';

const asls = getLanguageService({});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aslValidator = require('asl-validator') as (definition: unknown) => { isValid: boolean };

export async function aslsValidate(text: string): Promise<number> {
  const doc = TextDocument.create('file:///bench.asl.json', 'asl', 1, text);
  const json = asls.parseJSONDocument(doc);
  const diagnostics = await asls.doValidation(doc, json);
  return diagnostics.length;
}

export function aslValidatorValidate(text: string): boolean {
  return aslValidator(JSON.parse(text)).isValid;
}
