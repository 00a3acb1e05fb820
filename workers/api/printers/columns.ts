/** Column definitions many kinds share, worded as upstream words them. */
import { DOC } from './descriptions';
import type { TableColumn } from './types';

export const nameColumn: TableColumn = { name: 'Name', type: 'string', format: 'name', description: DOC['ObjectMeta.name'], priority: 0 };

export const ageColumn: TableColumn = { name: 'Age', type: 'string', description: DOC['ObjectMeta.creationTimestamp'], priority: 0 };

export const containersColumn: TableColumn = {
  name: 'Containers',
  type: 'string',
  description: 'Names of each container in the template.',
  priority: 1,
};

export const imagesColumn: TableColumn = {
  name: 'Images',
  type: 'string',
  description: 'Images referenced by each container in the template.',
  priority: 1,
};

/** A plain column; priority 0 unless `wide`. */
export function col(name: string, type: TableColumn['type'], description: string, wide = false): TableColumn {
  return { name, type, description, priority: wide ? 1 : 0 };
}
