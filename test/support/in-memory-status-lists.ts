import type { StatusListRecord, StatusListStore } from '../../functions/core/ports.js';

/** The status lists in memory, with the DynamoDB adapter's put-if-absent and newer-revision-only rules. */
export function inMemoryStatusLists() {
  let current = '1';
  const claims = new Map<string, string>();
  const lists = new Map<string, StatusListRecord>();
  const listOf = (listId: string) => {
    const found = lists.get(listId) ?? { listId, setIndices: [], revision: 0 };
    lists.set(listId, found);
    return found;
  };
  const store: StatusListStore = {
    currentListId: async () => current,
    claimIndex: async (listId, index, certificateNumber) => {
      const key = `${listId}#${index}`;
      if (claims.has(key)) return false;
      claims.set(key, certificateNumber);
      return true;
    },
    openNextList: async (fullListId) => {
      if (current === fullListId) current = String(Number(fullListId) + 1);
      return current;
    },
    getList: async (listId) => {
      const found = lists.get(listId);
      return found ? structuredClone(found) : undefined;
    },
    setBit: async (listId, index) => {
      const list = listOf(listId);
      if (list.setIndices.includes(index)) return false;
      list.setIndices.push(index);
      list.revision += 1;
      return true;
    },
    putSigned: async (listId, signed) => {
      const list = listOf(listId);
      if (list.signed && list.signed.revision >= signed.revision) return false;
      list.signed = { ...signed };
      return true;
    },
  };
  return { store, claims, lists };
}
