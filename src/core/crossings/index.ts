// The crossing rules (Credentials, apigateway:invoke, http:invoke, invoker payloads, aws-sdk tasks) and the
// crossing inventory, the public face of this folder.
import type { AnyRule } from '../model/rule';
import { credentialsRule } from './credentials';
import { apiGatewayRule } from './apigateway';
import { httpInvokeRule } from './http';
import { invokerPayloadRule } from './invokerPayload';
import { awsSdkRule } from './awsSdk';
import { taskIndexRule } from './tasks';
import { crossAccountStartRule } from './crossAccountStart';

// The task index runs first: the rules after it read the Task states it classified.
export const crossingRules: AnyRule[] = [
  taskIndexRule,
  credentialsRule,
  apiGatewayRule,
  httpInvokeRule,
  invokerPayloadRule,
  awsSdkRule,
  crossAccountStartRule,
];

export { listCrossings, taskActions } from './inventory';
export type { Crossing, CrossingKind } from './types';
