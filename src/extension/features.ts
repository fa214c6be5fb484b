// The table of editor features: each room registers its feature here (one import + one entry).
import type { ExtensionContextLike } from './context';
import { registerCrossings } from './crossings';
import { registerCrossingSchemas } from './schema/feature';
import { registerIam } from './iam';
import { registerCrossingsPanel } from './panel/feature';
import { registerRemote } from './remote';
import { registerDeployInvoker } from './deploy';
import { registerLanguage } from './language';
import { registerLiveCheck } from './check';

export type Feature = (ctx: ExtensionContextLike) => void;

export const features: Feature[] = [
  registerCrossings,
  registerCrossingSchemas,
  registerIam,
  registerCrossingsPanel,
  registerRemote,
  registerDeployInvoker,
  registerLanguage,
  registerLiveCheck,
];
