// The whole-document rules (graph, fields, QueryLanguage, expressions), in the order they run.
import type { Rule } from '../model/rule';

export const documentRules: Rule[] = [];
