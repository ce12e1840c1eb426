//===- Trie.h - Merkle Patricia Trie root -----------------------*- C++ -*-===//
//
// The root hash of Ethereum's Merkle Patricia Trie (yellow paper, appendix D),
// computed from scratch from the full set of entries: the state, storage,
// transactions, receipts and withdrawals roots all come from here.
//
//===----------------------------------------------------------------------===//
#ifndef METIS_RUNTIME_TRIE_H
#define METIS_RUNTIME_TRIE_H

#include "metis/runtime/Bytes.h"

#include <utility>
#include <vector>

namespace metis::trie {

/// The root of the empty trie: keccak256(rlp("")).
inline constexpr Bytes32 kEmptyRoot = {
    {{0x56, 0xe8, 0x1f, 0x17, 0x1b, 0xcc, 0x55, 0xa6, 0xff, 0x83, 0x45,
      0xe6, 0x92, 0xc0, 0xf8, 0x6e, 0x5b, 0x48, 0xe0, 0x1b, 0x99, 0x6c,
      0xad, 0xc0, 0x01, 0x62, 0x2f, 0xb5, 0xe3, 0x63, 0xb4, 0x21}}};

/// Root hash of the Merkle Patricia Trie holding exactly these (key, value)
/// pairs. Keys are distinct raw byte strings (the caller hashes them for the
/// secure trie); values are stored verbatim in leaves (the caller RLP-encodes
/// them) and must be non-empty. Order of input does not matter. Outside the
/// contract the result is still that of a trie: an empty value means "absent"
/// and, of repeated keys, the last one in the input wins.
[[nodiscard]] Bytes32 root(std::vector<std::pair<Bytes, Bytes>> entries);

/// The same over borrowed bytes, for callers that already hold keys and values
/// elsewhere (the views must stay valid during the call).
[[nodiscard]] Bytes32 rootFromViews(std::vector<std::pair<BytesView, BytesView>> entries);

/// Root of a trie keyed by rlp(index) (transactions, receipts, withdrawals).
[[nodiscard]] Bytes32 orderedRoot(std::span<const Bytes> values);

} // namespace metis::trie

#endif // METIS_RUNTIME_TRIE_H
