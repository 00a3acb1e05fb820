/** `kubectl get limitranges`: no printer upstream, so the default NAME / CREATED AT table. */
import { defaultPrinter } from './defaultprinter';

export const limitRangePrinter = defaultPrinter;
