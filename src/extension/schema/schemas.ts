// The crossing parts' JSON Schemas (generated into schemas/ by scripts/snippets/generate.ts), by part kind.
import type { JSONSchema } from 'vscode-json-languageservice/lib/esm/jsonLanguageService';
import credentials from '../../../schemas/credentials.schema.json';
import apigatewayInvoke from '../../../schemas/apigateway-invoke.schema.json';
import httpInvoke from '../../../schemas/http-invoke.schema.json';
import invokerPayload from '../../../schemas/invoker-payload.schema.json';
import type { PartKind } from './parts';

export const PART_SCHEMAS: Record<PartKind, JSONSchema> = {
  credentials: credentials as JSONSchema,
  'apigateway-invoke': apigatewayInvoke as JSONSchema,
  'http-invoke': httpInvoke as JSONSchema,
  'invoker-payload': invokerPayload as JSONSchema,
};

export const PART_KINDS = Object.keys(PART_SCHEMAS) as PartKind[];
