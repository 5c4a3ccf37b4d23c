// sorted-btree is CommonJS; under NodeNext its class arrives as the `default` property of the
// module object. Import the ordered map from here so that quirk lives in one place.
import sortedBtree from 'sorted-btree';

export const BTree = sortedBtree.default;

/** Plain string order for string-keyed trees: sorted-btree's default comparator first tests for numbers and mixed types. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export type BTree<K, V> = InstanceType<typeof sortedBtree.default<K, V>>;
