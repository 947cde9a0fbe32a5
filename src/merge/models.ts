// Application models (TypeScript interfaces) next to the tables they describe: matched by
// name (`User` ≈ `users`, `createdAt` ≈ `created_at`), never creating tables; every field
// the table lacks, column the model lacks, required-but-nullable field and incompatible
// type is reported at the model, with the table's line beside it.
import type { Diagnostic } from '../schema/diagnostic.js';
import { displayName, looseName } from '../schema/names.js';
import { compatibleTypes, type ModelInterface } from '../read/ts-interfaces.js';
import type { MergedTables } from './tables.js';

export function compareModels(merged: MergedTables, models: ModelInterface[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const model of models) {
    const table = merged.find({ name: model.name });
    // An interface that matches no table is some other application type: nothing to compare.
    if (!table) continue;
    const tableAt = { span: table.spans[0]!, message: `${displayName(table)} is defined here` };
    diagnostics.push({
      code: 'SD250', severity: 'info', span: model.span,
      message: `interface ${model.name} is the application model of table ${displayName(table)}`,
      related: [tableAt],
    });
    const columns = new Map(table.columns.map((c) => [looseName(c.name), c]));
    const seen = new Set<string>();
    for (const field of model.fields) {
      const column = columns.get(looseName(field.name));
      if (!column) {
        diagnostics.push({
          code: 'SD251', severity: 'warning', span: field.span,
          message: `${model.name}.${field.name} has no column in ${displayName(table)}`, related: [tableAt],
        });
        continue;
      }
      seen.add(column.name);
      const columnAt = [{ span: column.spans[0]!, message: `${displayName(table)}.${column.name} is ${column.type.sql}${column.notNull ? ' NOT NULL' : ', nullable'}` }];
      if (!column.notNull && !field.optional && !field.nullable) {
        diagnostics.push({
          code: 'SD252', severity: 'warning', span: field.span, cause: 'required but nullable',
          message: `${model.name}.${field.name} is required in the interface, but ${displayName(table)}.${column.name} is nullable: a row can have NULL there`,
          fix: `${field.name}: ${field.type} | null`, related: columnAt,
        });
      }
      const accepted = compatibleTypes(column.type.sql);
      const types = field.type.split('|').map((t) => t.trim());
      if (accepted && !types.some((t) => accepted.includes(t) || /^['"\d]/.test(t))) {
        diagnostics.push({
          code: 'SD253', severity: 'warning', span: field.span,
          message: `${model.name}.${field.name} is ${field.type}, but ${displayName(table)}.${column.name} is ${column.type.sql}`,
          related: columnAt,
        });
      }
    }
    const missing = table.columns.filter((c) => !seen.has(c.name));
    if (missing.length) {
      diagnostics.push({
        code: 'SD254', severity: 'info', span: model.span,
        message: `interface ${model.name} leaves out columns of ${displayName(table)}: ${missing.map((c) => c.name).join(', ')}`,
        related: [tableAt],
      });
    }
  }
  return diagnostics;
}
