// Every rule `check` knows, in code order. Adding a rule: one file here, one line below,
// and its page in docs/rules/.
import type { Rule } from '../rule.js';
import { sqlSyntax } from './sql-syntax.js';
import { sqlSketch } from './sql-sketch.js';
import { mysqlSyntax } from './mysql-syntax.js';
import { pseudoSqlPolicy } from './pseudo-sql-policy.js';
import { notPartOfSchema } from './not-part-of-schema.js';
import { duplicateKey } from './duplicate-key.js';
import { notUtf8 } from './not-utf8.js';
import { nameNotIdentifier } from './name-not-identifier.js';
import { objectMissing } from './object-missing.js';
import { placeholder } from './placeholder.js';
import { undefinedReference } from './undefined-reference.js';
import { foldedIdentifier } from './folded-identifier.js';
import { undefinedFunctionCall } from './undefined-function-call.js';
import { referenceOnPageNotGiven } from './reference-on-page-not-given.js';
import { statementFails } from './statement-fails.js';
import { exampleFails } from './example-fails.js';
import { extensionNotEmbedded } from './extension-not-embedded.js';
import { foreignKeyWithoutIndex } from './foreign-key-without-index.js';
import { redundantIndex } from './redundant-index.js';
import { setNullOnNotNull } from './set-null-on-not-null.js';
import { foreignKeyBlocksDelete } from './foreign-key-blocks-delete.js';
import { reservedWordName } from './reserved-word-name.js';
import { timestampWithoutTimeZone } from './timestamp-without-time-zone.js';
import { varcharLength } from './varchar-length.js';
import { serialOverIdentity } from './serial-over-identity.js';
import { missingPrimaryKey } from './missing-primary-key.js';
import { uuidKeyWithoutDefault } from './uuid-key-without-default.js';
import { unmaintainedUpdatedAt } from './unmaintained-updated-at.js';
import { viewOrderBy } from './view-order-by.js';
import { viewCartesianJoin } from './view-cartesian-join.js';
import { unusedEnum } from './unused-enum.js';
import { rlsWithoutPolicy } from './rls-without-policy.js';
import { policyWithoutRls } from './policy-without-rls.js';
import { tableNaming } from './table-naming.js';
import { indexNaming } from './index-naming.js';
import { foreignKeyNaming } from './foreign-key-naming.js';
import { primaryKeyConvention } from './primary-key-convention.js';
import { enumValueCase } from './enum-value-case.js';
import { claimEveryTable } from './claim-every-table.js';
import { claimRowLevelSecurity } from './claim-row-level-security.js';
import { claimTableCount } from './claim-table-count.js';
import { claimPolicySummary } from './claim-policy-summary.js';
import { claimOnDelete } from './claim-on-delete.js';

export const RULES: Rule[] = [
  sqlSyntax,
  sqlSketch,
  mysqlSyntax,
  pseudoSqlPolicy,
  notPartOfSchema,
  duplicateKey,
  notUtf8,
  nameNotIdentifier,
  placeholder,
  objectMissing,
  undefinedReference,
  foldedIdentifier,
  undefinedFunctionCall,
  referenceOnPageNotGiven,
  statementFails,
  exampleFails,
  extensionNotEmbedded,
  foreignKeyWithoutIndex,
  redundantIndex,
  setNullOnNotNull,
  foreignKeyBlocksDelete,
  reservedWordName,
  timestampWithoutTimeZone,
  varcharLength,
  serialOverIdentity,
  missingPrimaryKey,
  uuidKeyWithoutDefault,
  unmaintainedUpdatedAt,
  viewOrderBy,
  viewCartesianJoin,
  unusedEnum,
  rlsWithoutPolicy,
  policyWithoutRls,
  tableNaming,
  indexNaming,
  foreignKeyNaming,
  primaryKeyConvention,
  enumValueCase,
  claimEveryTable,
  claimRowLevelSecurity,
  claimTableCount,
  claimPolicySummary,
  claimOnDelete,
];
