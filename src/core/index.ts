// The core library (dist/core.js): validation of Amazon States Language definitions.
export { lint, analyze, toPublic, type Analysis, type AnalyzeOptions } from './lint';
export type { Finding, PublicFinding, Severity, Fix } from './findings';
export { ruleDocUrl } from './findings';
export { looksLikeStateMachine } from './model/model';
// Definitions where projects keep them: CloudFormation/SAM/CDK templates (findings placed in their files).
export { lintSource, readSource, sourceKindOf, type SourceLint, type SourceHost, type DefinitionUnit } from './sources';
