/**
 * A cheap integer mix for the open-addressing tables of the online index (postings, document frequencies):
 * sequential or similar 32-bit keys spread over the table. Unsigned result.
 */
export function mixKey(key: number): number {
  let h = Math.imul(key ^ (key >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}
