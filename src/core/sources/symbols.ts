// What a `!Ref`/`!GetAtt`/`${Name}` of a template stands for: a resource of the same template (by its
// type), a parameter, or a pseudo parameter (`AWS::Region`...). The rules read these as `SymbolKind`s.
import { prop, stringValue, type AstNode } from '../parse/ast';
import type { PlaceholderSymbol, SymbolKind } from '../model/substitutions';

const RESOURCE_KINDS: Record<string, SymbolKind> = {
  'AWS::ApiGateway::RestApi': 'apiGatewayRestApi',
  'AWS::Serverless::Api': 'apiGatewayRestApi',
  'AWS::ApiGatewayV2::Api': 'apiGatewayHttpApi',
  'AWS::Serverless::HttpApi': 'apiGatewayHttpApi',
  'AWS::Lambda::Function': 'lambdaFunction',
  'AWS::Serverless::Function': 'lambdaFunction',
  'AWS::IAM::Role': 'iamRole',
  'AWS::Events::Connection': 'eventsConnection',
  'AWS::StepFunctions::StateMachine': 'stateMachine',
  'AWS::Serverless::StateMachine': 'stateMachine',
};

const PSEUDO: Record<string, SymbolKind> = {
  'AWS::Region': 'region',
  'AWS::AccountId': 'accountId',
  'AWS::Partition': 'partition',
  'AWS::URLSuffix': 'urlSuffix',
};

/** The resources and parameters of one template, to resolve names against. */
export class TemplateSymbols {
  private readonly types = new Map<string, string>();
  private readonly parameters = new Set<string>();

  constructor(resources: AstNode | undefined, parameters: AstNode | undefined) {
    if (resources?.kind === 'object')
      for (const p of resources.properties) {
        const type = stringValue(prop(p.value, 'Type')?.value);
        if (type) this.types.set(p.key, type);
      }
    if (parameters?.kind === 'object') for (const p of parameters.properties) this.parameters.add(p.key);
  }

  typeOf(logicalId: string): string | undefined {
    return this.types.get(logicalId);
  }

  /** `!Ref name` (a resource, a parameter or a pseudo parameter). */
  ref(name: string): PlaceholderSymbol {
    const pseudo = PSEUDO[name];
    if (pseudo) return { kind: pseudo };
    const type = this.types.get(name);
    if (type) return { kind: RESOURCE_KINDS[type] ?? 'unknown', logicalId: name };
    return { kind: 'unknown', logicalId: this.parameters.has(name) || name.startsWith('AWS::') ? undefined : name };
  }

  /** `!GetAtt logicalId.attribute`. */
  getAtt(logicalId: string, attribute: string): PlaceholderSymbol {
    const type = this.types.get(logicalId);
    return { kind: (type && RESOURCE_KINDS[type]) || 'unknown', logicalId, attribute };
  }

  /** A `${Name}` of an `Fn::Sub` without a variable of that name: `Name` or `Resource.Attribute`. */
  implicit(name: string): PlaceholderSymbol {
    const dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith('AWS::')) return this.getAtt(name.slice(0, dot), name.slice(dot + 1));
    return this.ref(name);
  }
}
