/**
 * `kubectl get customresourcedefinitions`: the CRD registry uses the default
 * table convertor (NAME, CREATED AT). Tables for the custom resources
 * themselves come from customresource.ts.
 */
import { defaultPrinter } from './defaultprinter';

export const customResourceDefinitionPrinter = defaultPrinter;
export { crdPrinter, customResourcePrinter } from './customresource';
