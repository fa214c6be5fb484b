// The crossing rules (Credentials, apigateway:invoke, http:invoke, invoker payloads, aws-sdk tasks).
import type { Rule } from '../model/rule';

export const crossingRules: Rule[] = [];
