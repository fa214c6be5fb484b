// The table of editor features: each room registers its feature here (one import + one entry).
import type { ExtensionContextLike } from './context';
import { registerCrossings } from './crossings';

export type Feature = (ctx: ExtensionContextLike) => void;

export const features: Feature[] = [registerCrossings];
