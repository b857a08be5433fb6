/** The canonical model's channels: institutions, accounts and their assignment, mappings, rejects, privacy defaults. */
import type { Handlers } from '../../../shared/contract'
import type { Database } from '../db/duckdb'
import type { UndoStack } from '../undo/stack'
import { mergeAccounts, renameAccount } from './accountMerge'
import { assignAccount, listAccounts, suggestAssignments } from './accounts'
import { createInstitution, deleteInstitution, listInstitutions, updateInstitution } from './institutions'
import { applyMapping, getMapping, saveMapping } from './mappings'
import { listRejects } from './rejects'
import { getPrivacyDefaults, setPrivacyDefaults } from './settings'

export function canonicalHandlers(db: Database, undo: UndoStack) {
  return {
    listInstitutions: () => listInstitutions(db),
    createInstitution: (i) => createInstitution(db, i),
    updateInstitution: (i) => updateInstitution(db, i),
    deleteInstitution: ({ institutionId }) => deleteInstitution(db, undo, institutionId),
    listAccounts: () => listAccounts(db),
    assignAccount: ({ accountId, institutionId }) => assignAccount(db, undo, accountId, institutionId),
    renameAccount: ({ accountId, displayName }) => renameAccount(db, accountId, displayName),
    mergeAccounts: ({ fromId, intoId }) => mergeAccounts(db, undo, fromId, intoId),
    suggestAssignments: () => suggestAssignments(db),
    listRejects: ({ importId, offset, limit }) => listRejects(db, importId, offset, limit),
    getPrivacyDefaults: () => getPrivacyDefaults(db),
    setPrivacyDefaults: (p) => setPrivacyDefaults(db, p),
    getMapping: ({ headerSignature }) => getMapping(db, headerSignature),
    saveMapping: ({ headerSignature, mapping }) => saveMapping(db, headerSignature, mapping),
    applyMapping: ({ datasetId, mapping }) => applyMapping(db, undo, datasetId, mapping)
  } satisfies Partial<Handlers>
}
