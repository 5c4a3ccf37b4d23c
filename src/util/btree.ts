// sorted-btree is CommonJS; under NodeNext its class arrives as the `default` property of the
// module object. Import the ordered map from here so that quirk lives in one place.
import sortedBtree from 'sorted-btree';

export const BTree = sortedBtree.default;
export type BTree<K, V> = InstanceType<typeof sortedBtree.default<K, V>>;
