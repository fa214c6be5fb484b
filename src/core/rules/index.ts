// The whole-document rules (graph, fields, QueryLanguage, expressions), in the order they run. Their
// per-state checks share one pass over the states (see Rule.checkState); codes and titles are in ./codes.
import type { AnyRule } from '../model/rule';
import { graphRule } from './graph';
import { fieldsRule } from './fields';
import { queryLanguageRule } from './queryLanguage';
import { expressionsRule } from './expressions';
import { sizeRule } from './size';

export const documentRules: AnyRule[] = [graphRule, fieldsRule, queryLanguageRule, expressionsRule, sizeRule];

export { DocumentCodes, documentCodeTitles } from './codes';
