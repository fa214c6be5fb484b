// Public face of the fake AWS server used by the invoker, deploy and CLI tests (and, later, Step Functions tests).
export { FakeAws, isReadOperation, type Fault, type FakeAwsOptions, type RecordedRequest } from './server';
export { World, DEFAULT_ACCESS_KEY, DEFAULT_SECRET, DEFAULT_ACCOUNT, type WorldOptions } from './world';
export {
  FakeServiceError,
  type ServiceProtocol,
  type FakeRequest,
  type FakeResponse,
  type ServiceContext,
} from './types';
export { formParams, queryError, queryResponse, toXml } from './query';
